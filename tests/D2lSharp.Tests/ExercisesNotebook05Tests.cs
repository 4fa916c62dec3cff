using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook05Tests
{
    [Fact]
    public void Exercise1_float64_epsilon()
    {
        Assert.Null(Notebook05.Exercise1(null).Correct);
        Assert.True(Notebook05.Exercise1(finfo(ScalarType.Float64).eps).Correct);
        Assert.True(Notebook05.Exercise1(Math.BitIncrement(1.0) - 1).Correct);
        Assert.False(Notebook05.Exercise1(Math.Pow(2, -23)).Correct); // float32's
        Assert.False(Notebook05.Exercise1(double.Epsilon).Correct);    // C#'s smallest subnormal, a different thing
    }

    [Fact]
    public void Exercise2_gradient_of_sin_by_autograd()
    {
        Assert.Null(Notebook05.Exercise2(null).Correct);
        using var x = Notebook05.Exercise2Points().requires_grad_(true);
        using var y = x.sin().sum();
        y.backward();
        Assert.True(Notebook05.Exercise2(x.grad).Correct);
        using var wrong = Notebook05.Exercise2Points().sin();
        Assert.False(Notebook05.Exercise2(wrong).Correct);
    }

    [Fact]
    public void Exercise3_accumulated_gradient()
    {
        Assert.Null(Notebook05.Exercise3(null).Correct);
        using var x = arange(4.0f).requires_grad_(true);
        for (int i = 0; i < 2; i++)
        {
            using var y = 2 * x.dot(x);
            y.backward();
        }
        Assert.True(Notebook05.Exercise3(x.grad).Correct);
        Assert.False(Notebook05.Exercise3(4 * x.detach()).Correct);
    }

    [Fact]
    public void Exercise4_control_flow_with_a_vector()
    {
        Assert.Null(Notebook05.Exercise4(null).Correct);
        using var a = Notebook05.Exercise4Input().requires_grad_(true);
        using var d = Notebook05.ControlFlow(a);
        using var s = d.sum();
        s.backward();
        Assert.True(Notebook05.Exercise4(a.grad).Correct);
        Assert.Equal(51200f, a.grad!.max().item<float>());
        Assert.False(Notebook05.Exercise4(full(3, 512f)).Correct); // the if branch instead of the else branch
    }
}
