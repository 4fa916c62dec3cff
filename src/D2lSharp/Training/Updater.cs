using System.Diagnostics.CodeAnalysis;
using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>
/// Taught in notebook 08; d2l's <c>updater</c> argument of <c>train_epoch_ch3</c>/<c>train_ch3</c>: either a
/// <c>torch.optim</c> optimizer or a from-scratch step that takes the batch size (d2l's <c>updater(batch_size)</c>, e.g.
/// <c>Action&lt;int&gt; updater = n =&gt; Optimizers.Sgd([W, b], lr, n);</c>). Both convert to an Updater implicitly, so
/// a training call reads like d2l's whichever one is passed.
/// </summary>
public sealed class Updater
{
    readonly optim.Optimizer? _optimizer;
    readonly Action<int>? _scratch;

    Updater(optim.Optimizer? optimizer, Action<int>? scratch) => (_optimizer, _scratch) = (optimizer, scratch);

    [return: NotNullIfNotNull(nameof(optimizer))]
    public static implicit operator Updater?(optim.Optimizer? optimizer) => optimizer is null ? null : new(optimizer, null);

    [return: NotNullIfNotNull(nameof(step))]
    public static implicit operator Updater?(Action<int>? step) => step is null ? null : new(null, step);

    /// <summary>
    /// Backpropagates one minibatch's loss and updates the parameters. An optimizer (d2l: <c>updater.zero_grad();
    /// l.mean().backward(); updater.step()</c>) gets the mean of a per-example loss, or a scalar loss as it is; a
    /// from-scratch step (d2l: <c>l.sum().backward(); updater(X.shape[0])</c>) divides the summed gradient by the batch
    /// size itself, so it needs one loss per example.
    /// </summary>
    internal void Step(Tensor loss, int batchSize)
    {
        if (_optimizer is not null)
        {
            _optimizer.zero_grad();
            (loss.dim() == 0 ? loss : loss.mean()).backward();
            _optimizer.step();
            return;
        }
        if (loss.dim() == 0)
            throw new InvalidOperationException(
                "A from-scratch updater divides the summed gradient by the batch size, so the loss must give one value per example; " +
                "this loss returned one number (a mean). Use a per-example loss (e.g. Losses.CrossEntropy, or " +
                "nn.CrossEntropyLoss(reduction: nn.Reduction.None)), or pass a torch.optim optimizer as the updater.");
        loss.sum().backward();
        _scratch!(batchSize);
    }
}
