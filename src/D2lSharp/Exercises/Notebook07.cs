using System.Globalization;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 07 (linear regression). They never throw on a wrong or missing answer.</summary>
public static class Notebook07
{
    /// <summary>Exercise 1: the analytic solution s = (XᵀX)⁻¹Xᵀy for the given data, with the bias folded into X as a column of ones.</summary>
    public static Feedback Exercise1(Tensor X, Tensor y, Tensor? answer)
    {
        const string what = "s = [w₁, w₂, b]";
        const string hint = "append a column of ones to X with torch.cat(..., dim: 1), then torch.linalg.inv(Xᵀ X) · Xᵀ · y, in float64";
        if (answer is null) return Check.Pending($"compute {what} — {hint}.");
        using var scope = NewDisposeScope();
        var Xd = X.to_type(ScalarType.Float64);
        var X1 = cat(new[] { Xd, ones(Xd.shape[0], 1, dtype: ScalarType.Float64) }, 1);
        var expected = linalg.inv(X1.T.matmul(X1)).matmul(X1.T).matmul(y.to_type(ScalarType.Float64).reshape(-1, 1)).flatten();
        if (answer.numel() != 3)
            return Check.Wrong($"{what} has 3 values (two weights and the bias); yours has {answer.numel()}. Hint: {hint}.");
        var withoutBias = linalg.inv(Xd.T.matmul(Xd)).matmul(Xd.T).matmul(y.to_type(ScalarType.Float64).reshape(-1, 1)).flatten();
        var flat = answer.detach().flatten().to_type(ScalarType.Float64);
        var result = Check.Tensor(flat, expected, what, tolerance: 1e-4, hint: hint);
        if (result.Correct == false && flat[..2].allclose(withoutBias, 1e-4, 1e-4))
            return Check.Wrong($"your weights are the solution without a bias column; fold b into X first. Hint: {hint}.");
        return result;
    }

    /// <summary>Exercise 2: one minibatch SGD step from w = 0, b = 0 with learning rate 0.1 on the squared loss ½(ŷ − y)², averaged over the batch.</summary>
    public static Feedback Exercise2(Tensor X, Tensor y, Tensor? answer)
    {
        const string what = "the parameters [w₁, w₂, b] after one step";
        const string hint = "at w = 0, b = 0 every prediction is 0, so ∂l/∂w = mean over the batch of (ŷ − y)·x and ∂l/∂b = mean of (ŷ − y); new value = old − 0.1 · gradient";
        if (answer is null) return Check.Pending($"compute {what} — {hint}.");
        using var scope = NewDisposeScope();
        var Xd = X.to_type(ScalarType.Float64);
        var yd = y.to_type(ScalarType.Float64).reshape(-1, 1);
        var residual = -yd;                                   // ŷ − y with ŷ = 0
        var gradW = (residual * Xd).mean(new long[] { 0 });
        var gradB = residual.mean(new long[] { 0 });
        var expected = cat(new[] { -0.1 * gradW, -0.1 * gradB }).flatten();
        if (answer.numel() != 3)
            return Check.Wrong($"{what} are 3 values; yours has {answer.numel()}. Hint: {hint}.");
        var flat = answer.detach().flatten().to_type(ScalarType.Float64);
        if (flat.allclose(expected * X.shape[0], 1e-4, 1e-4))
            return Check.Wrong($"your step is {X.shape[0]}× too large: SGD divides the summed gradient by the batch size. Hint: {hint}.");
        return Check.Tensor(flat, expected, what, tolerance: 1e-4, hint: hint);
    }

    /// <summary>Exercise 3: −log P(y | x) for y = 3, ŷ = 2 under Gaussian noise with σ = 0.5.</summary>
    public static Feedback Exercise3(double? answer)
    {
        const double sigma = 0.5, residual = 1.0;
        double constant = 0.5 * Math.Log(2 * Math.PI * sigma * sigma);
        double expected = constant + residual * residual / (2 * sigma * sigma);
        const string hint = "−log P = ½·log(2πσ²) + (y − ŷ)²/(2σ²); the first term is the constant that does not depend on the parameters";
        if (answer is not null && Math.Abs(answer.Value - residual * residual / (2 * sigma * sigma)) < 1e-6)
            return Check.Wrong($"{answer.Value.ToString("G6", CultureInfo.InvariantCulture)} is only the squared-error part; add the constant ½·log(2πσ²).");
        return Check.Number(answer, expected, "−log P(y | x)", tolerance: 1e-4, hint: hint);
    }
}
