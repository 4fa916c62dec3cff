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
}
