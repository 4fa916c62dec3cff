using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook01Tests
{
    static Tensor Xf() => arange(12, dtype: float32).reshape(3, 4);
    static Tensor Y() => tensor(new float[,] { { 2, 1, 4, 3 }, { 1, 2, 3, 4 }, { 4, 3, 2, 1 } });

    [Fact]
    public void Exercise1_accepts_the_comparison_and_rejects_others()
    {
        Assert.Null(Notebook01.Exercise1(null).Correct);
        Assert.True(Notebook01.Exercise1(Xf() > Y()).Correct);
        Assert.False(Notebook01.Exercise1(Xf() < Y()).Correct);
        Assert.False(Notebook01.Exercise1((Xf() > Y()).to_type(ScalarType.Float32)).Correct);
    }

    [Fact]
    public void Exercise2_accepts_the_broadcast_shape_only()
    {
        Assert.Null(Notebook01.Exercise2(null).Correct);
        Assert.True(Notebook01.Exercise2((zeros(3, 1, 2) + zeros(1, 4, 1)).shape).Correct);
        Assert.False(Notebook01.Exercise2([3, 1, 2]).Correct);
    }

    [Fact]
    public void Exercise3_accepts_the_last_two_columns_only()
    {
        Assert.Null(Notebook01.Exercise3(null).Correct);
        Assert.True(Notebook01.Exercise3(Xf()[.., 2..]).Correct);
        Assert.False(Notebook01.Exercise3(Xf()[.., 0..2]).Correct);
        Assert.False(Notebook01.Exercise3(Xf()[1..3]).Correct);
    }

    [Fact]
    public void Exercise4_accepts_the_element_count_only()
    {
        Assert.Null(Notebook01.Exercise4(null).Correct);
        Assert.True(Notebook01.Exercise4(cat(new[] { ones(2, 3, 4), zeros(2, 5, 4) }, 1).numel()).Correct);
        Assert.False(Notebook01.Exercise4(72).Correct);
    }

    /// <summary>The answer key of exercise 5 is what TorchSharp does: each option is run (the one that fails throws, catchably).</summary>
    [Fact]
    public void Exercise5_answer_key_is_what_the_operations_give()
    {
        using var xf = Xf();
        var options = new Dictionary<char, Func<Tensor>>
        {
            ['a'] = () => xf + ones(4),
            ['b'] = () => xf + ones(3),
            ['c'] = () => xf * ones(3, 1),
            ['d'] = () => xf.mm(ones(4, 4)),
            ['e'] = () => xf.T.mm(ones(3, 4)),
            ['f'] = () => cat(new[] { xf, xf }, 0),
        };
        var keepShape = new List<char>();
        var failed = new List<char>();
        foreach (var (letter, op) in options)
        {
            try
            {
                using var result = op();
                if (result.shape.SequenceEqual(new long[] { 3, 4 })) keepShape.Add(letter);
            }
            catch (Exception)
            {
                failed.Add(letter);
            }
        }
        Assert.Equal(['b'], failed);   // (3, 4) + (3,) does not broadcast
        Assert.True(Notebook01.Exercise5(string.Concat(keepShape)).Correct);
    }

    [Fact]
    public void Exercise5_says_why_each_wrong_option_is_false_without_naming_the_right_ones()
    {
        Assert.Null(Notebook01.Exercise5(null).Correct);
        Assert.True(Notebook01.Exercise5("acd").Correct);
        Assert.True(Notebook01.Exercise5("D, c, A").Correct);
        var broadcast = Notebook01.Exercise5("abcd");
        Assert.False(broadcast.Correct);
        Assert.Contains("(b) is false", broadcast.Message);
        Assert.Contains("3 and 4 differ", broadcast.Message);
        Assert.Contains("(e) is false", Notebook01.Exercise5("acde").Message);
        Assert.Contains("4×4", Notebook01.Exercise5("acde").Message);
        Assert.Contains("6×4", Notebook01.Exercise5("acdf").Message);
        var elementwiseOnly = Notebook01.Exercise5("ac");   // the matrix product that keeps the shape left out
        Assert.False(elementwiseOnly.Correct);
        Assert.Contains("missing", elementwiseOnly.Message);
        Assert.DoesNotContain("acd", elementwiseOnly.Message);
        Assert.Contains("mm needs equal inner lengths", elementwiseOnly.Message);
    }
}
