using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Training;

/// <summary>Models written from scratch as functions of their parameters.</summary>
public static class Models
{
    /// <summary>Taught in notebook 07; d2l <c>linreg</c>. The linear model ŷ = Xw + b.</summary>
    public static Tensor LinReg(Tensor X, Tensor w, Tensor b)
    {
        TensorGuards.Alive(X, nameof(X));
        TensorGuards.Alive(w, nameof(w));
        TensorGuards.Alive(b, nameof(b));
        string features = X.dim() == 2 ? X.shape[1].ToString() : "features";
        if (X.dim() != 2 || w.dim() is not (1 or 2) || w.shape[0] != X.shape[1])
            throw new ArgumentException(
                $"Models.LinReg: X must have shape (examples, features) and w one weight per feature: X has shape {TensorFormatter.Shape(X)}, " +
                $"w has shape {TensorFormatter.Shape(w)} (expected ({features}, 1) or ({features},))." +
                (X.dim() == 1 ? " A single example? Make it a row with `X.reshape(1, -1)`." : ""), nameof(w));
        long outputs = w.dim() == 2 ? w.shape[1] : 1;
        if (b.numel() != 1 && !(b.dim() == 1 && b.shape[0] == outputs))
            throw new ArgumentException(
                $"Models.LinReg: b is the bias, one number per output; w gives {outputs} output(s), but b has shape {TensorFormatter.Shape(b)}.", nameof(b));
        // A 0-d b (e.g. torch.tensor(0.0), float64) does not change the result's dtype; a b with a shape does, so it must match.
        if (b.dim() == 0) TensorGuards.SameFloatingDType("Models.LinReg", (nameof(X), X), (nameof(w), w));
        else TensorGuards.SameFloatingDType("Models.LinReg", (nameof(X), X), (nameof(w), w), (nameof(b), b));
        using var scope = NewDisposeScope();
        // mm and mv report a mistake as an exception; matmul would end the kernel (TorchSharp defect, design.md §8b).
        var product = w.dim() == 1 ? X.mv(w) : X.mm(w);
        return scope.MoveToOuter(product + b);
    }
}
