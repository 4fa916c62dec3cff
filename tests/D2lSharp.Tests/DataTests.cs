using D2lSharp.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class DataTests
{
    static long Live => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    [Fact]
    public void SyntheticData_has_d2l_shapes_and_follows_the_true_line()
    {
        manual_seed(1);
        using var w = tensor(new float[] { 2, -3.4f });
        var (X, y) = Synthetic.SyntheticData(w, 4.2, 1000);
        using (X) using (y)
        {
            Assert.Equal(new long[] { 1000, 2 }, X.shape);
            Assert.Equal(new long[] { 1000, 1 }, y.shape);
            Assert.Equal(ScalarType.Float32, X.dtype);
            Assert.Equal(ScalarType.Float32, y.dtype);
            using var residual = y.squeeze(1) - (X.matmul(w) + 4.2);
            Assert.InRange(residual.std().item<float>(), 0.008, 0.012); // the noise, σ = 0.01
            Assert.InRange(X.std().item<float>(), 0.95, 1.05);
        }
    }

    [Fact]
    public void SyntheticData_is_reproducible_with_manual_seed_and_rejects_bad_input()
    {
        using var w = tensor(new float[] { 1, 2, 3 });
        manual_seed(7);
        var (X1, y1) = Synthetic.SyntheticData(w, 0, 5);
        manual_seed(7);
        var (X2, y2) = Synthetic.SyntheticData(w, 0, 5);
        using (X1) using (y1) using (X2) using (y2)
            Assert.True(X1.allclose(X2, 0, 0) && y1.allclose(y2, 0, 0));
        using var matrix = ones(2, 2);
        Assert.Contains("1-d tensor", Assert.Throws<ArgumentException>(() => Synthetic.SyntheticData(matrix, 0, 5)).Message);
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.SyntheticData(w, 0, 0)).Message);
    }

    [Fact]
    public void Minibatches_cover_every_example_once_per_epoch_and_keep_the_last_partial_batch()
    {
        using var X = arange(10, dtype: ScalarType.Float32).reshape(10, 1);
        using var y = arange(10, dtype: ScalarType.Int64);
        var batches = Minibatches.DataIter(batchSize: 4, X, y, seed: 3);
        Assert.Equal(3, batches.Count);
        Assert.Equal(10, batches.Length);
        var sizes = new List<long>();
        var seen = new List<long>();
        foreach (var (Xb, yb) in batches)
            using (Xb) using (yb)
            {
                sizes.Add(Xb.shape[0]);
                Assert.Equal(yb.data<long>().ToArray(), Xb.squeeze(1).to_type(ScalarType.Int64).data<long>().ToArray()); // rows stay paired
                seen.AddRange(yb.data<long>().ToArray());
            }
        Assert.Equal([4L, 4, 2], sizes);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen.Order());
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => (long)i), seen); // shuffled
    }

    static List<long[]> Orders(Minibatches batches, int epochs)
    {
        var orders = new List<long[]>();
        for (int e = 0; e < epochs; e++)
        {
            var order = new List<long>();
            foreach (var (Xb, yb) in batches) using (Xb) using (yb) order.AddRange(yb.data<long>().ToArray());
            orders.Add(order.ToArray());
        }
        return orders;
    }

    [Fact]
    public void Minibatches_reshuffle_each_epoch_reproducibly_from_the_seed()
    {
        using var X = zeros(20, 3);
        using var y = arange(20, dtype: ScalarType.Int64);
        var a = Orders(Minibatches.DataIter(8, X, y, seed: 5), 2);
        var b = Orders(Minibatches.DataIter(8, X, y, seed: 5), 2);
        Assert.Equal(a[0], b[0]);
        Assert.Equal(a[1], b[1]);
        Assert.NotEqual(a[0], a[1]); // epoch 1 uses seed 6
        Assert.Equal(a[1], Orders(Minibatches.DataIter(8, X, y, seed: 6), 1)[0]);
        var ordered = Orders(Minibatches.DataIter(8, X, y, shuffle: false), 2);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), ordered[0]);
        Assert.Equal(ordered[0], ordered[1]);
    }

    [Fact]
    public void Minibatches_reject_a_batch_size_of_zero_and_mismatched_lengths()
    {
        using var X = zeros(10, 2);
        using var y = zeros(9);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Minibatches.DataIter(0, X, X));
        Assert.Contains("batchSize must be positive; got 0", e.Message);
        var m = Assert.Throws<ArgumentException>(() => Minibatches.DataIter(4, X, y));
        Assert.Contains("X has 10", m.Message);
        Assert.Contains("y has 9", m.Message);
    }

    [Fact]
    public void Minibatches_dispose_each_batch_when_the_loop_moves_on_and_leave_a_batch_taken_out_to_the_caller()
    {
        using var X = randn(100, 5);
        using var y = randn(100);
        var batches = Minibatches.DataIter(16, X, y);
        long before = Live;
        Tensor? previous = null;
        var liveInStep = new HashSet<long>();
        for (int epoch = 0; epoch < 3; epoch++)
            foreach (var (Xb, yb) in batches)
            {
                if (previous is not null) Assert.True(previous.IsInvalid, "the previous batch should be disposed once the loop moved on");
                using var scope = NewDisposeScope();
                using var s = (Xb.sum() + yb.sum());
                liveInStep.Add(Live - before); // the epoch's order, this batch and this step's sums: the same at every step
                previous = Xb;
            }
        Assert.Single(liveInStep);
        Assert.Equal(before, Live);
        // d2l's "take the first batch and break": that batch stays alive for the caller, who disposes it.
        var (first, firstY) = batches.First();
        Assert.False(first.IsInvalid);
        Assert.Equal(16, first.shape[0]);
        first.Dispose(); firstY.Dispose();
        Assert.Equal(before, Live);
    }
}
