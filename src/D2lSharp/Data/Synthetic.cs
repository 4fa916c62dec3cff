using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Data;

/// <summary>Synthetic data sets whose true parameters are known, so a learner can check what training recovers.</summary>
public static class Synthetic
{
    /// <summary>
    /// Taught in notebook 07; d2l <c>synthetic_data</c>. X ~ N(0, 1) of shape (n, len(w)) and y = Xw + b + N(0, noise²) of
    /// shape (n, 1), float32, drawn from torch's global generator in the lesson's order, so after the same
    /// <c>torch.manual_seed</c> it returns the lesson's numbers.
    /// </summary>
    public static (Tensor X, Tensor y) SyntheticData(Tensor w, double b, long n, double noise = 0.01)
    {
        TensorGuards.Alive(w, nameof(w));
        if (w.dim() != 1)
            throw new ArgumentException($"w must be a 1-d tensor of weights (one per feature); got shape {TensorFormatter.Shape(w)}.", nameof(w));
        if (w.shape[0] == 0) throw new ArgumentException("w has no weights; give at least one feature weight.", nameof(w));
        if (w.dtype != ScalarType.Float32)
            throw new ArgumentException($"w must be float32 (the features are); got {TensorFormatter.DTypeName(w.dtype)}: convert it with `w.to(float32)`.", nameof(w));
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be positive (the number of examples); got {n}.");
        if (noise < 0 || double.IsNaN(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, $"noise is a standard deviation and must be >= 0; got {noise}.");

        using var scope = NewDisposeScope();
        var X = randn(n, w.shape[0]);                     // features ~ N(0, 1)
        var y = X.mv(w.detach()) + b;                     // the exact linear relation (mv: matmul's matrix × vector)
        y += randn(y.shape) * noise;                      // plus Gaussian noise
        return scope.MoveToOuter(X, y.reshape(-1, 1));    // labels as a column, shape (n, 1)
    }
}
