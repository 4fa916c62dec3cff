using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 05 — Automatic differentiation (自动微分).</summary>
public static class Notebook05
{
    /// <summary>Exercise 1: the gap between 1000 and the next larger float64 (2⁻⁴³, since 1000 lies in [2⁹, 2¹⁰)).
    /// Not machine epsilon itself, which the lesson prints: the point is that the spacing grows in steps of powers of two.</summary>
    public static Feedback Exercise1(double? gap) => Check.Guard(() =>
    {
        const string what = "the gap between 1000 and the next larger float64";
        double eps = Math.Pow(2, -52), expected = Math.Pow(2, -43);
        if (gap is { } g && double.IsFinite(g))
        {
            if (Check.Matches(g, eps, digits: 2))
                return Check.Wrong("that is machine epsilon, the gap next to 1. Numbers near 1000 are spaced further apart.");
            if (Check.Matches(g, 1000 * eps, digits: 2))
                return Check.Wrong("1000 × eps assumes the spacing grows in proportion to the number. It grows in steps instead: " +
                                   "it is the same for every double between two consecutive powers of two and doubles from one such range to the next.");
            if (Check.Matches(g, Math.Pow(2, -14), digits: 2))
                return Check.Wrong("that is the gap next to 1000 in float32 (23 fraction bits). The question is about float64.");
            if (g != expected && Check.IsRounding(g, expected, 1))
                return Check.Wrong($"{Check.G(g)} is the gap rounded to the digits you typed: the right size. The exercise asks you to compute it " +
                                   "in code (it is exact there), not to type digits.");
        }
        return Check.Number(gap, expected, what, tolerance: 1e-20,
            hint: "doubles are evenly spaced between consecutive powers of two, with spacing eps on [1, 2), 2·eps on [2, 4), and so on; " +
                  "Math.BitIncrement(x) returns the next larger double, which lets you check your reasoning");
    });

    /// <summary>The points of exercise 2: nine float32 values from −π to π.</summary>
    public static Tensor Exercise2Points() => linspace(-Math.PI, Math.PI, 9, dtype: ScalarType.Float32);

    /// <summary>Exercise 2: the gradient of sin(x).sum() at <see cref="Exercise2Points"/>, computed with autograd.</summary>
    public static Feedback Exercise2(Tensor? gradient) => Check.Guard(() =>
    {
        using var scope = NewDisposeScope();
        var x = Exercise2Points();
        return Check.Tensor(gradient, x.cos(), "d sin(x)/dx at the nine points", tolerance: 1e-5,
            hint: "x = Exercise2Points().requires_grad_(true); sin(x) is a vector, so call .sum() before .backward(); then read x.grad. It should look like cos(x)");
    });

    /// <summary>Exercise 3: x.grad after running y = 2·xᵀx and y.backward() twice on x = arange(4.0) without zeroing.</summary>
    public static Feedback Exercise3(Tensor? gradient) =>
        Check.Tensor(gradient, tensor(new[] { 0.0, 8.0, 16.0, 24.0 }), "x.grad after two backward passes without zeroing", tolerance: 1e-5,
            hint: "backward() adds into x.grad instead of overwriting it; start from what one pass leaves there");

    /// <summary>The input of exercise 4: a vector, not a scalar as in d2l's example.</summary>
    public static Tensor Exercise4Input() => tensor(new[] { 0.5f, -1.0f, -2.0f });

    /// <summary>d2l's control-flow function f(a) from section 2.5, for any shape and floating dtype of a.</summary>
    public static Tensor ControlFlow(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!a.is_floating_point())
            throw new ArgumentException($"a must be a floating-point tensor (autograd needs one); it has dtype {Display.TensorFormatter.DTypeName(a.dtype)}.", nameof(a));
        if (a.numel() == 0 || (a == 0).all().item<bool>())
            throw new ArgumentException("a must have an element other than 0: doubling zeros never reaches the norm 1000, and the loop would not end.", nameof(a));
        var b = a * 2;
        while (b.norm().to_type(ScalarType.Float64).item<double>() < 1000) b = b * 2;
        return b.sum().to_type(ScalarType.Float64).item<double>() > 0 ? b : 100 * b;
    }

    /// <summary>Exercise 4: a.grad after d = ControlFlow(a); d.sum().backward() with a = <see cref="Exercise4Input"/>.</summary>
    public static Feedback Exercise4(Tensor? gradient) => Check.Guard(() =>
    {
        using var scope = NewDisposeScope();
        var a = Exercise4Input();
        var d = ControlFlow(a);
        var expected = (d / a).detach();
        return Check.Tensor(gradient, expected, "a.grad for the vector a = [0.5, -1, -2]", tolerance: 1e-2,
            hint: "d is a vector now, so backward needs d.sum(); then check which branch of the if ran for this a");
    });

    /// <summary>
    /// Exercise 5 (conceptual): x.grad after y.sum().backward() for y = A x, a function that mixes the elements of x
    /// (the lesson's examples are element-wise), read as vᵀJ with J = A.
    /// </summary>
    public static Feedback Exercise5(string? answer) =>
        Check.Choice(answer, "ace", "the true statements about x.grad for y = A x", new Dictionary<char, string>
        {
            ['b'] = "∂yⱼ/∂xⱼ is the shortcut for an element-wise f, where yⱼ depends on xⱼ alone; here every yᵢ depends on every xⱼ " +
                    "(and y has 2 elements, x has 3, so there is no y₃)",
            ['d'] = "backward never hands out the Jacobian: it computes vᵀJ, one number per element of x, and x.grad always has x's shape",
        }, hint: "backward of y.sum() computes vᵀJ with v = [1, 1], and the Jacobian of y = A x is A itself; " +
                 "you can try it with any 2 × 3 matrix A, x = torch.ones(3, requires_grad: true) and A.mv(x)");

    /// <summary>The points at which exercise 6's checker compares a gradient function with the central difference (float64, the one-element case first).</summary>
    static Tensor[] Exercise6Points() =>
    [
        tensor(new[] { 0.7 }),
        tensor(new[] { 0.5, 1.0, 1.5 }),
        tensor(new[] { -1.2, 0.3, 2.0, -0.8 }),
        tensor(new[] { 1.9, -0.4, 0.05, -2.2, 1.1, 0.9 }),
    ];

    /// <summary>The function of exercise 6: f(x) = Σᵢ sin(xᵢ²).</summary>
    public static Tensor SinOfSquares(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.pow(2).sin().sum();
    }

    /// <summary>
    /// Exercise 6: a hand-written gradient of f(x) = Σ sin(xᵢ²) (the lesson's buggy one is cos(x²), which forgets the inner
    /// derivative), checked with <see cref="Calculus.GradientCheck.Compare(Func{Tensor, Tensor}, Func{Tensor, Tensor}, Tensor, double)"/>
    /// at a one-element point first and then at longer vectors.
    /// </summary>
    public static Feedback Exercise6(Func<Tensor, Tensor>? gradient) => Check.Guard(() =>
    {
        if (gradient is null)
            return Check.Pending("write the gradient of f(x) = Σ sin(xᵢ²) as a function of x (one partial derivative per element); " +
                                 "the checker compares it with GradientCheck's central difference at a few points.");
        const string hint = "the chain rule: d/dx sin(u) = cos(u) · du/dx, here with u = x²";
        using var scope = NewDisposeScope();
        foreach (var x in Exercise6Points())
        {
            string where = $"at x = {Display.TensorFormatter.ValuesText(x)},";
            if (Check.Run(() => gradient(x.clone()), where, out var given) is { } threw) return threw;
            if (given is not null && !given.IsInvalid && given.is_floating_point() && given.dim() == 2 && given.numel() == x.numel())
                given = given.reshape(x.shape);                       // a column or a row of the right length is the same gradient
            if (Check.Returned(given, x.shape, where, "the gradient") is { } bad) return bad;
            var check = Calculus.GradientCheck.Compare(SinOfSquares, _ => given!, x);
            if (check.MaxRelativeError <= 1e-6) continue;
            var g = check.Autograd;
            var slip = Slip(g, x);
            return Check.Wrong($"{where} GradientCheck finds a mismatch ({check}). " + (slip ?? "Hint: " + hint + "."));
        }
        return Check.Right("your gradient 2x·cos(x²) agrees with the central difference at all four points: the check is how you trust a gradient derived by hand.");
    });

    /// <summary>What a wrong gradient of Σ sin(xᵢ²) most likely got wrong, or null.</summary>
    static string? Slip(Tensor g, Tensor x)
    {
        bool Is(Tensor candidate) => (g - candidate).abs().max().item<double>() < 1e-6;
        var u = x.pow(2);
        if (Is(u.cos()))
            return "This is the lesson's buggy gradient cos(x²): it differentiates the outer function and forgets the inner one. " +
                   "By the chain rule, d/dx sin(u) = cos(u) · du/dx with u = x².";
        if (Is(x * u.cos()))
            return "The inner derivative is d(x²)/dx = 2x, not x.";
        if (Is(2 * u.cos()))
            return "The inner derivative is d(x²)/dx = 2x, not 2.";
        if (Is(-2 * x * u.sin()) || Is(2 * x * u.sin()))
            return "The derivative of sin is cos (it is cos whose derivative is −sin).";
        if (Is(2 * x * (2 * x).cos()) || Is((2 * x).cos()))
            return "The outer derivative is cos evaluated at the inner value u = x², not at its derivative 2x.";
        return null;
    }
}
