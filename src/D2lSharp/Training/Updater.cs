using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>
/// How a training step updates the parameters: d2l's from-scratch <c>sgd</c> or a <c>torch.optim</c> optimizer.
/// The two reduce the loss differently (see <see cref="Trainer.TrainEpoch"/>), as d2l's <c>train_epoch_ch3</c> does.
/// </summary>
public abstract class Updater
{
    private protected Updater() { }

    /// <summary>d2l's minibatch SGD from scratch over <paramref name="parameters"/> (<see cref="Optimizers.Sgd"/>).</summary>
    public static Updater FromScratch(IEnumerable<Tensor> parameters, double lr)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        if (list.Count == 0) throw new ArgumentException("Give at least one parameter to update.", nameof(parameters));
        if (!(lr > 0) || double.IsInfinity(lr)) throw new ArgumentOutOfRangeException(nameof(lr), lr, $"lr must be a positive number; got {lr}.");
        foreach (var (p, i) in list.Select((p, i) => (p, i)))
            if (!p.requires_grad)
                throw new ArgumentException($"Parameter {i} (shape {Display.TensorFormatter.ShapeText(p.shape)}) does not require a gradient; create it with requires_grad: true.", nameof(parameters));
        return new ScratchUpdater(list, lr);
    }

    /// <summary>A TorchSharp optimizer (e.g. <c>torch.optim.SGD(net.parameters(), 0.1)</c>): zero_grad, backward, step.</summary>
    public static Updater FromOptimizer(optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return new OptimizerUpdater(optimizer);
    }

    /// <summary>Backpropagates the loss of one minibatch of <paramref name="batchSize"/> examples and updates the parameters.</summary>
    internal abstract void Step(Tensor loss, int batchSize);

    sealed class ScratchUpdater(List<Tensor> parameters, double lr) : Updater
    {
        // Per-example losses are summed and the step divides by the batch size (d2l's sgd); an already
        // averaged loss is a mean, so the step must not divide again.
        internal override void Step(Tensor loss, int batchSize)
        {
            if (loss.dim() == 0)
            {
                loss.backward();
                Optimizers.Sgd(parameters, lr, 1);
            }
            else
            {
                loss.sum().backward();
                Optimizers.Sgd(parameters, lr, batchSize);
            }
        }

        public override string ToString() => $"minibatch SGD from scratch (lr {lr}, {parameters.Count} parameters)";
    }

    sealed class OptimizerUpdater(optim.Optimizer optimizer) : Updater
    {
        // An optimizer's lr is per mean loss: a per-example loss is averaged first (d2l: l.mean().backward()).
        internal override void Step(Tensor loss, int batchSize)
        {
            optimizer.zero_grad();
            (loss.dim() == 0 ? loss : loss.mean()).backward();
            optimizer.step();
        }

        public override string ToString() => $"{optimizer.GetType().Name} optimizer";
    }
}
