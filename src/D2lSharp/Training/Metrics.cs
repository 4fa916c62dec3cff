using D2lSharp.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>Classification accuracy (d2l's <c>accuracy</c> and <c>evaluate_accuracy</c>).</summary>
public static class Metrics
{
    /// <summary>
    /// Taught in notebook 08; d2l <c>accuracy</c>. The number of correct predictions (not the fraction): ŷ of shape
    /// (n, classes) is turned into class indices by argmax; a 1-d ŷ is compared as it is.
    /// </summary>
    public static double Accuracy(Tensor yHat, Tensor y)
    {
        TensorGuards.Alive(yHat, nameof(yHat));
        TensorGuards.Alive(y, nameof(y));
        using var scope = NewDisposeScope();
        var predicted = yHat.dim() > 1 && yHat.shape[1] > 1 ? yHat.argmax(1) : yHat.reshape(-1);
        if (predicted.shape[0] != y.numel())
            throw new ArgumentException(
                $"yHat and y must describe the same examples: yHat has shape {Display.TensorFormatter.Shape(yHat)} ({predicted.shape[0]} predictions), " +
                $"y has shape {Display.TensorFormatter.Shape(y)}.", nameof(y));
        var target = y.dim() == 1 ? y : y.reshape(-1);
        if (predicted.dtype != target.dtype) predicted = predicted.to_type(target.dtype);
        return predicted.eq(target).sum().item<long>();
    }

    /// <summary>
    /// Taught in notebook 08; d2l <c>evaluate_accuracy</c>. The fraction of correct predictions of a module over
    /// <paramref name="dataIter"/>, without gradients; the module is in eval mode meanwhile and back in its previous mode after.
    /// </summary>
    public static double EvaluateAccuracy(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> dataIter) =>
        Evaluate(Trainer.Forward(net), net, dataIter);

    /// <summary>Taught in notebook 08; d2l <c>evaluate_accuracy</c>, for a model written as a function.</summary>
    public static double EvaluateAccuracy(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> dataIter) =>
        Evaluate(net, null, dataIter);

    /// <summary>
    /// net(X), with libtorch's errors explained in the learner's terms (e.g. an unflattened image batch fed to a linear
    /// layer is named as such) by <see cref="Display.LearnerErrors.Explained"/>.
    /// </summary>
    internal static Tensor Run(Func<Tensor, Tensor> net, Tensor X)
    {
        try
        {
            return net(X);
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            throw Display.LearnerErrors.Explained(e, X);
        }
    }

    internal static double Evaluate(Func<Tensor, Tensor> net, nn.Module? module, IEnumerable<(Tensor X, Tensor y)> dataIter)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(dataIter);
        bool wasTraining = module?.training ?? false;
        module?.eval();
        try
        {
            var metric = new Accumulator(2); // correct predictions, examples
            using var noGrad = no_grad();
            foreach (var (X, y) in dataIter)
            {
                using var scope = NewDisposeScope();
                metric.Add(Accuracy(Run(net, X), y), y.numel());
            }
            if (metric[1] == 0) throw new ArgumentException("The data has no examples to evaluate.", nameof(dataIter));
            return metric[0] / metric[1];
        }
        finally
        {
            if (wasTraining) module!.train();
        }
    }
}
