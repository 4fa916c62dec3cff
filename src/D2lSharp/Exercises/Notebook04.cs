using System.Globalization;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 04 — Calculus (微积分).</summary>
public static class Notebook04
{
    /// <summary>Exercise 1: the slope of f(x) = x³ − 1/x at x = 1 (the tangent's slope).</summary>
    public static Feedback Exercise1(double? slope) => Check.Guard(() =>
    {
        const double expected = 4.0, tolerance = 1e-3;
        if (slope is { } s && double.IsFinite(s) && Math.Abs(s - expected) > tolerance && Math.Abs(s - expected) <= 0.1)
            return Check.Wrong($"{Check.G(s)} is close to the slope, the way a difference quotient gives it: its error shrinks with h " +
                               "(about h for a forward difference, h² for a central one). Work f'(1) out with the rules to get it exactly.");
        return Check.Number(slope, expected, "the slope f'(1) of f(x) = x³ − 1/x", tolerance: tolerance,
            hint: "write 1/x as x⁻¹ and use the power rule on each term, then put x = 1 (mind the minus signs); a central difference with h = 1e-5 is a good check");
    });

    /// <summary>Exercise 2: the gradient of f(x) = 3x₁² + 5·exp(x₂) at x = [1, 0].</summary>
    public static Feedback Exercise2(Tensor? gradient) =>
        Check.Tensor(gradient, tensor(new[] { 6.0, 5.0 }), "the gradient of f(x) = 3x₁² + 5·exp(x₂) at x = [1, 0]", tolerance: 1e-4,
            hint: "one partial derivative per element: differentiate in x₁ holding x₂ constant, then in x₂ holding x₁ constant; the answer is a vector of length 2");

    /// <summary>Exercise 3: the gradient of the (not squared) L2 norm ‖x‖₂ at x = [3, 4].</summary>
    public static Feedback Exercise3(Tensor? gradient) =>
        Check.Tensor(gradient, tensor(new[] { 0.6, 0.8 }), "the gradient of ‖x‖₂ at x = [3, 4]", tolerance: 1e-4,
            hint: "write ‖x‖₂ = sqrt(u) with u = ‖x‖², whose gradient you know; the chain rule multiplies d sqrt(u)/du by it. 2x is the gradient of the square, not of the norm");

    /// <summary>Exercise 4: the derivative of y = exp(sin x), given as a function of x; it is checked at several points.</summary>
    public static Feedback Exercise4(Func<double, double>? derivative) => Check.Guard(() =>
    {
        const string what = "the derivative of y = exp(sin x)";
        const string hint = "chain rule with the inner function u = sin x: dy/dx = dy/du · du/dx";
        if (derivative is null) return Check.Pending($"write {what} as a C# lambda, x => ...");
        double[] points = [-2.0, -0.5, 0.0, 1.0, 2.5];
        foreach (double x in points)
        {
            double expected = Math.Cos(x) * Math.Exp(Math.Sin(x));
            if (Check.Run(() => derivative(x), $"at x = {x.ToString(CultureInfo.InvariantCulture)}", out double actual) is { } threw) return threw;
            if (!double.IsFinite(actual))
                return Check.Wrong($"at x = {x.ToString(CultureInfo.InvariantCulture)} your derivative gives {Check.G(actual)}; the slope there is a finite number. Hint: {hint}.");
            if (!(Math.Abs(actual - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected))))
                return Check.Wrong($"at x = {x.ToString(CultureInfo.InvariantCulture)} your derivative gives {actual.ToString("G6", CultureInfo.InvariantCulture)}, " +
                                   $"but the slope there is {expected.ToString("G6", CultureInfo.InvariantCulture)}. Hint: {hint}.");
        }
        return Check.Right($"{what} matches the true slope at x = {string.Join(", ", points.Select(p => p.ToString(CultureInfo.InvariantCulture)))}.");
    });

    /// <summary>Exercise 5 (conceptual, d2l 2.4 exercise 6): the multivariable chain rule for u = f(x, y, z) with x, y, z functions of a and b.</summary>
    public static Feedback Exercise5(string? answer) =>
        Check.Choice(answer, "b", "the expression for ∂u/∂a", new Dictionary<char, string>
        {
            ['a'] = "a also changes u through y and z, and those paths count too",
            ['c'] = "multiplying out the sums creates cross terms like ∂u/∂x · ∂y/∂a, which pair x's effect on u with y's dependence on a: a path that does not exist",
            ['d'] = "the chain rule multiplies the derivatives along one path and adds up the paths; it never multiplies different paths together",
        }, hint: "draw the dependency graph a → x, y, z → u and follow every path from a to u");
}
