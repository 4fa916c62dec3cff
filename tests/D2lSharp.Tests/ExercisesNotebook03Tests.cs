using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook03Tests
{
    [Fact]
    public void Exercise1_accepts_the_first_axis_size()
    {
        Assert.Null(Notebook03.Exercise1(null).Correct);
        using var x = arange(24).reshape(2, 3, 4);
        Assert.True(Notebook03.Exercise1(x.shape[0]).Correct);
        Assert.False(Notebook03.Exercise1(x.numel()).Correct);
        Assert.False(Notebook03.Exercise1(x.dim()).Correct);
    }

    [Fact]
    public void Exercise2_accepts_row_shares_and_names_the_column_mistake()
    {
        Assert.Null(Notebook03.Exercise2(null).Correct);
        using var a = arange(20, dtype: ScalarType.Float32).reshape(5, 4);
        using var right = a / a.sum(1, keepdim: true);
        Assert.True(Notebook03.Exercise2(right).Correct);
        using var byColumns = a / a.sum(0, keepdim: true);
        var wrong = Notebook03.Exercise2(byColumns);
        Assert.False(wrong.Correct);
        Assert.Contains("column sums", wrong.Message);
        using var transposed = right.T;
        Assert.False(Notebook03.Exercise2(transposed).Correct);
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
}
