using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using D2lSharp.Display;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>
/// Building blocks for the notebooks' checkers in this folder (course plumbing). A hint is shown only after a wrong answer,
/// never while an exercise is unanswered: the pending message restates what to give.
/// <para>
/// No checker may throw or end the learner's session, whatever it is given. Every checker runs its body through
/// <see cref="Guard"/> or is a single call of a building block here, each of which guards itself, so a null, a misshaped or NaN tensor, a tensor of another
/// dtype, a disposed tensor or a learner function that throws comes back as feedback. A guard cannot catch what TorchSharp does
/// not throw: <c>matmul</c>, <c>cummax</c>/<c>cummin</c> and <c>autograd.grad</c> end the process on a shape error (design.md §8b),
/// so checkers use <c>mm</c>/<c>mv</c> after checking shapes, and run a learner's tensor function first on cases where any matrix
/// product a learner might write is shape-valid (one-element and square inputs, as <see cref="Notebook12.Exercise2"/> does), and on
/// others only once it has passed those.
/// </para>
/// </summary>
public static class Check
{
    public static Feedback Pending(string whatToGive) => new(null, whatToGive);
    public static Feedback Right(string message) => new(true, message);
    public static Feedback Wrong(string message) => new(false, message);

    /// <summary>How the guard's feedback begins when a checker body threw: a checker that should have caught the case itself.</summary>
    public const string GuardMessage = "the checker could not use your answer";

    /// <summary>What a disposed tensor gets, wherever a checker meets one.</summary>
    public const string DisposedMessage =
        "your tensor has been disposed (it was made inside a dispose scope or a using block that has ended), so its values are gone. " +
        "Compute it outside the scope, or keep it with .MoveToOuterDisposeScope().";

    /// <summary>
    /// Runs a checker's body so that nothing escapes as an exception: whatever it throws becomes a ❌ that names the exception.
    /// Checkers still test what they can foresee (shapes, dtypes, nulls) and say so specifically; this is the net beneath them.
    /// </summary>
    public static Feedback Guard(Func<Feedback> body)
    {
        try
        {
            return body() ?? Wrong(GuardMessage + ".");
        }
        catch (Exception e) when (IsDisposedTensor(e))
        {
            return Wrong(DisposedMessage);
        }
        catch (Exception e)
        {
            return Wrong($"{GuardMessage} ({e.GetType().Name}: {FirstLine(e.Message)}). " +
                         "Check that you passed what the exercise asks for: its type, and for a tensor its shape and dtype.");
        }
    }

    static bool IsDisposedTensor(Exception e) =>
        e is ObjectDisposedException || (e is InvalidOperationException && e.Message.Contains("empty handle", StringComparison.Ordinal));

    /// <summary>The first line of an exception's message (libtorch appends a C++ backtrace to its own).</summary>
    public static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>A number as the feedback shows it: six significant digits, invariant culture.</summary>
    public static string G(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞"
        : value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Whether a dtype holds real numbers that convert to float64 without loss of meaning (not complex).</summary>
    public static bool IsReal(ScalarType dtype) => dtype is not (ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64);

    /// <summary>
    /// What makes a learner's tensor unusable before its values are read: disposed, or complex. Null when it can be read.
    /// Call it before touching <c>shape</c> or <c>dtype</c> of a tensor a learner passed.
    /// </summary>
    public static Feedback? Unusable(Tensor answer, string what)
    {
        if (answer.IsInvalid) return Wrong(DisposedMessage);
        if (!IsReal(answer.dtype))
            return Wrong($"{what} should hold real numbers; yours has dtype {TensorFormatter.DTypeName(answer.dtype)}.");
        return null;
    }

    /// <summary>"contains NaN at 2 of its 12 positions" for a tensor with NaN or ±∞ values; null when every value is finite.</summary>
    public static Feedback? NotFinite(Tensor values, string what)
    {
        if (values.numel() == 0 || !values.is_floating_point()) return null;
        using var scope = NewDisposeScope();
        long nan = values.isnan().sum().item<long>(), inf = values.isinf().sum().item<long>();
        if (nan > 0)
            return Wrong($"{what} contains NaN (\"not a number\") at {nan} of its {values.numel()} positions. NaN comes from an undefined " +
                         "operation such as 0/0, ∞ − ∞ or the log of a negative number; find the step that produced it.");
        if (inf > 0)
            return Wrong($"{what} contains ±∞ at {inf} of its {values.numel()} positions: some step overflowed (exp of a large number?) or divided by 0.");
        return null;
    }

    /// <summary>The same for a single number: NaN or ±∞ is wrong, with the reason.</summary>
    public static Feedback? NotFinite(double value, string what)
    {
        if (double.IsNaN(value))
            return Wrong($"{what} is NaN (\"not a number\"): the result of an undefined operation such as 0/0, ∞ − ∞ or the square root of a negative number.");
        if (double.IsInfinity(value))
            return Wrong($"{what} is {G(value)}: some step overflowed or divided by 0.");
        return null;
    }

    /// <summary>Compares a tensor answer with the expected tensor: shape first, then values within a tolerance.</summary>
    public static Feedback Tensor(Tensor? answer, Tensor expected, string what, double tolerance = 1e-5, string hint = "") => Guard(() =>
    {
        if (answer is null) return Pending($"compute {what}.");
        if (Unusable(answer, what) is { } unusable) return unusable;
        if (!answer.shape.SequenceEqual(expected.shape))
            return Wrong($"{what} should have shape {TensorFormatter.Shape(expected)}, yours has {TensorFormatter.Shape(answer)}.");
        using var scope = NewDisposeScope();
        var a = answer.detach().cpu().to_type(ScalarType.Float64);
        var e = expected.detach().cpu().to_type(ScalarType.Float64);
        if (NotFinite(a, what) is { } notFinite) return notFinite;
        double err = a.numel() == 0 ? 0 : (a - e).abs().max().item<double>();
        return err <= tolerance
            ? Right($"{what} matches (largest difference {err.ToString("G3", CultureInfo.InvariantCulture)}).")
            : Wrong($"{what} has the right shape, but some values differ by up to {err.ToString("G3", CultureInfo.InvariantCulture)}." + HintText(hint));
    });

    /// <summary>
    /// Compares a number with the expected value. It is right within <paramref name="tolerance"/> (for a computed answer), or,
    /// when <paramref name="digits"/> is positive, when it is the expected value rounded (or cut off) to the significant digits
    /// the learner typed, at least <paramref name="digits"/> of them (<see cref="IsRounding"/>): 0.039 for 0.0392837.
    /// With <paramref name="digits"/> 0 the exercise asks for the value computed, and a typed rounding is told so.
    /// A number that is close without being either gets no hint: the method was right, the precision was not.
    /// </summary>
    public static Feedback Number(double? answer, double expected, string what, double tolerance = 1e-6, string hint = "", int digits = 0) => Guard(() =>
    {
        if (answer is null) return Pending($"compute {what}.");
        double a = answer.Value;
        if (NotFinite(a, what) is { } notFinite) return notFinite;
        if (Math.Abs(a - expected) <= tolerance) return Right($"{what} = {G(a)}.");
        if (digits > 0 && IsRounding(a, expected, digits))
            return Right($"{what} ≈ {Typed(a)}, rounded to {Math.Max(SignificantDigits(a), digits)} significant digits (more exactly {G(expected)}).");
        if (Close(a, expected, digits) is { } close) return close;
        return Wrong($"{what} = {G(a)} is off." + HintText(hint));
    });

    /// <summary>
    /// Feedback for a number near <paramref name="expected"/> that is not accepted, or null when it is not near: too coarse, rounded
    /// wrongly, typed where the exercise asks for a computed value, or computed slightly off. Near is within 2 %, or within five units
    /// of the last digit the answer shows (at least <paramref name="digits"/> of them), up to 10 %.
    /// </summary>
    public static Feedback? Close(double answer, double expected, int digits)
    {
        if (expected == 0 || !double.IsFinite(answer)) return null;
        int typed = SignificantDigits(answer);
        double unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(expected))) - Math.Max(typed, digits) + 1);
        double near = Math.Max(0.02 * Math.Abs(expected), Math.Min(5 * unit, 0.1 * Math.Abs(expected)));
        if (Math.Abs(answer - expected) > near * (1 + 1e-9)) return null;
        if (typed > 6)
            return Wrong($"{G(answer)} is close, but not close enough: a step of the computation is slightly off (a rounded intermediate value, or float32 arithmetic?).");
        if (digits == 0)
            return Wrong($"{Typed(answer)} is close, but not exact enough: the exercise asks for the value computed in code rather than typed as a rounded number.");
        if (typed < digits)
            return Wrong($"{Typed(answer)} is close, but too coarse: give at least {digits} significant digits.");
        return Wrong($"{Typed(answer)} is close, but it is not the value rounded to the {typed} significant digits you gave: round only at the end, or give more digits.");
    }

    /// <summary>
    /// How many significant digits a typed number carries: those of the shortest text that gives back the same double
    /// (0.039 → 2, 9.5e-7 → 2, 1.25 → 3, 1000 → 1). A computed double usually has 15–17.
    /// </summary>
    public static int SignificantDigits(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return 1;
        string text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        string mantissa = text.Split('E')[0];
        string digits = mantissa.Replace(".", "").TrimStart('0');
        if (!mantissa.Contains('.')) digits = digits.TrimEnd('0');
        return Math.Max(1, digits.Length);
    }

    /// <summary>
    /// Whether <paramref name="answer"/> is <paramref name="value"/> rounded, or cut off, to the significant digits it shows, read with
    /// at least <paramref name="minDigits"/>: 0.039 and 0.0392 are 0.0392837 to two and three digits, 0.04 is not (a double cannot keep
    /// the trailing zero of 0.040, and 0.040 is not 0.0392837 to two digits either), nor is 0.038.
    /// </summary>
    public static bool IsRounding(double answer, double value, int minDigits)
    {
        if (!double.IsFinite(answer) || !double.IsFinite(value) || value == 0 || answer == 0 || Math.Sign(answer) != Math.Sign(value)) return false;
        int shown = Math.Max(SignificantDigits(answer), minDigits);
        double unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - shown + 1);
        bool rounded = Math.Abs(answer - value) <= unit / 2 * (1 + 1e-9);
        // Cut off: the value's digits up to that unit, nothing more (1.25 cut to three digits is 1.25, never 1.24).
        double truncated = Math.Floor(Math.Abs(value) / unit + 1e-9) * unit;
        bool cutOff = Math.Abs(Math.Abs(answer) - truncated) <= unit * 1e-6;
        return rounded || cutOff;
    }

    /// <summary>Whether an answer is a known value: equal to it up to double rounding, or (with <paramref name="digits"/> &gt; 0) a rounding of it.</summary>
    public static bool Matches(double? answer, double value, int digits = 0) =>
        answer is { } a && double.IsFinite(a) &&
        (Math.Abs(a - value) <= 1e-9 * Math.Max(1e-300, Math.Abs(value)) || (digits > 0 && IsRounding(a, value, digits)));

    static string Typed(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    static string HintText(string hint) => hint.Length > 0 ? " Hint: " + hint.TrimEnd('.') + "." : "";

    /// <summary>Compares an exact answer (a shape, a count, a choice) with the expected one.</summary>
    public static Feedback Exact<T>(T? answer, T expected, string what, string hint = "") => Guard(() =>
    {
        if (answer is null) return Pending($"answer {what}.");
        return EqualityComparer<T>.Default.Equals(answer, expected)
            ? Right($"{what}: {answer}.")
            : Wrong($"{what}: {answer} is not it." + HintText(hint));
    });

    /// <summary>Compares a shape (e.g. from <c>t.shape</c>) with the expected one.</summary>
    public static Feedback Shape(long[]? answer, long[] expected, string what, string hint = "") => Guard(() =>
    {
        if (answer is null) return Pending($"give {what}.");
        return answer.SequenceEqual(expected)
            ? Right($"{what} is {TensorFormatter.ShapeText(answer)}.")
            : Wrong($"{what} is not {TensorFormatter.ShapeText(answer)}." + HintText(hint));
    });

    /// <summary>
    /// A multiple-choice answer: the letters of every true option, in any order and case ("abd", "A, B, D").
    /// A wrong answer is told why each wrongly chosen option is false (<paramref name="whyFalse"/>) and whether a true one is missing,
    /// never which letters are right.
    /// </summary>
    public static Feedback Choice(string? answer, string correct, string what, IReadOnlyDictionary<char, string> whyFalse, string hint = "") => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(whyFalse);
        if (string.IsNullOrWhiteSpace(answer)) return Pending($"choose {what}: give the letters of every true option, e.g. \"ac\".");
        var options = correct.ToLowerInvariant().ToHashSet();
        var valid = options.Concat(whyFalse.Keys.Select(char.ToLowerInvariant)).ToHashSet();
        var chosen = answer.ToLowerInvariant().Where(char.IsLetter).ToHashSet();
        if (chosen.Count == 0)
            return Wrong($"\"{answer}\" has no letters; give the letters of every true option ({string.Join(", ", valid.Order())}).");
        var unknown = chosen.Where(c => !valid.Contains(c)).ToList();
        if (unknown.Count > 0)
            return Wrong($"({string.Join(", ", unknown)}) is not one of the options ({string.Join(", ", valid.Order())}).");
        if (chosen.SetEquals(options)) return Right($"{what}: {string.Concat(chosen.Order())}.");
        var reasons = chosen.Where(c => !options.Contains(c))
            .Select(c => $"({c}) is false: {(whyFalse.TryGetValue(c, out var why) || whyFalse.TryGetValue(char.ToUpperInvariant(c), out why) ? why : "look at it again")}.")
            .ToList();
        if (options.Any(c => !chosen.Contains(c)))
            reasons.Add("at least one true option is missing.");
        return Wrong(string.Join(" ", reasons) + HintText(hint));
    });

    /// <summary>
    /// Calls a learner's function. Returns null when it returned, or the feedback that says what it threw
    /// (<paramref name="where"/> names the case, e.g. "at x = 2,").
    /// </summary>
    public static Feedback? Run<T>(Func<T> call, string where, out T? result)
    {
        try
        {
            result = call();
            return null;
        }
        catch (Exception e) when (IsDisposedTensor(e))
        {
            result = default;
            return Wrong(DisposedMessage);
        }
        catch (Exception e)
        {
            result = default;
            return Wrong($"{where} your function threw {e.GetType().Name}: {FirstLine(e.Message)}".TrimStart());
        }
    }

    /// <summary>
    /// What is wrong with a tensor a learner's function returned — null, disposed, not real, not floating point, another shape,
    /// NaN or ±∞ — or null when it has <paramref name="shape"/> and finite real values.
    /// </summary>
    public static Feedback? Returned(Tensor? result, long[] shape, string where, string what)
    {
        if (result is null) return Wrong($"{where} your function returned null; it should return {what}, a tensor of shape {TensorFormatter.ShapeText(shape)}.".TrimStart());
        if (Unusable(result, what) is { } unusable) return unusable;
        if (!result.is_floating_point())
            return Wrong($"{where} your function returned a tensor of dtype {TensorFormatter.DTypeName(result.dtype)}; {what} takes real values: ".TrimStart() +
                         "keep the computation in floating point.");
        if (!result.shape.SequenceEqual(shape))
            return Wrong($"{where} your function returned shape {TensorFormatter.Shape(result)}; {what} has shape {TensorFormatter.ShapeText(shape)}, one value per element.".TrimStart());
        return NotFinite(result.detach(), $"{where} {what} from your function".TrimStart());
    }

    /// <summary>
    /// What C# does with a fraction typed as int / int, the slip behind most answers of exactly 0 (or 1) where a fraction was
    /// meant (the examples are not any exercise's answer).
    /// </summary>
    public const string IntegerDivision = "in C#, an int divided by an int is an int (integer division): the remainder is dropped, " +
                                          "so 3/2 is 1 and 2/3 is 0. Make one of the two numbers a double (3.0/2) or type the decimal.";

    /// <summary>
    /// Runs a learner's element-wise function <paramref name="f"/> on the 1-d <paramref name="input"/> (whose right values are
    /// <paramref name="expected"/>): true when it returned finite real values of the input's shape, which come back as float64 in
    /// <paramref name="values"/>; otherwise false with the feedback in <paramref name="feedback"/> — what it threw or what is wrong
    /// with its result, or <see cref="ElementwiseSlip"/> when a result of the wrong shape comes from a function that is right
    /// element by element.
    /// A 1-d input keeps any matrix product a learner writes between its elements shape-valid (a dot product).
    /// </summary>
    public static bool ElementwiseValues(Func<Tensor, Tensor> f, Tensor input, Tensor expected, int[] probes, string what,
        string elementwiseWhat, [NotNullWhen(true)] out Tensor? values, [NotNullWhen(false)] out Feedback? feedback)
    {
        values = null;
        feedback = Run(() => f(input.clone()), "", out var actual);
        if (feedback is not null) return false;
        if (Returned(actual, input.shape, $"for x of shape {TensorFormatter.ShapeText(input.shape)}", what) is { } bad)
        {
            bool readable = actual is not null && !actual.IsInvalid && actual.is_floating_point();
            feedback = readable && !actual!.shape.SequenceEqual(input.shape) && RightElementByElement(f, input, expected, probes)
                ? ElementwiseSlip(elementwiseWhat)
                : bad;
            return false;
        }
        values = actual!.detach().to_type(ScalarType.Float64);
        return true;
    }

    /// <summary>
    /// Whether a learner's element-wise function gives the <paramref name="expected"/> value (within 1e-5) on one-element inputs
    /// taken from <paramref name="input"/> at the indices <paramref name="probes"/>: if so, a wrong answer on the whole tensor
    /// mixes elements.
    /// </summary>
    public static bool RightElementByElement(Func<Tensor, Tensor> f, Tensor input, Tensor expected, int[] probes)
    {
        foreach (int i in probes)
        {
            var xi = input[i].reshape(1);
            if (Run(() => f(xi.clone()), "", out var one) is not null || one is null || one.IsInvalid
                || !one.is_floating_point() || one.numel() != 1) return false;
            double v = one.detach().to_type(ScalarType.Float64).flatten()[0].item<double>();
            if (!(Math.Abs(v - expected[i].item<double>()) <= 1e-5)) return false;
        }
        return true;
    }

    /// <summary>
    /// The feedback for a learner's function that is right on one-element inputs but wrong on a tensor of many: it mixes elements,
    /// as a matrix product or a sum does, where <paramref name="what"/> (an element-wise derivative) must not.
    /// </summary>
    public static Feedback ElementwiseSlip(string what) =>
        Wrong($"your function is right for a single element but not for a tensor of many: it combines different elements, as a matrix product " +
              $"(matmul, mm, dot) or a sum does. {what} is element-wise: multiply with *, which pairs each element with its own.");
}
