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

    /// <summary>
    /// Exercise 5 (after d2l 2.4 exercise 4): ∂u/∂a and ∂u/∂b of u = xy + z² with x = a + b, y = ab, z = a − b at (a, b) = (3, 2),
    /// by the multivariable chain rule: 18 and 19, each the sum of three paths. The point is chosen so that every usual slip
    /// (a path left out, a path's sign, z for 2z, sums multiplied, paths multiplied, the two swapped) gives its own number.
    /// </summary>
    public static Feedback Exercise5(double? dudA, double? dudB) => Check.Guard(() =>
    {
        if (dudA is null || dudB is null)
            return Check.Pending("compute ∂u/∂a and ∂u/∂b of u = xy + z² (x = a + b, y = ab, z = a − b) at (a, b) = (3, 2).");
        double da = dudA.Value, db = dudB.Value;
        if (Check.NotFinite(da, "your ∂u/∂a") is { } badA) return badA;
        if (Check.NotFinite(db, "your ∂u/∂b") is { } badB) return badB;
        // at (3, 2): x = 5, y = 6, z = 1; ∂u/∂x = y = 6, ∂u/∂y = x = 5, ∂u/∂z = 2z = 2
        const double a = 3, b = 2, x = a + b, y = a * b, z = a - b;
        const double rightA = y * 1 + x * b + 2 * z * 1, rightB = y * 1 + x * a + 2 * z * -1;   // 18 and 19
        const string hint = "draw the graph a, b → x, y, z → u. Each path from a to u contributes the product of the local derivatives " +
                            "along it (such as ∂u/∂y · ∂y/∂a), and the paths add up. At (3, 2), x = 5, y = 6 and z = 1";
        static bool Is(double value, double expected) => Math.Abs(value - expected) <= 1e-4 * Math.Max(1, Math.Abs(expected));
        bool aRight = Is(da, rightA), bRight = Is(db, rightB);
        if (aRight && bRight)
            return Check.Right($"∂u/∂a = {Check.G(da)} and ∂u/∂b = {Check.G(db)}: each is the sum of three paths, through x, y and z.");
        if (Is(da, rightB) && Is(db, rightA))
            return Check.Wrong("these are the right two numbers the wrong way round (or the derivatives at (a, b) = (2, 3)): " +
                               "check which one is ∂u/∂a, and that a = 3 and b = 2.");
        var slipsA = new (double Value, string Why)[]
        {
            (y * 1, "is only the path through x; a reaches u through y and z as well"),
            (y * 1 + x * b, "leaves out the path through z, and z = a − b depends on a too"),
            (y * 1 + 2 * z * 1, "leaves out the path through y, and y = ab depends on a too"),
            (y * 1 + x * b + z * 1, "takes ∂u/∂z = z on the path through z, but the derivative of z² is 2z"),
            ((y + x + 2 * z) * (1 + b + 1), "multiplies the sum of ∂u/∂x, ∂u/∂y, ∂u/∂z by the sum of ∂x/∂a, ∂y/∂a, ∂z/∂a; that pairs, for example, " +
                                            "∂u/∂x with ∂y/∂a, a path that does not exist. Each term belongs to one path"),
            (y * 1 * (x * b) * (2 * z * 1), "multiplies the three paths together; the chain rule adds them up"),
        };
        var slipsB = new (double Value, string Why)[]
        {
            (y * 1, "is only the path through x; b reaches u through y and z as well"),
            (y * 1 + x * a, "leaves out the path through z, and z = a − b depends on b too"),
            (y * 1 - 2 * z, "leaves out the path through y, and y = ab depends on b too"),
            (y * 1 + x * a + 2 * z, "has the wrong sign on the path through z: z = a − b falls as b grows, so ∂z/∂b = −1"),
            (y * 1 + x * a - z, "takes ∂u/∂z = z on the path through z, but the derivative of z² is 2z"),
            ((y + x + 2 * z) * (1 + a - 1), "multiplies the sum of ∂u/∂x, ∂u/∂y, ∂u/∂z by the sum of ∂x/∂b, ∂y/∂b, ∂z/∂b; that pairs, for example, " +
                                            "∂u/∂x with ∂y/∂b, a path that does not exist. Each term belongs to one path"),
            (y * 1 * (x * a) * (2 * z * -1), "multiplies the three paths together; the chain rule adds them up"),
        };
        string Verdict(string name, double value, bool right, (double Value, string Why)[] slips) =>
            right ? $"your {name} is right."
            : slips.FirstOrDefault(s => Is(value, s.Value)) is { Why: { } why } ? $"your {name} = {Check.G(value)} {why}."
            : $"your {name} = {Check.G(value)} is off.";
        var parts = new[] { Verdict("∂u/∂a", da, aRight, slipsA), Verdict("∂u/∂b", db, bRight, slipsB) };
        string text = string.Join(" ", parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return Check.Wrong(text + " Hint: " + hint + ".");
    });
}
