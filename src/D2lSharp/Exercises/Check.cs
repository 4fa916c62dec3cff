using System.Globalization;
using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>
/// Building blocks for the notebooks' checkers in this folder. A hint is shown only after a wrong answer, never while an
/// exercise is unanswered: the pending message restates what to give.
/// </summary>
public static class Check
{
    public static Feedback Pending(string whatToGive) => new(null, whatToGive);
    public static Feedback Right(string message) => new(true, message);
    public static Feedback Wrong(string message) => new(false, message);

    /// <summary>Compares a tensor answer with the expected tensor: shape first, then values within a tolerance.</summary>
    public static Feedback Tensor(Tensor? answer, Tensor expected, string what, double tolerance = 1e-5, string hint = "")
    {
        if (answer is null) return Pending($"compute {what}.");
        if (!answer.shape.SequenceEqual(expected.shape))
            return Wrong($"{what} should have shape {TensorFormatter.Shape(expected)}, yours has {TensorFormatter.Shape(answer)}.");
        using var scope = NewDisposeScope();
        var a = answer.detach().cpu().to_type(ScalarType.Float64);
        var e = expected.detach().cpu().to_type(ScalarType.Float64);
        double err = a.numel() == 0 ? 0 : (a - e).abs().max().item<double>();
        return err <= tolerance
            ? Right($"{what} matches (largest difference {err.ToString("G3", CultureInfo.InvariantCulture)}).")
            : Wrong($"{what} has the right shape, but some values differ by up to {err.ToString("G3", CultureInfo.InvariantCulture)}." + (hint.Length > 0 ? " Hint: " + hint : ""));
    }

    /// <summary>Compares a number with the expected value within a tolerance.</summary>
    public static Feedback Number(double? answer, double expected, string what, double tolerance = 1e-6, string hint = "")
    {
        if (answer is null || double.IsNaN(answer.Value)) return Pending($"compute {what}.");
        return Math.Abs(answer.Value - expected) <= tolerance
            ? Right($"{what} = {answer.Value.ToString("G6", CultureInfo.InvariantCulture)}.")
            : Wrong($"{what} = {answer.Value.ToString("G6", CultureInfo.InvariantCulture)} is off." + (hint.Length > 0 ? " Hint: " + hint : ""));
    }

    /// <summary>Compares an exact answer (a shape, a count, a choice) with the expected one.</summary>
    public static Feedback Exact<T>(T? answer, T expected, string what, string hint = "")
    {
        if (answer is null) return Pending($"answer {what}.");
        return EqualityComparer<T>.Default.Equals(answer, expected)
            ? Right($"{what}: {answer}.")
            : Wrong($"{what}: {answer} is not it." + (hint.Length > 0 ? " Hint: " + hint : ""));
    }

    /// <summary>Compares a shape (e.g. from <c>t.shape</c>) with the expected one.</summary>
    public static Feedback Shape(long[]? answer, long[] expected, string what, string hint = "")
    {
        if (answer is null) return Pending($"give {what}.");
        return answer.SequenceEqual(expected)
            ? Right($"{what} is {TensorFormatter.ShapeText(answer)}.")
            : Wrong($"{what} is not {TensorFormatter.ShapeText(answer)}." + (hint.Length > 0 ? " Hint: " + hint : ""));
    }

    /// <summary>
    /// A multiple-choice answer: the letters of every true option, in any order and case ("abd", "A, B, D").
    /// A wrong answer is told why each wrongly chosen option is false (<paramref name="whyFalse"/>) and whether a true one is missing,
    /// never which letters are right.
    /// </summary>
    public static Feedback Choice(string? answer, string correct, string what, IReadOnlyDictionary<char, string> whyFalse, string hint = "")
    {
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(whyFalse);
        if (string.IsNullOrWhiteSpace(answer)) return Pending($"choose {what}: give the letters of every true option, e.g. \"ac\".");
        var options = correct.ToLowerInvariant().ToHashSet();
        var valid = options.Concat(whyFalse.Keys.Select(char.ToLowerInvariant)).ToHashSet();
        var chosen = answer.ToLowerInvariant().Where(char.IsLetter).ToHashSet();
        var unknown = chosen.Where(c => !valid.Contains(c)).ToList();
        if (unknown.Count > 0)
            return Wrong($"({string.Join(", ", unknown)}) is not one of the options ({string.Join(", ", valid.Order())}).");
        if (chosen.SetEquals(options)) return Right($"{what}: {string.Concat(chosen.Order())}.");
        var reasons = chosen.Where(c => !options.Contains(c))
            .Select(c => $"({c}) is false: {(whyFalse.TryGetValue(c, out var why) || whyFalse.TryGetValue(char.ToUpperInvariant(c), out why) ? why : "look at it again")}.")
            .ToList();
        if (options.Any(c => !chosen.Contains(c)))
            reasons.Add("at least one true option is missing.");
        return Wrong(string.Join(" ", reasons) + (hint.Length > 0 ? " Hint: " + hint : ""));
    }
}
