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
/// <c>Func&lt;Tensor, Tensor&gt;</c>; <c>updater</c> is an <see cref="Updater"/>: a <c>torch.optim</c> optimizer or a
/// from-scratch step that takes the batch size.
/// </summary>
public static class Trainer
{
    /// <summary>Taught in notebook 08; d2l <c>train_epoch_ch3</c>. One pass over <paramref name="trainIter"/>: forward,
    /// loss, backward and update per minibatch. Returns the mean loss per example and the accuracy.</summary>
    public static (double Loss, double Accuracy) TrainEpoch(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        Func<Tensor, Tensor, Tensor> loss, Updater updater) =>
        Epoch(Forward(net), net, trainIter, loss, updater);

    /// <summary>Taught in notebook 08; d2l <c>train_epoch_ch3</c>, for a model written as a function.</summary>
    public static (double Loss, double Accuracy) TrainEpoch(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        Func<Tensor, Tensor, Tensor> loss, Updater updater) =>
        Epoch(net, null, trainIter, loss, updater);

    /// <summary>Taught in notebook 08; d2l <c>train_ch3</c>: <paramref name="numEpochs"/> epochs of <c>TrainEpoch</c>, each
    /// followed by the test accuracy; the <paramref name="animator"/> (if any) gets train loss, train accuracy and test accuracy.</summary>
    public static TrainingHistory Train(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        IEnumerable<(Tensor X, Tensor y)> testIter, Func<Tensor, Tensor, Tensor> loss, int numEpochs, Updater updater,
        Animator? animator = null) =>
        Run(Forward(net), net, trainIter, testIter, loss, numEpochs, updater, animator);

    /// <summary>Taught in notebook 08; d2l <c>train_ch3</c> for a model written as a function.</summary>
    public static TrainingHistory Train(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
        IEnumerable<(Tensor X, Tensor y)> testIter, Func<Tensor, Tensor, Tensor> loss, int numEpochs, Updater updater,
        Animator? animator = null) =>
        Run(net, null, trainIter, testIter, loss, numEpochs, updater, animator);

    /// <summary>
    /// Course plumbing: full-batch gradient descent for a small data set, as in the XOR experiments of notebooks 09 and 13:
    /// <paramref name="steps"/> steps of <c>torch.optim.SGD</c> with learning rate <paramref name="lr"/> on the loss over all of
    /// X (a per-example loss is averaged), one dispose scope per step. Returns the loss before each step's update.
    /// </summary>
    public static List<double> TrainFullBatch(nn.Module<Tensor, Tensor> model, Tensor X, Tensor y, Func<Tensor, Tensor, Tensor> loss,
        int steps, double lr)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(loss);
        if (steps <= 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be positive; got {steps}.");
        if (!(lr > 0)) throw new ArgumentOutOfRangeException(nameof(lr), lr, $"lr must be positive; got {lr}.");
        if (X.dim() == 0 || y.dim() == 0 || X.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"X and y need one row per example: X has shape {Display.TensorFormatter.Shape(X)}, y has shape {Display.TensorFormatter.Shape(y)}.", nameof(y));
        model.train();
        using var optimizer = optim.SGD(model.parameters(), lr);
        var losses = new List<double>(steps);
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var l = loss(model.forward(X), y);
            if (l.dim() > 0) l = l.mean();
            optimizer.zero_grad();
            l.backward();
            optimizer.step();
            losses.Add(l.item<float>());
        }
        return losses;
    }

    internal static Func<Tensor, Tensor> Forward(nn.Module<Tensor, Tensor> net)
    {
        ArgumentNullException.ThrowIfNull(net);
        return net.forward;
    }

    static (double Loss, double Accuracy) Epoch(Func<Tensor, Tensor> net, nn.Module? module, IEnumerable<(Tensor X, Tensor y)> trainIter,
        Func<Tensor, Tensor, Tensor> loss, Updater updater)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(trainIter);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(updater);
        module?.train();
        var metric = new Accumulator(3); // loss sum, correct predictions, examples
        foreach (var (X, y) in trainIter)
        {
            using var scope = NewDisposeScope();
            int n = (int)X.shape[0];
            var yHat = Metrics.Run(net, X);   // a shape or dtype error says what to do (e.g. flatten the batch)
            var l = loss(yHat, y);
            if (l.dim() == 2 && l.shape[0] == n && l.shape[1] == 1) l = l.reshape(-1); // e.g. Losses.SquaredLoss on (n, 1) outputs
            if (l.dim() > 1 || (l.dim() == 1 && l.shape[0] != n))
                throw new InvalidOperationException(
                    $"The loss must be a scalar or one value per example ({n}); it has shape {Display.TensorFormatter.Shape(l)}.");
            try { updater.Step(l, n); }
            catch (System.Runtime.InteropServices.ExternalException e) { throw Display.LearnerErrors.Explained(e, X); }
            double lossSum;
            using (no_grad())
                lossSum = l.dim() == 0 ? l.item<float>() * n : l.sum().item<float>();
            metric.Add(lossSum, Metrics.Accuracy(yHat, y), n);
        }
        if (metric[2] == 0) throw new ArgumentException("The training data has no examples.", nameof(trainIter));
        return (metric[0] / metric[2], metric[1] / metric[2]);
    }

    static TrainingHistory Run(Func<Tensor, Tensor> net, nn.Module? module, IEnumerable<(Tensor X, Tensor y)> trainIter,
        IEnumerable<(Tensor X, Tensor y)> testIter, Func<Tensor, Tensor, Tensor> loss, int numEpochs, Updater updater, Animator? animator)
    {
        ArgumentNullException.ThrowIfNull(trainIter);
        ArgumentNullException.ThrowIfNull(testIter);
        ArgumentNullException.ThrowIfNull(updater);
        if (numEpochs <= 0) throw new ArgumentOutOfRangeException(nameof(numEpochs), numEpochs, $"numEpochs must be positive; got {numEpochs}.");
        var history = new TrainingHistory();
        for (int epoch = 0; epoch < numEpochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var (trainLoss, trainAccuracy) = Epoch(net, module, trainIter, loss, updater);
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
