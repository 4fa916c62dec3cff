using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook04Tests
{
    [Fact]
    public void Exercise1_slope_of_x_cubed_minus_one_over_x()
    {
        Assert.Null(Notebook04.Exercise1(null).Correct);
        Assert.True(Notebook04.Exercise1(4.0).Correct);
        Assert.False(Notebook04.Exercise1(2.0).Correct); // 3 − 1: the sign of (1/x)' missed
    }

    [Fact]
    public void Exercise2_gradient_of_3x1sq_plus_5exp_x2()
    {
        Assert.Null(Notebook04.Exercise2(null).Correct);
        using var x = tensor(new[] { 1.0, 0.0 }, requires_grad: true);
        using var f = 3 * x[0].pow(2) + 5 * x[1].exp();
        f.backward();
        Assert.True(Notebook04.Exercise2(x.grad).Correct);
        Assert.False(Notebook04.Exercise2(tensor(new[] { 3.0, 5.0 })).Correct);
        Assert.False(Notebook04.Exercise2(tensor(11.0)).Correct); // the notes' "sum" form: one number instead of a vector
    }

    [Fact]
    public void Exercise3_gradient_of_the_l2_norm()
    {
        Assert.Null(Notebook04.Exercise3(null).Correct);
        using var x = tensor(new[] { 3.0f, 4.0f }, requires_grad: true);
        using var n = x.norm();
        n.backward();
        Assert.True(Notebook04.Exercise3(x.grad).Correct);
        Assert.False(Notebook04.Exercise3(tensor(new[] { 6.0, 8.0 })).Correct); // 2x is the gradient of the square
    }

    [Fact]
    public void Exercise4_derivative_of_exp_sin()
    {
        Assert.Null(Notebook04.Exercise4(null).Correct);
        Assert.True(Notebook04.Exercise4(x => Math.Cos(x) * Math.Exp(Math.Sin(x))).Correct);
        Assert.False(Notebook04.Exercise4(x => Math.Exp(Math.Cos(x))).Correct);
        var thrown = Notebook04.Exercise4(x => throw new InvalidOperationException("oops"));
        Assert.False(thrown.Correct);
        Assert.Contains("oops", thrown.Message);
    }

    [Fact]
    public void Exercise1_tells_a_difference_quotient_what_it_is_instead_of_a_power_rule_hint()
    {
        double h = 1e-3, x = 1;
        double forward = ((x + h) * (x + h) * (x + h) - 1 / (x + h) - (x * x * x - 1 / x)) / h;   // ≈ 4.004
        var quotient = Notebook04.Exercise1(forward);
        Assert.False(quotient.Correct);
        Assert.Contains("difference quotient", quotient.Message);
        Assert.DoesNotContain("power rule", quotient.Message);
        Assert.Contains("power rule", Notebook04.Exercise1(2.0).Message);
    }
}
