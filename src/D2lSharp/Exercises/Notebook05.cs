using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 05 — Automatic differentiation (自动微分).</summary>
public static class Notebook05
{
    /// <summary>Exercise 1: the machine epsilon of float64 (the gap between 1 and the next larger float64).</summary>
    public static Feedback Exercise1(double? epsilon) =>
        Check.Number(epsilon, Math.Pow(2, -52), "float64's machine epsilon", tolerance: 1e-22,
            hint: "float32 keeps 23 fraction bits and its epsilon is 2^-23; float64 keeps 52. torch.finfo gives it for any dtype (not C#'s double.Epsilon, which is the smallest subnormal)");

    /// <summary>The points of exercise 2: nine float32 values from −π to π.</summary>
    public static Tensor Exercise2Points() => linspace(-Math.PI, Math.PI, 9, dtype: ScalarType.Float32);

    /// <summary>Exercise 2: the gradient of sin(x).sum() at <see cref="Exercise2Points"/>, computed with autograd.</summary>
    public static Feedback Exercise2(Tensor? gradient)
    {
        using var x = Exercise2Points();
        return Check.Tensor(gradient, x.cos(), "d sin(x)/dx at the nine points", tolerance: 1e-5,
            hint: "x = Exercise2Points().requires_grad_(true); sin(x) is a vector, so call .sum() before .backward(); then read x.grad. It should look like cos(x)");
    }

    /// <summary>Exercise 3: x.grad after running y = 2·xᵀx and y.backward() twice on x = arange(4.0) without zeroing.</summary>
    public static Feedback Exercise3(Tensor? gradient) =>
        Check.Tensor(gradient, tensor(new[] { 0.0, 8.0, 16.0, 24.0 }), "x.grad after two backward passes without zeroing", tolerance: 1e-5,
            hint: "backward() adds into x.grad instead of overwriting it; start from what one pass leaves there");

    /// <summary>The input of exercise 4: a vector, not a scalar as in d2l's example.</summary>
    public static Tensor Exercise4Input() => tensor(new[] { 0.5f, -1.0f, -2.0f });

    /// <summary>d2l's control-flow function f(a) from section 2.5, for any shape of a.</summary>
    public static Tensor ControlFlow(Tensor a)
    {
        var b = a * 2;
        while (b.norm().item<float>() < 1000) b = b * 2;
        return b.sum().item<float>() > 0 ? b : 100 * b;
    }

    /// <summary>Exercise 4: a.grad after d = ControlFlow(a); d.sum().backward() with a = <see cref="Exercise4Input"/>.</summary>
    public static Feedback Exercise4(Tensor? gradient)
    {
        using var scope = NewDisposeScope();
        var a = Exercise4Input();
        var d = ControlFlow(a);
        var expected = (d / a).detach().MoveToOuterDisposeScope();
        return Check.Tensor(gradient, expected, "a.grad for the vector a = [0.5, -1, -2]", tolerance: 1e-2,
            hint: "d is a vector now, so backward needs d.sum(); then check which branch of the if ran for this a");
    }
}
