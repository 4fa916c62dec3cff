using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook03Tests
{
    [Fact]
    public void Exercise1_accepts_the_true_transpose_identities_and_explains_the_product_rule()
    {
        Assert.Null(Notebook03.Exercise1(null).Correct);
        Assert.True(Notebook03.Exercise1("abd").Correct);
        Assert.True(Notebook03.Exercise1("D, b, A").Correct);
        var withProduct = Notebook03.Exercise1("abcd");
        Assert.False(withProduct.Correct);
        Assert.Contains("(c) is false", withProduct.Message);
        Assert.DoesNotContain("abd", withProduct.Message);
        var missing = Notebook03.Exercise1("ab");
        Assert.False(missing.Correct);
        Assert.Contains("missing", missing.Message);
        Assert.Contains("not one of the options", Notebook03.Exercise1("abz").Message);
    }

    [Fact]
    public void Exercise2_accepts_the_shapes_of_the_three_sums_only()
    {
        Assert.Null(Notebook03.Exercise2(null, null, null).Correct);
        using var x = arange(24).reshape(2, 3, 4);
        Assert.True(Notebook03.Exercise2(x.sum(dim: 1).shape, x.sum(dim: 2).shape, x.sum([0L, 2L]).shape).Correct);
        var kept = Notebook03.Exercise2([2, 1, 4], [2, 3], [3]);   // as if keepdim were true
        Assert.False(kept.Correct);
        Assert.Contains("X.sum(dim: 1)", kept.Message);
        Assert.False(Notebook03.Exercise2([2, 4], [2, 3], [2, 4]).Correct);
    }

    [Fact]
    public void Exercise3_accepts_the_Frobenius_norm()
    {
        Assert.Null(Notebook03.Exercise3(null).Correct);
        using var m = tensor(new[,] { { 1.0, -2.0, 2.0 }, { 0.0, 4.0, -4.0 } });
        Assert.True(Notebook03.Exercise3(m.pow(2).sum().sqrt().item<double>()).Correct);
        Assert.True(Notebook03.Exercise3(linalg.norm(m).item<double>()).Correct);
        Assert.False(Notebook03.Exercise3(m.abs().sum().item<double>()).Correct); // the L1 of the entries
        Assert.False(Notebook03.Exercise3(41).Correct);                            // forgot the square root
    }

    [Fact]
    public void Exercise4_accepts_the_product_shape()
    {
        Assert.Null(Notebook03.Exercise4(null).Correct);
        using var p = ones(3, 4);
        using var q = ones(4, 5);
        using var r = ones(5);
        using var product = mv(mm(p, q), r);
        Assert.True(Notebook03.Exercise4(product.shape).Correct);
        Assert.False(Notebook03.Exercise4([3, 5]).Correct);
    }

    [Fact]
    public void Exercise3_accepts_three_digit_roundings_and_names_the_squared_norm_and_the_L1_sum()
    {
        Assert.True(Notebook03.Exercise3(6.40).Correct);
        Assert.True(Notebook03.Exercise3(6.403).Correct);
        Assert.False(Notebook03.Exercise3(6.5).Correct);
        Assert.Contains("square root", Notebook03.Exercise3(41).Message);
        Assert.Contains("absolute values", Notebook03.Exercise3(13).Message);
    }
}
