using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook05Tests
{
    [Fact]
    public void Exercise1_gap_next_to_1000_in_float64()
    {
        Assert.Null(Notebook05.Exercise1(null).Correct);
        Assert.True(Notebook05.Exercise1(Math.BitIncrement(1000.0) - 1000.0).Correct);
        Assert.True(Notebook05.Exercise1(512 * finfo(ScalarType.Float64).eps).Correct);
        Assert.True(Notebook05.Exercise1(Math.Pow(2, -43)).Correct);

        var proportional = Notebook05.Exercise1(1000 * finfo(ScalarType.Float64).eps);   // spacing is not proportional
        Assert.False(proportional.Correct);
        Assert.Contains("1000 × eps", proportional.Message);
        var epsilon = Notebook05.Exercise1(finfo(ScalarType.Float64).eps);               // the gap next to 1, printed in the lesson
        Assert.False(epsilon.Correct);
        Assert.Contains("machine epsilon", epsilon.Message);
        var float32 = Notebook05.Exercise1(MathF.BitIncrement(1000f) - 1000f);            // float32's gap
        Assert.False(float32.Correct);
        Assert.Contains("float32", float32.Message);
        Assert.False(Notebook05.Exercise1(1024 * finfo(ScalarType.Float64).eps).Correct); // one power of two too far
        Assert.False(Notebook05.Exercise1(double.Epsilon).Correct);
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

    [Fact]
    public void Exercise1_tells_a_typed_rounding_to_compute_the_gap_and_recognizes_rounded_slips()
    {
        var typed = Notebook05.Exercise1(1.137e-13);
        Assert.False(typed.Correct);
        Assert.Contains("compute it in code", typed.Message);
        Assert.Contains("machine epsilon", Notebook05.Exercise1(2.22e-16).Message);
        Assert.Contains("1000 × eps", Notebook05.Exercise1(2.22e-13).Message);
        Assert.Contains("float32", Notebook05.Exercise1(6.1e-5).Message);
    }

    [Fact]
    public void ControlFlow_takes_float64_and_refuses_zeros_instead_of_looping_forever()
    {
        using var d = Notebook05.ControlFlow(tensor(new[] { 0.5, -1.0 }));
        Assert.Equal(ScalarType.Float64, d.dtype);
        Assert.Throws<ArgumentException>(() => Notebook05.ControlFlow(zeros(3)));
        Assert.Throws<ArgumentException>(() => Notebook05.ControlFlow(ones(3, dtype: ScalarType.Int64)));
    }

    [Fact]
    public void Exercise5_is_about_a_function_that_mixes_the_elements()
    {
        Assert.True(Notebook05.Exercise5("ace").Correct);
        Assert.True(Notebook05.Exercise5("E, C, A").Correct);
        var elementwise = Notebook05.Exercise5("abce");          // the element-wise shortcut the lesson's examples suggest
        Assert.False(elementwise.Correct);
        Assert.Contains("(b) is false", elementwise.Message);
        var jacobian = Notebook05.Exercise5("acde");
        Assert.False(jacobian.Correct);
        Assert.Contains("x's shape", jacobian.Message);
        Assert.Contains("missing", Notebook05.Exercise5("ac").Message);
        Assert.Null(Notebook05.Exercise5(null).Correct);
    }

    [Fact]
    public void Exercise5s_true_statements_are_what_autograd_does()
    {
        using var A = tensor(new double[,] { { 2, -1, 0 }, { 1, 3, 5 } });
        using var x = ones(3, dtype: ScalarType.Float64).requires_grad_(true);
        using var y = A.mv(x);
        y.sum().backward(retain_graph: true);
        Assert.Equal(new long[] { 3 }, x.grad!.shape);                                   // (a)
        Assert.True(x.grad.allclose(A.sum(dim: 0)));                                         // (c): column sums, Aᵀ1
        x.grad.zero_();
        y.backward([tensor(new double[] { 1, 0 })]);
        Assert.True(x.grad.allclose(A[0]));                                             // (e): the first row
    }

    [Fact]
    public void Exercise6_accepts_the_chain_rule_gradient_in_any_sensible_form()
    {
        Assert.Null(Notebook05.Exercise6(null).Correct);
        Assert.True(Notebook05.Exercise6(x => 2 * x * x.pow(2).cos()).Correct);
        Assert.True(Notebook05.Exercise6(x => (2 * x * (x * x).cos()).to_type(ScalarType.Float32)).Correct);   // float32 is precise enough
        Assert.True(Notebook05.Exercise6(x => (2 * x * x.pow(2).cos()).reshape(-1, 1)).Correct);              // a column of the right length
        Assert.True(Notebook05.Exercise6(x =>
        {
            var v = x.detach().clone().requires_grad_(true);
            Notebook05.SinOfSquares(v).backward();
            return v.grad!.detach();
        }).Correct);
    }

    [Fact]
    public void Exercise6_shows_the_mismatch_and_names_each_chain_rule_slip()
    {
        var lessons = Notebook05.Exercise6(x => x.pow(2).cos());                    // the buggy gradient of the lesson
        Assert.False(lessons.Correct);
        Assert.Contains("hand-written gradient vs central difference", lessons.Message);
        Assert.Contains("forgets the inner one", lessons.Message);
        Assert.Contains("2x, not x", Notebook05.Exercise6(x => x * x.pow(2).cos()).Message);
        Assert.Contains("2x, not 2", Notebook05.Exercise6(x => 2 * x.pow(2).cos()).Message);
        Assert.Contains("derivative of sin is cos", Notebook05.Exercise6(x => -2 * x * x.pow(2).sin()).Message);
        Assert.Contains("not at its derivative", Notebook05.Exercise6(x => 2 * x * (2 * x).cos()).Message);
        var other = Notebook05.Exercise6(x => x.exp());
        Assert.False(other.Correct);
        Assert.Contains("Hint: the chain rule", other.Message);
    }

    [Fact]
    public void Exercise6_turns_a_wrong_shape_a_throw_and_nan_into_feedback()
    {
        var sum = Notebook05.Exercise6(x => (2 * x * x.pow(2).cos()).sum());     // one number instead of one per element
        Assert.False(sum.Correct);
        Assert.Contains("shape", sum.Message);
        var threw = Notebook05.Exercise6(_ => throw new InvalidOperationException("oops"));
        Assert.False(threw.Correct);
        Assert.Contains("threw InvalidOperationException", threw.Message);
        var nan = Notebook05.Exercise6(x => x / 0 * 0);
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
    }
}
