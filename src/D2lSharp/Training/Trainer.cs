using D2lSharp.Data;
using D2lSharp.Plotting;
using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>What <see cref="Trainer.Train"/> measured, one entry per epoch.</summary>
public sealed class TrainingHistory
{
    public List<double> TrainLoss { get; } = [];
    public List<double> TrainAccuracy { get; } = [];
    public List<double> TestAccuracy { get; } = [];
    /// <summary>Wall-clock seconds each epoch took (training and evaluation).</summary>
    public List<double> SecondsPerEpoch { get; } = [];

    public int Epochs => TrainLoss.Count;

    public override string ToString()
    {
        if (Epochs == 0) return "no epochs trained";
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return string.Format(inv, "{0} epochs: train loss {1:F3}, train acc {2:F3}, test acc {3:F3}; {4:F2} s/epoch",
            Epochs, TrainLoss[^1], TrainAccuracy[^1], TestAccuracy[^1], SecondsPerEpoch.Average());
    }
}

/// <summary>
/// d2l's training loops (<c>train_epoch_ch3</c>, <c>train_ch3</c>) for a from-scratch model or an nn.Module,
/// with one dispose scope per step so memory stays flat across epochs.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// One pass over <paramref name="train"/>: forward, loss, backward and update for each minibatch.
    /// A per-example (vector) loss is summed for a from-scratch updater and averaged for an optimizer; a scalar loss
    /// (e.g. <c>nn.CrossEntropyLoss()</c>, a mean) is used as it is. Returns the mean loss per example and the accuracy.
    /// Pass the nn.Module behind <paramref name="net"/> as <paramref name="module"/> so it is put in training mode.
    /// Batches of a <see cref="Minibatches"/> are disposed after their step; other data is left alone.
    /// </summary>
    public static (double Loss, double Accuracy) TrainEpoch(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> train,
        Func<Tensor, Tensor, Tensor> loss, Updater updater, nn.Module? module = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(updater);
        module?.train();
        bool ownsBatches = train is Minibatches;
        var metric = new Accumulator(3); // loss sum, correct predictions, examples
        foreach (var (X, y) in train)
        {
            using var scope = NewDisposeScope();
            if (ownsBatches) scope.Attach(X, y);
            int n = (int)X.shape[0];
            var yHat = net(X);
            var l = loss(yHat, y);
            if (l.dim() == 2 && l.shape[0] == n && l.shape[1] == 1) l = l.reshape(-1); // e.g. Losses.Squared on (n, 1) outputs
            if (l.dim() > 1 || (l.dim() == 1 && l.shape[0] != n))
                throw new InvalidOperationException(
                    $"The loss must be a scalar or one value per example ({n}); it has shape {Display.TensorFormatter.ShapeText(l.shape)}.");
            updater.Step(l, n);
            double lossSum;
            using (no_grad())
                lossSum = l.dim() == 0 ? l.item<float>() * n : l.sum().item<float>();
            metric.Add(lossSum, Metrics.Accuracy(yHat, y), n);
        }
        if (metric[2] == 0) throw new ArgumentException("The training data has no examples.", nameof(train));
        return (metric[0] / metric[2], metric[1] / metric[2]);
    }

    /// <summary>
    /// d2l's <c>train_ch3</c>: <paramref name="epochs"/> epochs of <see cref="TrainEpoch"/>, each followed by the test accuracy;
    /// the <paramref name="animator"/> (if any) gets train loss, train accuracy and test accuracy after every epoch.
    /// </summary>
    public static TrainingHistory Train(Func<Tensor, Tensor> net, Minibatches train, Minibatches test, Func<Tensor, Tensor, Tensor> loss,
        int epochs, Updater updater, Animator? animator = null, nn.Module? module = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (epochs <= 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"epochs must be positive; got {epochs}.");
        var history = new TrainingHistory();
        var timer = new Timer();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            timer.Start();
            var (trainLoss, trainAccuracy) = TrainEpoch(net, train, loss, updater, module);
            double testAccuracy = Metrics.EvaluateAccuracy(net, test, module);
            history.SecondsPerEpoch.Add(timer.Stop());
            history.TrainLoss.Add(trainLoss);
            history.TrainAccuracy.Add(trainAccuracy);
            history.TestAccuracy.Add(testAccuracy);
            animator?.Add(epoch + 1, trainLoss, trainAccuracy, testAccuracy);
        }
        animator?.Finish();
        return history;
    }
}
