using System.Globalization;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 04 — Calculus (微积分).</summary>
public static class Notebook04
{
    /// <summary>Exercise 1: the slope of f(x) = x³ − 1/x at x = 1 (the tangent's slope).</summary>
    public static Feedback Exercise1(double? slope) =>
        Check.Number(slope, 4.0, "the slope f'(1) of f(x) = x³ − 1/x", tolerance: 1e-3,
            hint: "write 1/x as x⁻¹ and use the power rule on each term, then put x = 1 (mind the minus signs); a central difference with h = 1e-5 is a good check");

    /// <summary>Exercise 2: the gradient of f(x) = 3x₁² + 5·exp(x₂) at x = [1, 0].</summary>
    public static Feedback Exercise2(Tensor? gradient) =>
        Check.Tensor(gradient, tensor(new[] { 6.0, 5.0 }), "the gradient of f(x) = 3x₁² + 5·exp(x₂) at x = [1, 0]", tolerance: 1e-4,
            hint: "one partial derivative per element: differentiate in x₁ holding x₂ constant, then in x₂ holding x₁ constant; the answer is a vector of length 2");

    /// <summary>Exercise 3: the gradient of the (not squared) L2 norm ‖x‖₂ at x = [3, 4].</summary>
    public static Feedback Exercise3(Tensor? gradient) =>
        Check.Tensor(gradient, tensor(new[] { 0.6, 0.8 }), "the gradient of ‖x‖₂ at x = [3, 4]", tolerance: 1e-4,
            hint: "write ‖x‖₂ = sqrt(u) with u = ‖x‖², whose gradient you know; the chain rule multiplies d sqrt(u)/du by it. 2x is the gradient of the square, not of the norm");

    /// <summary>Exercise 4: the derivative of y = exp(sin x), given as a function of x; it is checked at several points.</summary>
    public static Feedback Exercise4(Func<double, double>? derivative)
    {
        const string what = "the derivative of y = exp(sin x)";
        const string hint = "chain rule with the inner function u = sin x: dy/dx = dy/du · du/dx";
        if (derivative is null) return Check.Pending($"write {what} as a C# lambda, e.g. x => ... — {hint}.");
        double[] points = [-2.0, -0.5, 0.0, 1.0, 2.5];
        foreach (double x in points)
        {
            double expected = Math.Cos(x) * Math.Exp(Math.Sin(x)), actual;
            try { actual = derivative(x); }
            catch (Exception e) { return Check.Wrong($"your function threw {e.GetType().Name} at x = {x}: {e.Message}"); }
            if (!(Math.Abs(actual - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected))))
                return Check.Wrong($"at x = {x.ToString(CultureInfo.InvariantCulture)} your derivative gives {actual.ToString("G6", CultureInfo.InvariantCulture)}, " +
                                   $"but the slope there is {expected.ToString("G6", CultureInfo.InvariantCulture)}. Hint: {hint}.");
        }
        return Check.Right($"{what} matches the true slope at x = {string.Join(", ", points.Select(p => p.ToString(CultureInfo.InvariantCulture)))}.");
    }
}
