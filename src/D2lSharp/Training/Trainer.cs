using System.Diagnostics;
using D2lSharp.Data;
using D2lSharp.Plotting;
using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>What <see cref="Trainer"/>'s <c>Train</c> measured, one entry per epoch.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory() { }

    public List<double> TrainLoss { get; } = [];
    public List<double> TrainAccuracy { get; } = [];
    public List<double> TestAccuracy { get; } = [];
    /// <summary>Wall-clock seconds each epoch took (training and evaluation).</summary>
    public List<double> SecondsPerEpoch { get; } = [];

    internal int Epochs => TrainLoss.Count;

    public override string ToString()
    {
        if (Epochs == 0) return "no epochs trained";
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return string.Format(inv, "{0} epochs: train loss {1:F3}, train acc {2:F3}, test acc {3:F3}; {4:F2} s/epoch",
            Epochs, TrainLoss[^1], TrainAccuracy[^1], TestAccuracy[^1], SecondsPerEpoch.Average());
    }
}

/// <summary>
/// d2l's training loops <c>train_epoch_ch3</c> and <c>train_ch3</c>, with one dispose scope per step so memory stays flat.
/// <c>net</c> is an <c>nn.Module&lt;Tensor, Tensor&gt;</c> (put in train mode for training, eval mode for evaluating) or any
/// <c>Func&lt;Tensor, Tensor&gt;</c>; <c>updater</c> is a <c>torch.optim</c> optimizer or a from-scratch step that takes the
/// batch size (d2l's <c>updater(batch_size)</c>, e.g. <c>n =&gt; Optimizers.Sgd([W, b], lr, n)</c>).
/// Batches of a <see cref="Minibatches"/> are new tensors and are disposed after their step; other data is left alone.
/// </summary>
public static class Trainer
{
    /// <summary>Taught in notebook 08; d2l <c>train_epoch_ch3</c>. One pass over <paramref name="trainIter"/> with an optimizer:
    /// a per-example loss is averaged before <c>backward()</c>, a scalar loss (e.g. <c>nn.CrossEntropyLoss()</c>) used as it is.
    /// Returns the mean loss per example and the accuracy.</summary>
    public static (double Loss, double Accuracy) TrainEpoch(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        Func<Tensor, Tensor, Tensor> loss, optim.Optimizer updater) =>
        Epoch(Forward(net), net, trainIter, loss, OptimizerStep(updater));

    /// <summary>Taught in notebook 08; d2l <c>train_epoch_ch3</c>. One pass with a from-scratch updater: the per-example losses
    /// are summed, <c>backward()</c> runs on the sum, then <paramref name="updater"/> gets the batch size.</summary>
    public static (double Loss, double Accuracy) TrainEpoch(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        Func<Tensor, Tensor, Tensor> loss, Action<int> updater) =>
        Epoch(Forward(net), net, trainIter, loss, ScratchStep(updater));

    /// <summary>Taught in notebook 08; d2l <c>train_epoch_ch3</c>, for a model written as a function, with an optimizer.</summary>
    public static (double Loss, double Accuracy) TrainEpoch(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        Func<Tensor, Tensor, Tensor> loss, optim.Optimizer updater) =>
        Epoch(net, null, trainIter, loss, OptimizerStep(updater));

    /// <summary>Taught in notebook 08; d2l <c>train_epoch_ch3</c>, for a model written as a function, with a from-scratch updater.</summary>
    public static (double Loss, double Accuracy) TrainEpoch(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        Func<Tensor, Tensor, Tensor> loss, Action<int> updater) =>
        Epoch(net, null, trainIter, loss, ScratchStep(updater));

    /// <summary>Taught in notebook 08; d2l <c>train_ch3</c>: <paramref name="numEpochs"/> epochs of <c>TrainEpoch</c>, each
    /// followed by the test accuracy; the <paramref name="animator"/> (if any) gets train loss, train accuracy and test accuracy.</summary>
    public static TrainingHistory Train(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        IEnumerable<(Tensor X, Tensor y)> testIter, Func<Tensor, Tensor, Tensor> loss, int numEpochs, optim.Optimizer updater,
        Animator? animator = null) =>
        Run(Forward(net), net, trainIter, testIter, loss, numEpochs, OptimizerStep(updater), animator);

    /// <summary>Taught in notebook 08; d2l <c>train_ch3</c> for a module with a from-scratch updater.</summary>
    public static TrainingHistory Train(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        IEnumerable<(Tensor X, Tensor y)> testIter, Func<Tensor, Tensor, Tensor> loss, int numEpochs, Action<int> updater,
        Animator? animator = null) =>
        Run(Forward(net), net, trainIter, testIter, loss, numEpochs, ScratchStep(updater), animator);

    /// <summary>Taught in notebook 08; d2l <c>train_ch3</c> for a model written as a function, with an optimizer.</summary>
    public static TrainingHistory Train(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        IEnumerable<(Tensor X, Tensor y)> testIter, Func<Tensor, Tensor, Tensor> loss, int numEpochs, optim.Optimizer updater,
        Animator? animator = null) =>
        Run(net, null, trainIter, testIter, loss, numEpochs, OptimizerStep(updater), animator);

    /// <summary>Taught in notebook 08; d2l <c>train_ch3</c> for a model written as a function, with a from-scratch updater.</summary>
    public static TrainingHistory Train(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        IEnumerable<(Tensor X, Tensor y)> testIter, Func<Tensor, Tensor, Tensor> loss, int numEpochs, Action<int> updater,
        Animator? animator = null) =>
        Run(net, null, trainIter, testIter, loss, numEpochs, ScratchStep(updater), animator);

    /// <summary>Backpropagates one minibatch's loss (per example, or a scalar) and updates the parameters.</summary>
    delegate void Step(Tensor loss, int batchSize);

    internal static Func<Tensor, Tensor> Forward(nn.Module<Tensor, Tensor> net)
    {
        ArgumentNullException.ThrowIfNull(net);
        return net.forward;
    }

    // d2l: updater.zero_grad(); l.mean().backward(); updater.step(). An optimizer's lr is per mean loss.
    static Step OptimizerStep(optim.Optimizer updater)
    {
        ArgumentNullException.ThrowIfNull(updater);
        return (l, _) =>
        {
            updater.zero_grad();
            (l.dim() == 0 ? l : l.mean()).backward();
            updater.step();
        };
    }

    // d2l: l.sum().backward(); updater(X.shape[0]). The updater divides by the batch size, so the loss must be per example.
    static Step ScratchStep(Action<int> updater)
    {
        ArgumentNullException.ThrowIfNull(updater);
        return (l, n) =>
        {
            if (l.dim() == 0)
                throw new InvalidOperationException(
                    "A from-scratch updater divides the summed gradient by the batch size, so the loss must give one value per example; " +
                    "this loss returned one number (a mean). Use a per-example loss (e.g. Losses.CrossEntropy, or " +
                    "nn.CrossEntropyLoss(reduction: nn.Reduction.None)), or pass a torch.optim optimizer as the updater.");
            l.sum().backward();
            updater(n);
        };
    }

    static (double Loss, double Accuracy) Epoch(Func<Tensor, Tensor> net, nn.Module? module, IEnumerable<(Tensor X, Tensor y)> trainIter,
        Func<Tensor, Tensor, Tensor> loss, Step step)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(trainIter);
        ArgumentNullException.ThrowIfNull(loss);
        module?.train();
        bool ownsBatches = trainIter is Minibatches;
        var metric = new Accumulator(3); // loss sum, correct predictions, examples
        foreach (var (X, y) in trainIter)
        {
            using var scope = NewDisposeScope();
            if (ownsBatches) scope.Attach(X, y);
            int n = (int)X.shape[0];
            var yHat = net(X);
            var l = loss(yHat, y);
            if (l.dim() == 2 && l.shape[0] == n && l.shape[1] == 1) l = l.reshape(-1); // e.g. Losses.SquaredLoss on (n, 1) outputs
            if (l.dim() > 1 || (l.dim() == 1 && l.shape[0] != n))
                throw new InvalidOperationException(
                    $"The loss must be a scalar or one value per example ({n}); it has shape {Display.TensorFormatter.Shape(l)}.");
            step(l, n);
            double lossSum;
            using (no_grad())
                lossSum = l.dim() == 0 ? l.item<float>() * n : l.sum().item<float>();
            metric.Add(lossSum, Metrics.Accuracy(yHat, y), n);
        }
        if (metric[2] == 0) throw new ArgumentException("The training data has no examples.", nameof(trainIter));
        return (metric[0] / metric[2], metric[1] / metric[2]);
    }

    static TrainingHistory Run(Func<Tensor, Tensor> net, nn.Module? module, IEnumerable<(Tensor X, Tensor y)> trainIter,
        IEnumerable<(Tensor X, Tensor y)> testIter, Func<Tensor, Tensor, Tensor> loss, int numEpochs, Step step, Animator? animator)
    {
        ArgumentNullException.ThrowIfNull(trainIter);
        ArgumentNullException.ThrowIfNull(testIter);
        if (numEpochs <= 0) throw new ArgumentOutOfRangeException(nameof(numEpochs), numEpochs, $"numEpochs must be positive; got {numEpochs}.");
        var history = new TrainingHistory();
        for (int epoch = 0; epoch < numEpochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var (trainLoss, trainAccuracy) = Epoch(net, module, trainIter, loss, step);
            double testAccuracy = Metrics.Evaluate(net, module, testIter);
            history.SecondsPerEpoch.Add(watch.Elapsed.TotalSeconds);
            history.TrainLoss.Add(trainLoss);
            history.TrainAccuracy.Add(trainAccuracy);
            history.TestAccuracy.Add(testAccuracy);
            animator?.Add(epoch + 1, trainLoss, trainAccuracy, testAccuracy);
        }
        return history;
    }
}
