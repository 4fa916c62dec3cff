using D2lSharp.Data;
using D2lSharp.Plotting;
using D2lSharp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>
/// Ownership by scope: the plotting, data and loss helpers free every temporary tensor they make; what they return is the
/// caller's (and is disposed here), so the live-tensor count is back where it was.
/// </summary>
public class OwnershipTests
{
    static long Live => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    [Fact]
    public void Plotting_helpers_leave_no_tensor_behind()
    {
        using var images = rand(6, 1, 28, 28);
        using var truth = tensor(new long[] { 0, 1, 2, 3, 4, 5 });
        using var predicted = tensor(new long[] { 0, 1, 2, 3, 4, 0 });
        using var x = linspace(0, 1, 5);
        using var y = x.pow(2);
        long before = Live;
        Plots.ImageGrid(images, FashionMnist.TextLabels(truth));
        Plots.Predictions(images, truth, predicted, n: 4);
        Plots.Plot(x, ("x²", y));
        Plots.Scatter(x, y);
        Plots.ToArray(y);
        Assert.Equal(before, Live);
    }

    [Fact]
    public void Data_and_loss_helpers_free_their_temporaries()
    {
        manual_seed(0);
        using var w = tensor(new float[] { 2, -3.4f });
        long before = Live;
        var (X, y) = Synthetic.SyntheticData(w, 4.2, 50);
        Assert.Equal(before + 2, Live); // exactly the two tensors it returns
        using var wCol = w.reshape(2, 1);
        using var b = tensor(4.2f);
        long withData = Live;
        foreach (var (Xb, yb) in Minibatches.DataIter(16, X, y))
        {
            using (Xb) using (yb)
            using (var yHat = Models.LinReg(Xb, wCol, b))
            using (var l = Losses.SquaredLoss(yHat, yb)) { }
        }
        using (var probabilities = full(3, 4, 0.25f))
        using (var labels = tensor(new long[] { 0, 1, 3 }))
        {
            long beforeLoss = Live;
            using (var l = Losses.CrossEntropy(probabilities, labels)) Metrics.Accuracy(probabilities, labels);
            Assert.Equal(beforeLoss, Live);
        }
        Assert.Equal(withData, Live);
        X.Dispose();
        y.Dispose();
    }
}
