using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Data;

/// <summary>Synthetic data sets whose true parameters are known, so a learner can check what training recovers.</summary>
public static class Synthetic
{
    /// <summary>
    /// d2l's <c>synthetic_data</c>: X ~ N(0, 1) of shape (n, len(w)) and y = Xw + b + N(0, noise²) of shape (n, 1), float32.
    /// Uses torch's global generator, so <c>torch.manual_seed</c> (or <c>Course.Setup</c>) makes it reproducible.
    /// </summary>
    public static (Tensor X, Tensor y) LinearData(Tensor w, double b, long n, double noise = 0.01)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.dim() != 1)
            throw new ArgumentException($"w must be a 1-d tensor of weights (one per feature); got shape {TensorFormatter.Shape(w)}.", nameof(w));
        if (w.shape[0] == 0) throw new ArgumentException("w has no weights; give at least one feature weight.", nameof(w));
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be positive (the number of examples); got {n}.");
        if (noise < 0 || double.IsNaN(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, $"noise is a standard deviation and must be >= 0; got {noise}.");

        using var scope = NewDisposeScope();
        var weights = w.detach().to_type(ScalarType.Float32);
        var X = normal(0, 1, [n, w.shape[0]], dtype: ScalarType.Float32);
        var y = X.matmul(weights) + b;
        if (noise > 0) y = y + normal(0, noise, y.shape, dtype: ScalarType.Float32);
        return scope.MoveToOuter(X, y.reshape(-1, 1));
    }

}
