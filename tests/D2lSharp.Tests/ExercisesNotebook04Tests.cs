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

    /// <summary>u = xy + z² with x = a + b, y = ab, z = a − b, as a function of (a, b), for autograd to differentiate.</summary>
    static Tensor U(Tensor ab)
    {
        var (a, b) = (ab[0], ab[1]);
        var (x, y, z) = (a + b, a * b, a - b);
        return x * y + z.pow(2);
    }

    [Fact]
    public void Exercise5_accepts_the_chain_rule_values_that_autograd_computes()
    {
        Assert.Null(Notebook04.Exercise5(null, null).Correct);
        Assert.Null(Notebook04.Exercise5(18, null).Correct);
        using var ab = tensor(new[] { 3.0, 2.0 }, requires_grad: true);
        U(ab).backward();
        var grad = ab.grad!.data<double>().ToArray();
        Assert.True(Notebook04.Exercise5(grad[0], grad[1]).Correct);
        Assert.True(Notebook04.Exercise5(18, 19).Correct);
        using var numerical = Calculus.GradientCheck.Numerical(U, ab.detach());
        Assert.True(Notebook04.Exercise5(numerical[0].item<double>(), numerical[1].item<double>()).Correct);   // a numerical check passes too
    }

    [Fact]
    public void Exercise5_names_each_slip_of_the_multivariable_chain_rule()
    {
        Assert.Contains("wrong way round", Notebook04.Exercise5(19, 18).Message);
        Assert.Contains("only the path through x", Notebook04.Exercise5(6, 19).Message);
        Assert.Contains("your ∂u/∂b is right", Notebook04.Exercise5(6, 19).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("leaves out the path through z", Notebook04.Exercise5(16, 21).Message);
        Assert.Contains("leaves out the path through y", Notebook04.Exercise5(8, 4).Message);
        Assert.Contains("2z", Notebook04.Exercise5(17, 20).Message);
        Assert.Contains("∂z/∂b = −1", Notebook04.Exercise5(18, 23).Message);
        var sums = Notebook04.Exercise5(52, 39);
        Assert.Contains("path that does not exist", sums.Message);
        Assert.Contains("adds them up", Notebook04.Exercise5(120, -180).Message);
        var off = Notebook04.Exercise5(1, 2);
        Assert.False(off.Correct);
        Assert.Contains("is off", off.Message);
        Assert.Contains("Hint", off.Message);
        Assert.DoesNotContain("18", off.Message);
        Assert.Contains("NaN", Notebook04.Exercise5(double.NaN, 19).Message);
        foreach (var (da, db) in new[] { (6.0, 6.0), (16.0, 21.0), (8.0, 4.0), (17.0, 20.0), (18.0, 23.0), (52.0, 39.0), (120.0, -180.0) })
            Assert.False(Notebook04.Exercise5(da, db).Correct);
    }
}
