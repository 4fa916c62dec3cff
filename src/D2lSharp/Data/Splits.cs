using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Data;

/// <summary>Random train/validation/test splits of in-memory data, seeded so a split is the same every run.</summary>
public static class Splits
{
    /// <summary>
    /// Shuffles the examples (seeded) and returns [train, validation, test]: round(n·validFraction) validation examples,
    /// round(n·testFraction) test examples, the rest for training. Each part is a new pair of tensors.
    /// </summary>
    public static (Tensor X, Tensor y)[] TrainValidTest(Tensor X, Tensor y, double validFraction, double testFraction, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(y);
        if (X.dim() == 0 || y.dim() == 0 || X.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"X and y must have the same number of examples (first axis): X has shape {TensorFormatter.Shape(X)}, y has shape {TensorFormatter.Shape(y)}.", nameof(y));
        if (!(validFraction >= 0 && validFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validFraction), validFraction, $"validFraction must be in [0, 1); got {validFraction}.");
        if (!(testFraction >= 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"testFraction must be in [0, 1); got {testFraction}.");
        if (validFraction + testFraction >= 1)
            throw new ArgumentException(
                $"validFraction + testFraction must be below 1 to leave examples for training; got {validFraction} + {testFraction} = {validFraction + testFraction}.",
                nameof(testFraction));

        long n = X.shape[0];
        long nValid = (long)Math.Round(n * validFraction), nTest = (long)Math.Round(n * testFraction);
        long nTrain = n - nValid - nTest;
        if (nTrain <= 0)
            throw new ArgumentException($"With {n} examples, {nValid} for validation and {nTest} for test leave none for training.", nameof(X));

        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var order = randperm(n, generator: generator, device: X.device);
        (Tensor, Tensor) Part(long start, long length)
        {
            var idx = order.narrow(0, start, length);
            return scope.MoveToOuter(X.index_select(0, idx), y.index_select(0, idx));
        }
        return [Part(0, nTrain), Part(nTrain, nValid), Part(nTrain + nValid, nTest)];
    }
}
