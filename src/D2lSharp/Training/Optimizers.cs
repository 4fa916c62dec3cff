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
            TensorGuards.Alive(p, $"parameter {i}");
            string which = $"Optimizers.Sgd: parameter {i} (shape {Display.TensorFormatter.Shape(p)})";
            if (!p.requires_grad)
                throw new InvalidOperationException(
                    $"{which} does not require gradients, so backward() gave it none. Create it with `requires_grad: true` " +
                    "or call `w.requires_grad_()` on it before computing the loss.");
            if (!p.is_leaf)
                throw new InvalidOperationException(
                    $"{which} was computed from other tensors (e.g. `randn(...) * 0.01` after requires_grad), so autograd keeps no " +
                    "gradient for it. Make the parameter first, then call `requires_grad_()`: `var w = (randn(2, 1) * 0.01).requires_grad_();`.");
            var grad = p.grad ?? throw new InvalidOperationException(
                $"{which} has no gradient yet: `grad` is null until `backward()` runs on a loss computed from it. " +
                "Call `l.sum().backward()` before the update step.");
            p.sub_(grad * (lr / batchSize));
            grad.zero_();
            i++;
        }
    }
}
