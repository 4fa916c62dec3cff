using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>d2l's losses written from scratch, per example (not averaged), so the training loop decides how to reduce them.</summary>
public static class Losses
{
    /// <summary>Taught in notebook 07; d2l <c>squared_loss</c>. (ŷ − y)²/2 element-wise; y is reshaped to ŷ's shape.</summary>
    public static Tensor SquaredLoss(Tensor yHat, Tensor y)
    {
        TensorGuards.Alive(yHat, nameof(yHat));
        TensorGuards.Alive(y, nameof(y));
        if (yHat.numel() != y.numel())
            throw new ArgumentException(
                $"yHat and y must hold the same number of values; yHat has shape {TensorFormatter.Shape(yHat)} ({yHat.numel()} values), y has shape {TensorFormatter.Shape(y)} ({y.numel()}).", nameof(y));
        // Mixed dtypes would silently give a float64 loss (and item<float>() on it fails later); say so here.
        TensorGuards.SameFloatingDType("Losses.SquaredLoss", (nameof(yHat), yHat), (nameof(y), y));
        using var scope = NewDisposeScope();
        var diff = yHat - y.reshape(yHat.shape);
        return scope.MoveToOuter(diff.pow(2) / 2);
    }

    /// <summary>
    /// Taught in notebook 08; d2l <c>cross_entropy</c>. −log ŷ[i, y[i]] for each example i.
    /// ŷ are probabilities of shape (n, classes) — e.g. a softmax output — and y holds n class indices.
    /// </summary>
    public static Tensor CrossEntropy(Tensor yHat, Tensor y)
    {
        TensorGuards.Alive(yHat, nameof(yHat));
        TensorGuards.Alive(y, nameof(y));
        if (yHat.dim() != 2)
            throw new ArgumentException($"yHat must have shape (examples, classes) of probabilities; got {TensorFormatter.Shape(yHat)}.", nameof(yHat));
        if (y.dim() != 1 || y.shape[0] != yHat.shape[0])
            throw new ArgumentException(
                $"y must hold one class index per example: expected shape ({yHat.shape[0]},), got {TensorFormatter.Shape(y)}.", nameof(y));
        if (!TensorGuards.IsFloat(yHat.dtype))
            throw new ArgumentException(
                $"Losses.CrossEntropy: yHat must hold probabilities (floating-point); got {TensorFormatter.DTypeName(yHat.dtype)}. " +
                "Pass the model's softmax output, not predicted class indices.", nameof(yHat));
        TensorGuards.ClassIndices("Losses.CrossEntropy", y, nameof(y));
        using var scope = NewDisposeScope();
        if (y.numel() > 0)
        {
            long low = y.min().to_type(ScalarType.Int64).item<long>(), high = y.max().to_type(ScalarType.Int64).item<long>(), classes = yHat.shape[1];
            if (low < 0 || high >= classes)
                throw new ArgumentException(
                    $"Losses.CrossEntropy: y has the label {(low < 0 ? low : high)}, but yHat has {classes} classes, so labels must be 0 to {classes - 1}. " +
                    "Check that the model's output size matches the number of classes.", nameof(y));
            if (yHat.detach().min().to_type(ScalarType.Float64).item<double>() < 0)
                throw new ArgumentException(
                    "Losses.CrossEntropy: yHat must hold probabilities, but it has negative values, so it looks like raw scores (logits). " +
                    "Apply softmax first (e.g. `Softmax(o)`), or use `nn.functional.cross_entropy(o, y)`, which takes logits.", nameof(yHat));
        }
        var picked = yHat.gather(1, y.to_type(ScalarType.Int64).reshape(-1, 1)).squeeze(1);
        return scope.MoveToOuter(picked.log().neg());
    }

}
