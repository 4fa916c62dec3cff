using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 07 (linear regression). They never throw on a wrong or missing answer.</summary>
public static class Notebook07
{
    /// <summary>
    /// The exercise's data as float64 (y as a column), checked before any computation, since a matrix product on mismatched
    /// shapes would end the session: X of shape (n, d), y of n labels (shape (n) or (n, 1)), real and finite, n ≥ 1.
    /// Null when the data can be used; otherwise what is wrong with them.
    /// </summary>
    static Feedback? ReadData(Tensor? X, Tensor? y, string call, out Tensor Xd, out Tensor yd)
    {
        Xd = yd = null!;
        if (X is null || y is null)
            return Check.Wrong($"the data is missing ({(X is null ? "X" : "y")} is null): call {call} with the exercise's exX and exY.");
        if (Check.Unusable(X, "X") is { } badX) return badX;
        if (Check.Unusable(y, "y") is { } badY) return badY;
        string xs = TensorFormatter.Shape(X), ys = TensorFormatter.Shape(y);
        if (X.dim() < 2 && y.dim() == 2)
            return Check.Wrong($"X and y look swapped (X has shape {xs}, y has shape {ys}): X is the matrix of inputs, one row per example, " +
                               $"and y holds the labels. Call {call}.");
        if (X.dim() != 2 || X.shape[0] == 0 || X.shape[1] == 0)
            return Check.Wrong($"X should be a matrix with one row per example and one column per feature; yours has shape {xs}. Call {call}.");
        if (!(y.dim() == 1 || (y.dim() == 2 && y.shape[1] == 1)))
            return Check.Wrong($"y should hold one label per example, shape (n,) or (n, 1); yours has shape {ys}. Call {call}.");
        if (y.shape[0] != X.shape[0])
            return Check.Wrong($"X has {X.shape[0]} rows (examples) but y has {y.shape[0]} labels; there must be one label per example. Call {call}.");
        Xd = X.detach().cpu().to_type(ScalarType.Float64);
        yd = y.detach().cpu().to_type(ScalarType.Float64).reshape(-1, 1);
        return Check.NotFinite(Xd, "X") ?? Check.NotFinite(yd, "y");
    }

    /// <summary>The least-squares solution of A s = b by the normal equations (mm and solve, both catchable), or null when AᵀA is singular.</summary>
    static Tensor? NormalEquations(Tensor A, Tensor b)
    {
        if (linalg.matrix_rank(A).item<long>() < A.shape[1]) return null;
        var At = A.T;
        return linalg.solve(At.mm(A), At.mm(b)).flatten();
    }

    /// <summary>Exercise 1: the analytic solution s = (XᵀX)⁻¹Xᵀy for the given data, with the bias folded into X as a column of ones.</summary>
    public static Feedback Exercise1(Tensor? X, Tensor? y, Tensor? answer) => Check.Guard(() =>
    {
        const string what = "s = [w₁, w₂, b]";
        const string hint = "append a column of ones to X with torch.cat(..., dim: 1), then torch.linalg.inv(Xᵀ X) · Xᵀ · y, in float64";
        if (answer is null) return Check.Pending($"compute {what}.");
        using var scope = NewDisposeScope();
        if (ReadData(X, y, "Exercise1(exX, exY, answer1)", out var Xd, out var yd) is { } badData) return badData;
        if (Check.Unusable(answer, what) is { } unusable) return unusable;
        long n = Xd.shape[0], d = Xd.shape[1];
        var X1 = cat(new[] { Xd, ones(n, 1, dtype: ScalarType.Float64) }, 1);
        var expected = NormalEquations(X1, yd);
        if (expected is null)
            return Check.Wrong($"for this X (shape {TensorFormatter.Shape(Xd)}) with its column of ones, XᵀX has no inverse, so the normal equations " +
                               "have no unique solution. Call Exercise1(exX, exY, answer1) with the exercise's data.");
        if (answer.numel() != d + 1)
            return Check.Wrong($"{what} has {d + 1} values (the weights and the bias); yours has {answer.numel()}. Hint: {hint}.");
        var flat = answer.detach().cpu().flatten().to_type(ScalarType.Float64);
        var result = Check.Tensor(flat, expected, what, tolerance: 1e-4, hint: hint);
        if (result.Correct == false && Check.NotFinite(flat, what) is null && NormalEquations(Xd, yd) is { } withoutBias
            && flat[..(int)d].allclose(withoutBias, 1e-4, 1e-4))
            return Check.Wrong($"your weights are the solution without a bias column; fold b into X first. Hint: {hint}.");
        return result;
    });

    /// <summary>Exercise 2: one minibatch SGD step from w = 0, b = 0 with learning rate 0.1 on the squared loss ½(ŷ − y)², averaged over the batch.</summary>
    public static Feedback Exercise2(Tensor? X, Tensor? y, Tensor? answer) => Check.Guard(() =>
    {
        const string what = "the parameters [w₁, w₂, b] after one step";
        const string hint = "at w = 0, b = 0 every prediction is 0, so ∂l/∂w = mean over the batch of (ŷ − y)·x and ∂l/∂b = mean of (ŷ − y); new value = old − 0.1 · gradient";
        if (answer is null) return Check.Pending($"compute {what}.");
        using var scope = NewDisposeScope();
        if (ReadData(X, y, "Exercise2(exX, exY, answer2)", out var Xd, out var yd) is { } badData) return badData;
        if (Check.Unusable(answer, what) is { } unusable) return unusable;
        long n = Xd.shape[0], d = Xd.shape[1];
        var residual = -yd;                                   // ŷ − y with ŷ = 0, one row per example
        var gradW = (residual * Xd).mean(new long[] { 0 });
        var gradB = residual.mean(new long[] { 0 });
        var expected = cat(new[] { -0.1 * gradW, -0.1 * gradB }).flatten();
        if (answer.numel() != d + 1)
            return Check.Wrong($"{what} are {d + 1} values; yours has {answer.numel()}. Hint: {hint}.");
        var flat = answer.detach().cpu().flatten().to_type(ScalarType.Float64);
        if (n > 1 && Check.NotFinite(flat, what) is null && flat.allclose(expected * n, 1e-4, 1e-4))
            return Check.Wrong($"your step is {n}× too large: SGD divides the summed gradient by the batch size. Hint: {hint}.");
        return Check.Tensor(flat, expected, what, tolerance: 1e-4, hint: hint);
    });

    /// <summary>Exercise 3: −log P(y | x) for y = 3, ŷ = 2 under Gaussian noise with σ = 0.5; a rounding to 2 significant digits counts.</summary>
    public static Feedback Exercise3(double? answer) => Check.Guard(() =>
    {
        const double sigma = 0.5, residual = 1.0;
        double constant = 0.5 * Math.Log(2 * Math.PI * sigma * sigma);
        double squared = residual * residual / (2 * sigma * sigma);
        double expected = constant + squared;
        const string hint = "−log P = ½·log(2πσ²) + (y − ŷ)²/(2σ²); the first term is the constant that does not depend on the parameters";
        if (Check.Matches(answer, squared, digits: 2))
            return Check.Wrong($"{Check.G(answer!.Value)} is only the squared-error part; add the constant ½·log(2πσ²).");
        if (Check.Matches(answer, -expected, digits: 3))
            return Check.Wrong($"{Check.G(answer!.Value)} is log P(y | x); the question asks for the negative log-likelihood, −log P.");
        if (Check.Matches(answer, 2 * constant + squared, digits: 3))
            return Check.Wrong($"{Check.G(answer!.Value)} uses log(2πσ²) as the constant; the density's normalizer is 1/√(2πσ²), so its log is ½·log(2πσ²).");
        return Check.Number(answer, expected, "−log P(y | x)", tolerance: 1e-4, hint: hint, digits: 2);
    });

    /// <summary>Exercise 4 (conceptual): why minibatch SGD averages over the batch, and what the learning rate does.</summary>
    public static Feedback Exercise4(string? answer) =>
        Check.Choice(answer, "abd", "the true statements about averaging the loss and the learning rate", new Dictionary<char, string>
        {
            ['c'] = "dividing a loss by a positive constant scales it; its minimum stays at the same parameters",
        }, hint: "compare the gradient of a summed loss over 10 examples with one over 100 examples, and recall the η = 0.47 path of notebook 05");
}
