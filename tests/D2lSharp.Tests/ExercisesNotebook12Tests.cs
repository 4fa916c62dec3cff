using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook12Tests
{
    [Fact]
    public void Exercise1_shape_of_the_gradient_of_W1()
    {
        Assert.Null(Notebook12.Exercise1(null).Correct);
        Assert.True(Notebook12.Exercise1([256, 784]).Correct);
        var transposed = Notebook12.Exercise1([784, 256]);
        Assert.False(transposed.Correct);
        Assert.Contains("transposed", transposed.Message);
        var perExample = Notebook12.Exercise1([64, 256]);
        Assert.False(perExample.Correct);
        Assert.Contains("∂J/∂Z", perExample.Message);
        Assert.False(Notebook12.Exercise1([64, 784]).Correct);
        Assert.False(Notebook12.Exercise1([256]).Correct);
    }

    [Fact]
    public void Exercise1_hint_only_after_a_wrong_answer()
    {
        Assert.DoesNotContain("how many numbers", Notebook12.Exercise1(null).Message);
        Assert.Contains("how many numbers", Notebook12.Exercise1([10, 10]).Message);
    }

    [Fact]
    public void Exercise2_tanh_backward_from_the_kept_output()
    {
        Assert.Null(Notebook12.Exercise2(null).Correct);
        Assert.True(Notebook12.Exercise2((gradH, H) => gradH * (1 - H * H)).Correct);
        Assert.True(Notebook12.Exercise2((gradH, H) => gradH * (1 - H.pow(2))).Correct);
        var sigmoid = Notebook12.Exercise2((gradH, H) => gradH * H * (1 - H));
        Assert.False(sigmoid.Correct);
        Assert.Contains("sigmoid", sigmoid.Message);
        Assert.False(Notebook12.Exercise2((gradH, H) => gradH * (1 - H)).Correct);   // forgot the square
        Assert.False(Notebook12.Exercise2((gradH, H) => gradH).Correct);             // forgot φ′
        Assert.False(Notebook12.Exercise2((gradH, H) => 1 - H * H).Correct);         // forgot the upstream gradient
    }

    [Fact]
    public void Exercise2_reports_a_throwing_or_misshaped_function_without_throwing()
    {
        // (a libtorch shape error inside matmul aborts the process on this platform instead of throwing, so the test throws from C#)
        var threw = Notebook12.Exercise2((gradH, H) => throw new InvalidOperationException("not written yet"));
        Assert.False(threw.Correct);
        Assert.Contains("threw", threw.Message);
        var misshaped = Notebook12.Exercise2((gradH, H) => (gradH * (1 - H * H)).sum(0));
        Assert.False(misshaped.Correct);
        Assert.Contains("shape", misshaped.Message);
        var nothing = Notebook12.Exercise2((gradH, H) => null!);
        Assert.False(nothing.Correct);
        Assert.Contains("null", nothing.Message);
    }

    [Fact]
    public void Exercise3_values_not_derivatives()
    {
        Assert.Null(Notebook12.Exercise3(null).Correct);
        Assert.True(Notebook12.Exercise3('B').Correct);
        Assert.True(Notebook12.Exercise3('b').Correct);
        foreach (var wrong in new[] { 'A', 'C', 'D', 'E' })
            Assert.False(Notebook12.Exercise3(wrong).Correct);
        Assert.Contains("notes", Notebook12.Exercise3('A').Message);
        Assert.DoesNotContain("Hint", Notebook12.Exercise3(null).Message);
    }

    [Fact]
    public void Exercise4_bytes_kept_by_a_training_step()
    {
        Assert.Null(Notebook12.Exercise4(null).Correct);
        Assert.True(Notebook12.Exercise4(10L * 1024 * 512 * 4).Correct);
        Assert.Contains("values", Notebook12.Exercise4(10L * 1024 * 512).Message);
        Assert.Contains("float64", Notebook12.Exercise4(10L * 1024 * 512 * 8).Message);
        Assert.Contains("every hidden layer", Notebook12.Exercise4(1024L * 512 * 4).Message);
        Assert.False(Notebook12.Exercise4(12345).Correct);
        Assert.DoesNotContain("float32 is", Notebook12.Exercise4(null).Message);
    }
}
