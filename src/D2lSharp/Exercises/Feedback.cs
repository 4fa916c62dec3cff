using System.Globalization;
using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>
/// The verdict on a learner's exercise answer. <see cref="Correct"/> is null while the exercise is unanswered.
/// Checkers never throw on a wrong or missing answer, so a notebook with open exercises still runs headless.
/// </summary>
public sealed record Feedback(bool? Correct, string Message)
{
    public override string ToString() => (Correct switch { null => "⏳ Not answered yet: ", true => "✅ Correct: ", false => "❌ Not yet: " }) + Message;
}

/// <summary>Building blocks for the chapter checkers in this folder.</summary>
public static class Check
{
    public static Feedback Pending(string hint) => new(null, hint);
    public static Feedback Right(string message) => new(true, message);
    public static Feedback Wrong(string message) => new(false, message);

    /// <summary>Compares a tensor answer with the expected tensor: shape first, then values within a tolerance.</summary>
    public static Feedback Tensor(Tensor? answer, Tensor expected, string what, double tolerance = 1e-5, string hint = "")
    {
        if (answer is null) return Pending($"compute {what}{(hint.Length > 0 ? " — " + hint : "")}.");
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
        if (answer is null || double.IsNaN(answer.Value)) return Pending($"compute {what}{(hint.Length > 0 ? " — " + hint : "")}.");
        return Math.Abs(answer.Value - expected) <= tolerance
            ? Right($"{what} = {answer.Value.ToString("G6", CultureInfo.InvariantCulture)}.")
            : Wrong($"{what} = {answer.Value.ToString("G6", CultureInfo.InvariantCulture)} is off." + (hint.Length > 0 ? " Hint: " + hint : ""));
    }

    /// <summary>Compares an exact answer (a shape, a count, a choice) with the expected one.</summary>
    public static Feedback Exact<T>(T? answer, T expected, string what, string hint = "")
    {
        if (answer is null) return Pending($"answer {what}{(hint.Length > 0 ? " — " + hint : "")}.");
        return EqualityComparer<T>.Default.Equals(answer, expected)
            ? Right($"{what}: {answer}.")
            : Wrong($"{what}: {answer} is not it." + (hint.Length > 0 ? " Hint: " + hint : ""));
    }

    /// <summary>Compares a shape (e.g. from <c>t.shape</c>) with the expected one.</summary>
    public static Feedback Shape(long[]? answer, long[] expected, string what, string hint = "")
    {
        if (answer is null) return Pending($"give {what}{(hint.Length > 0 ? " — " + hint : "")}.");
        return answer.SequenceEqual(expected)
            ? Right($"{what} is {TensorFormatter.ShapeText(answer)}.")
            : Wrong($"{what} is not {TensorFormatter.ShapeText(answer)}." + (hint.Length > 0 ? " Hint: " + hint : ""));
    }
}
