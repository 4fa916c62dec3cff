using D2lSharp.Calculus;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class GradientCheckTests
{
    static double MaxDiff(Tensor a, Tensor b) => (a.to_type(ScalarType.Float64) - b.to_type(ScalarType.Float64)).abs().max().item<double>();

    [Fact]
    public void Numerical_gradient_of_sum_of_squares_is_2x_in_float64()
    {
        using var x = tensor(new float[] { 1, -2, 3 });
        using var g = GradientCheck.Numerical(v => (v * v).sum(), x);
        Assert.Equal(ScalarType.Float64, g.dtype);
        Assert.Equal(new long[] { 3 }, g.shape);
        Assert.True(MaxDiff(g, tensor(new double[] { 2, -4, 6 })) < 1e-6);
    }

    [Fact]
    public void Numerical_derivative_of_d2l_f_at_1_is_2()
    {
        using var x = tensor(1.0);
        using var g = GradientCheck.Numerical(v => 3 * v.pow(2) - 4 * v, x);
        Assert.Empty(g.shape);
        Assert.Equal(2.0, g.item<double>(), 6);
    }

    [Fact]
    public void Numerical_gradient_keeps_the_shape_of_a_matrix_argument()
    {
        using var x = tensor(new double[,] { { 0.5, 1 }, { -1, 2 } });
        using var g = GradientCheck.Numerical(v => v.sin().sum(), x);
        Assert.Equal(new long[] { 2, 2 }, g.shape);
        Assert.True(MaxDiff(g, x.cos()) < 1e-8);
    }

    [Fact]
    public void Numerical_does_not_change_x()
    {
        using var x = tensor(new double[] { 1, 2 });
        using var copy = x.clone();
        using var g = GradientCheck.Numerical(v => v.exp().sum(), x);
        Assert.Equal(0.0, MaxDiff(x, copy));
    }

    [Fact]
    public void Compare_agrees_with_autograd_on_quadratic_form()
    {
        manual_seed(1);
        using var A = randn(3, 3, dtype: ScalarType.Float64);
        using var x = randn(3, dtype: ScalarType.Float64);
        var c = GradientCheck.Compare(v => v.matmul(A).matmul(v), x);
        Assert.True(c.Agrees(1e-6), c.ToString());
        using var expected = (A + A.t()).matmul(x);
        Assert.True(MaxDiff(c.Autograd, expected) < 1e-12);
    }

    [Fact]
    public void Compare_agrees_with_autograd_on_float32_composition()
    {
        using var x = tensor(new float[] { 0.3f, -0.7f, 1.1f });
        var c = GradientCheck.Compare(v => (v.sin() * v.exp()).sum().tanh(), x);
        Assert.Equal(ScalarType.Float64, c.Autograd.dtype);
        Assert.True(c.MaxRelativeError < 1e-5, c.ToString());
    }

    [Fact]
    public void Compare_catches_a_wrong_gradient()
    {
        // A custom "function" whose forward and backward disagree: the forward is x², the backward is scaled by 3 through detach.
        using var x = tensor(new double[] { 1, 2 });
        var c = GradientCheck.Compare(v => (v * v).sum() + 2 * (v * v.detach()).sum() - 2 * (v.detach() * v.detach()).sum(), x);
        Assert.False(c.Agrees(1e-3), c.ToString());
        Assert.True(MaxDiff(c.Numerical, tensor(new double[] { 2, 4 })) < 1e-6);
        Assert.True(MaxDiff(c.Autograd, tensor(new double[] { 4, 8 })) < 1e-12);
    }

    [Fact]
    public void Non_scalar_output_is_rejected_with_its_shape()
    {
        using var x = tensor(new float[] { 1, 2, 3 });
        var e1 = Assert.Throws<ArgumentException>(() => GradientCheck.Numerical(v => v * 2, x));
        Assert.Equal("f", e1.ParamName);
        Assert.Contains("(3,)", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => GradientCheck.Compare(v => v * 2, x));
        Assert.Contains(".sum()", e2.Message);
    }

    [Fact]
    public void Integer_x_is_rejected()
    {
        using var x = tensor(new long[] { 1, 2, 3 });
        var e = Assert.Throws<ArgumentException>(() => GradientCheck.Numerical(v => v.sum(), x));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("got int64", e.Message);
        Assert.Throws<ArgumentException>(() => GradientCheck.Compare(v => v.sum(), x));
    }

    [Fact]
    public void Output_detached_from_x_is_rejected_by_Compare()
    {
        using var x = tensor(new double[] { 1, 2 });
        var e = Assert.Throws<ArgumentException>(() => GradientCheck.Compare(v => v.detach().sum(), x));
        Assert.Contains("detached", e.Message);
    }

    [Fact]
    public void Non_positive_h_is_rejected()
    {
        using var x = tensor(1.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Numerical(v => v * v, x, h: 0));
    }

    [Fact]
    public void Compare_with_a_hand_written_gradient_accepts_the_right_one_and_catches_a_chain_rule_slip()
    {
        using var x = tensor(new double[] { 0.5, 1.0, 1.5 });
        Tensor F(Tensor v) => v.pow(2).sin().sum();
        var right = GradientCheck.Compare(F, v => 2 * v * v.pow(2).cos(), x);
        Assert.True(right.Agrees(1e-8), right.ToString());
        Assert.StartsWith("hand-written gradient vs central difference", right.ToString());
        var wrong = GradientCheck.Compare(F, v => v.pow(2).cos(), x);             // forgets the inner derivative 2x
        Assert.Equal(2.0 / 3, wrong.MaxRelativeError, 6);                           // worst at x = 1.5: |cos − 3cos| / |3cos|
        Assert.Equal(0.0, MaxDiff(wrong.Autograd, x.pow(2).cos()));
        Assert.True(MaxDiff(wrong.Numerical, 2 * x * x.pow(2).cos()) < 1e-8);
        Assert.StartsWith("autograd vs", GradientCheck.Compare(F, x).ToString());
    }

    [Fact]
    public void Compare_with_a_hand_written_gradient_names_a_wrong_shape_null_and_a_non_float_result()
    {
        using var x = tensor(new double[] { 1, 2 });
        var shape = Assert.Throws<ArgumentException>(() => GradientCheck.Compare(v => v.sum(), v => v.sum(), x));
        Assert.Contains("gradient returned shape ()", shape.Message);
        Assert.Contains("x's shape (2,)", shape.Message);
        Assert.Throws<ArgumentException>(() => GradientCheck.Compare(v => v.sum(), _ => null!, x));
        var ints = Assert.Throws<ArgumentException>(() => GradientCheck.Compare(v => v.sum(), v => ones(2, dtype: ScalarType.Int64), x));
        Assert.Contains("int64", ints.Message);
        Assert.Throws<ArgumentNullException>(() => GradientCheck.Compare(v => v.sum(), (Func<Tensor, Tensor>)null!, x));
    }
}
