using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>Optimizers written from scratch, as the book writes them before it uses <c>torch.optim</c>.</summary>
public static class Optimizers
{
    /// <summary>
    /// Taught in notebook 07; d2l <c>sgd</c>. Minibatch SGD: under no_grad, p −= lr · p.grad / batchSize for every parameter, then p.grad is zeroed.
    /// Dividing by the batch size turns a summed loss into a mean, so lr does not depend on the batch size.
    /// </summary>
    public static void Sgd(IEnumerable<Tensor> parameters, double lr, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be positive; got {batchSize}.");
        if (!(lr > 0) || double.IsInfinity(lr)) throw new ArgumentOutOfRangeException(nameof(lr), lr, $"lr must be a positive number; got {lr}.");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int i = 0;
        foreach (var p in parameters)
        {
            var grad = p.grad ?? throw new InvalidOperationException(
                $"Parameter {i} (shape {Display.TensorFormatter.Shape(p)}) has no gradient: " +
                "create it with requires_grad: true and call backward() on the loss before updating.");
            p.sub_(grad * (lr / batchSize));
            grad.zero_();
            i++;
        }
    }
}
