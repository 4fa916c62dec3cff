using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>Models written from scratch as functions of their parameters.</summary>
public static class Models
{
    /// <summary>Taught in notebook 07; d2l <c>linreg</c>. The linear model ŷ = Xw + b.</summary>
    public static Tensor LinReg(Tensor X, Tensor w, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(b);
        if (X.dim() != 2 || w.dim() == 0 || w.shape[0] != X.shape[1])
            throw new ArgumentException(
                $"X must have shape (examples, features) and w one weight per feature: X has shape {TensorFormatter.Shape(X)}, " +
                $"w has shape {TensorFormatter.Shape(w)} (expected ({(X.dim() == 2 ? X.shape[1] : "features")}, 1) or ({(X.dim() == 2 ? X.shape[1] : "features")},)).", nameof(w));
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(X.matmul(w) + b);
    }
}
