using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Calculus;

/// <summary>
/// The result of <see cref="GradientCheck.Compare(Func{Tensor, Tensor}, Tensor, double)"/>: the gradient under test, the
/// central-difference one (both float64, shaped like x) and the largest element-wise relative error between them.
/// <see cref="Autograd"/> holds autograd's gradient, or the hand-written one when the comparison was given a gradient function
/// (<see cref="Method"/> says which).
/// </summary>
public sealed record GradientComparison(Tensor Autograd, Tensor Numerical, double MaxRelativeError, double H, string Method = "autograd")
{
    /// <summary>True when the two gradients agree to within <paramref name="tolerance"/> (relative).</summary>
    internal bool Agrees(double tolerance = 1e-5) => MaxRelativeError <= tolerance;

    public override string ToString() =>
        $"{Method} vs central difference (h = {H.ToString("G3", CultureInfo.InvariantCulture)}): " +
        $"max relative error {MaxRelativeError.ToString("G3", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Numerical gradient checking: the central difference (f(x+h·eᵢ) − f(x−h·eᵢ)) / 2h for every element of x,
/// the standard way to test that a hand-written or autograd gradient is right.
/// </summary>
public static class GradientCheck
{
    /// <summary>Entries where both gradients are smaller than this are compared absolutely, not relatively.</summary>
    internal const double RelativeErrorFloor = 1e-6;

    /// <summary>
    /// The central-difference gradient of the scalar function <paramref name="f"/> at <paramref name="x"/>, computed in float64
    /// (x is copied to float64, so a small h stays meaningful); the result has x's shape and dtype float64.
    /// </summary>
    public static Tensor Numerical(Func<Tensor, Tensor> f, Tensor x, double h = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        TensorGuards.Alive(x, nameof(x));
        RequireFloatingPoint(x);
        if (!(h > 0) || double.IsInfinity(h))
            throw new ArgumentOutOfRangeException(nameof(h), h, "h must be a positive, finite step (e.g. 1e-6).");

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var flat = x.detach().cpu().to_type(ScalarType.Float64).flatten().clone();
        var point = flat.view(x.shape); // f sees x's shape; the flat view lets us step one element at a time
        RequireScalar(f(point), nameof(f));

        var values = flat.data<double>();
        long n = point.numel();
        var gradient = new double[n];
        for (long i = 0; i < n; i++)
        {
            double original = values[i];
            values[i] = original + h;
            double plus = Evaluate(f, point);
            values[i] = original - h;
            double minus = Evaluate(f, point);
            values[i] = original;
            gradient[i] = (plus - minus) / (2 * h);
        }
        return tensor(gradient, dtype: ScalarType.Float64).reshape(x.shape).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Autograd's gradient of <paramref name="f"/> at <paramref name="x"/> (computed in x's own dtype) next to the
    /// central-difference gradient, with the largest relative error |a − n| / max(|a|, |n|) between them.
    /// </summary>
    public static GradientComparison Compare(Func<Tensor, Tensor> f, Tensor x, double h = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        TensorGuards.Alive(x, nameof(x));
        RequireFloatingPoint(x);

        Tensor autograd, numerical;
        double maxError;
        using (var scope = NewDisposeScope())
        {
            var leaf = x.detach().clone().requires_grad_(true);
            var y = f(leaf);
            RequireScalar(y, nameof(f));
            if (!y.requires_grad)
                throw new ArgumentException(
                    "f's output does not depend on x through tensor operations autograd can follow " +
                    "(was x detached, or turned into a number with item<T>() inside f?).", nameof(f));
            y.backward();
            autograd = leaf.grad is null
                ? zeros(x.shape, dtype: ScalarType.Float64)
                : leaf.grad.detach().to_type(ScalarType.Float64).clone();
            numerical = Numerical(f, x, h);
            maxError = x.numel() == 0 ? 0 : RelativeErrors(autograd, numerical).max().item<double>();
            autograd.MoveToOuterDisposeScope();
            numerical.MoveToOuterDisposeScope();
        }
        return new GradientComparison(autograd, numerical, maxError, h);
    }

    /// <summary>
    /// A hand-written gradient function <paramref name="gradient"/> of <paramref name="f"/>, evaluated at <paramref name="x"/>,
    /// next to the central-difference gradient, with the largest relative error between them: how to test a gradient derived by
    /// hand before trusting it. Course plumbing (d2l has no such helper), first used in notebook 05's exercise 6.
    /// </summary>
    public static GradientComparison Compare(Func<Tensor, Tensor> f, Func<Tensor, Tensor> gradient, Tensor x, double h = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gradient);
        TensorGuards.Alive(x, nameof(x));
        RequireFloatingPoint(x);

        Tensor byHand, numerical;
        double maxError;
        using (var scope = NewDisposeScope())
        {
            Tensor? given;
            using (no_grad()) given = gradient(x.detach().clone());
            if (given is null)
                throw new ArgumentException("gradient returned null; it should return a tensor with x's shape, one partial derivative per element.", nameof(gradient));
            if (!given.shape.SequenceEqual(x.shape))
                throw new ArgumentException(
                    $"gradient returned shape {Display.TensorFormatter.Shape(given)}; the gradient of a scalar f at x has x's shape " +
                    $"{Display.TensorFormatter.Shape(x)}, one partial derivative per element.", nameof(gradient));
            if (!is_floating_point(given))
                throw new ArgumentException($"gradient returned a tensor of dtype {Display.TensorFormatter.DTypeName(given.dtype)}; a gradient takes real values.", nameof(gradient));
            byHand = given.detach().cpu().to_type(ScalarType.Float64).clone();
            numerical = Numerical(f, x, h);
            maxError = x.numel() == 0 ? 0 : RelativeErrors(byHand, numerical).max().item<double>();
            byHand.MoveToOuterDisposeScope();
            numerical.MoveToOuterDisposeScope();
        }
        return new GradientComparison(byHand, numerical, maxError, h, "hand-written gradient");
    }

    /// <summary>|a − n| / max(|a|, |n|) element by element; where both are below <see cref="RelativeErrorFloor"/>, relative to that floor.</summary>
    static Tensor RelativeErrors(Tensor a, Tensor n) => (a - n).abs() / maximum(a.abs(), n.abs()).clamp_min(RelativeErrorFloor);

    static double Evaluate(Func<Tensor, Tensor> f, Tensor point)
    {
        var y = f(point);
        return y.to_type(ScalarType.Float64).item<double>();
    }

    static void RequireFloatingPoint(Tensor x)
    {
        if (!is_floating_point(x))
            throw new ArgumentException(
                $"x must be a floating-point tensor (float32 or float64) to take a gradient; got {Display.TensorFormatter.DTypeName(x.dtype)}. " +
                "Convert it with `x.to(float32)` (or create it with a float, e.g. `arange(4.0f)`).", "x");
    }

    static void RequireScalar(Tensor y, string argument)
    {
        if (y.numel() != 1)
            throw new ArgumentException(
                $"f must return a scalar (one element) to have a gradient; it returned shape {Display.TensorFormatter.Shape(y)}. " +
                "Reduce it first, e.g. with .sum().", argument);
    }
}
