using D2lSharp.Display;
using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Data;

/// <summary>
/// Minibatches of (X, y), reshuffled every epoch with a seeded generator (epoch k uses seed + k), the last partial
/// batch kept. Each batch is a new pair of tensors (made with index_select) that the batches own: a batch lives until
/// the loop moves on to the next one (or the epoch ends), so a training loop disposes nothing itself and memory stays
/// flat. A batch you leave the loop with (<c>break</c>, <c>First()</c>) is yours to keep.
/// </summary>
public sealed class Minibatches : IEnumerable<(Tensor X, Tensor y)>
{
    readonly Tensor _X, _y;
    int _epoch;

    Minibatches(Tensor X, Tensor y, int batchSize, bool shuffle, long seed)
    {
        _X = X;
        _y = y;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Seed = seed;
        Length = X.shape[0];
    }

    /// <summary>
    /// Taught in notebook 07; d2l <c>data_iter</c> (and <c>load_array</c>). The lesson's reader: minibatches of
    /// <paramref name="batchSize"/> rows of X and y (the same rows of both), made with randperm and index_select. One
    /// difference: the order comes from its own generator seeded with <paramref name="seed"/> + epoch, so a re-run gives the same batches.
    /// </summary>
    public static Minibatches DataIter(int batchSize, Tensor X, Tensor y, bool shuffle = true, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(y);
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be positive; got {batchSize}.");
        if (X.dim() == 0) throw new ArgumentException("X is a scalar; it needs a first axis of examples.", nameof(X));
        if (y.dim() == 0) throw new ArgumentException("y is a scalar; it needs a first axis of examples.", nameof(y));
        if (X.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"X and y must have the same number of examples (first axis): X has {X.shape[0]} (shape {TensorFormatter.Shape(X)}), " +
                $"y has {y.shape[0]} (shape {TensorFormatter.Shape(y)}).", nameof(y));
        return new Minibatches(X, y, batchSize, shuffle, seed);
    }

    /// <summary>Examples per batch (the last batch may be smaller).</summary>
    internal int BatchSize { get; }
    /// <summary>Whether each epoch visits the examples in a new random order.</summary>
    internal bool Shuffle { get; }
    /// <summary>Seed of the first epoch's order; epoch k uses <c>Seed + k</c>.</summary>
    internal long Seed { get; }
    /// <summary>Number of examples.</summary>
    public long Length { get; }
    /// <summary>Number of batches per epoch, counting the last partial one.</summary>
    public int Count => (int)((Length + BatchSize - 1) / BatchSize);
    /// <summary>How many epochs have started (enumerations begun) so far.</summary>
    internal int EpochsStarted => _epoch;

    /// <summary>The features and labels the batches are cut from (not copies: do not dispose while batching).</summary>
    internal Tensor Features => _X;
    /// <summary>The labels the batches are cut from.</summary>
    internal Tensor Labels => _y;

    public IEnumerator<(Tensor X, Tensor y)> GetEnumerator() => Enumerate(Seed + _epoch++);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        $"{Count} minibatches of up to {BatchSize} examples ({Length} examples), " +
        (Shuffle ? $"reshuffled every epoch (seed {Seed} + epoch)" : "in order");

    IEnumerator<(Tensor X, Tensor y)> Enumerate(long seed)
    {
        // The order tensor and the batches belong to this enumeration, whatever dispose scopes the caller opens or closes.
        Tensor order;
        if (Shuffle)
        {
            using var generator = new Generator((ulong)seed);
            order = randperm(Length, generator: generator, device: _X.device);
        }
        else order = arange(Length, dtype: ScalarType.Int64, device: _X.device);
        order.DetachFromDisposeScope();
        (Tensor X, Tensor y)? previous = null;
        try
        {
            for (long start = 0; start < Length; start += BatchSize)
            {
                long size = Math.Min(BatchSize, Length - start);
                Tensor Xb, yb;
                using (var idx = order.narrow(0, start, size))
                {
                    Xb = _X.index_select(0, idx).DetachFromDisposeScope();
                    yb = _y.index_select(0, idx).DetachFromDisposeScope();
                }
                Release(previous);
                previous = (Xb, yb);
                yield return (Xb, yb);
            }
            Release(previous); // the epoch ended: the last batch goes too
        }
        finally
        {
            order.Dispose();
        }
    }

    static void Release((Tensor X, Tensor y)? batch)
    {
        if (batch is not { } b) return;
        b.X.Dispose();
        b.y.Dispose();
    }
}
