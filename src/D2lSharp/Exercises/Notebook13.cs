using System.Globalization;

namespace D2lSharp.Exercises;

/// <summary>
/// Checkers for the exercises of notebook 13 (numerical stability and initialization). Course plumbing: they never throw on a
/// wrong or missing answer, and a hint appears only after a wrong answer.
/// </summary>
public static class Notebook13
{
    static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>
    /// Exercise 1: the standard deviation Xavier (normal) initialization gives the weights of nn.Linear(784, 512), √(2/1296) ≈ 0.0393.
    /// Right when typed rounded to 2 significant digits or more, or measured from a sample of initialized weights (within 0.5 %).
    /// </summary>
    public static Feedback Exercise1(double? answer) => Check.Guard(() =>
    {
        const double fanIn = 784, fanOut = 512;
        const string what = "the Xavier standard deviation";
        double std = Math.Sqrt(2 / (fanIn + fanOut));
        if (answer is null)
            return Check.Pending("what standard deviation does Xavier (normal) initialization give the weights of nn.Linear(784, 512)?");
        double a = answer.Value;
        if (Check.NotFinite(a, what) is { } notFinite) return notFinite;
        if (a == 0)
            return Check.Wrong(IntegerDivision("2 / (784 + 512)", "2.0 / (784 + 512)"));
        if (Close(a, std * std))
            return Check.Wrong($"{G(a)} is the variance σ²; the question asks for the standard deviation σ.");
        if (Close(a, Math.Sqrt(6 / (fanIn + fanOut))))
            return Check.Wrong($"{G(a)} is the bound a of the uniform version U(−a, a); the normal version's standard deviation is smaller (a uniform U(−a, a) has variance a²/3).");
        if (Close(a, Math.Sqrt(1 / fanIn)) || Close(a, Math.Sqrt(1 / fanOut)) || Close(a, Math.Sqrt(2 / fanIn)))
            return Check.Wrong($"{G(a)} uses only one of the two widths. Hint: Xavier averages the forward condition n_in·σ² = 1 and the backward condition n_out·σ² = 1.");
        return Check.Number(answer, std, what, tolerance: 0.005 * std, digits: 2,
            hint: "set ½(n_in + n_out)·σ² = 1 and solve for σ; which of 784 and 512 is n_in does not matter here.");
    });

    /// <summary>The slope of leaky ReLU for x &lt; 0 in Exercise 2 (<c>nn.functional.leaky_relu</c>'s default).</summary>
    public const double LeakySlope = 0.01;

    /// <summary>
    /// Exercise 2: leaky ReLU's derivative, max(x, 0.01·x), as autograd computes it: 1 for x &gt; 0, 0.01 for x &lt; 0 and, by libtorch's
    /// convention, 0.01 at x = 0 (its backward takes the slope of the left side where x &gt; 0 fails). Checked on cases that include 0.
    /// </summary>
    public static Feedback Exercise2(Func<double, double>? answer) => Check.Guard(() =>
    {
        if (answer is null)
            return Check.Pending("write leaky ReLU's derivative as a function of x, with the value autograd returns at x = 0.");
        double[] cases = { -3, -0.5, -1e-9, 0, 1e-9, 0.5, 3, 1e6 };
        foreach (double x in cases)
        {
            if (Check.Run(() => answer(x), $"at x = {G(x)}", out double got) is { } threw) return threw;
            double expected = x > 0 ? 1 : LeakySlope;
            if (Math.Abs(got - expected) <= 1e-6 * expected) continue;    // float32's 0.01 from autograd passes too
            if (x == 0)
                return Check.Wrong($"at x = 0 your function gives {G(got)}. Leaky ReLU has a kink there, so the value is a convention: " +
                                   "ask autograd, as section 2 did for ReLU (backward through nn.functional.leaky_relu at the input 0).");
            if (x < 0 && got == 0)
                return Check.Wrong($"at x = {G(x)} your function gives 0, ReLU's slope there. Leaky ReLU does not switch off for x < 0: " +
                                   "that is the point of it. Hint: what is the slope of 0.01·x?");
            if (x < 0 && got == 1)
                return Check.Wrong($"at x = {G(x)} your function gives 1: that is the slope of the right side. Hint: left of 0, leaky ReLU is 0.01·x.");
            if (Math.Abs(got - LeakySlope * x) <= 1e-6 * Math.Abs(x) || (x > 0 && got == x))
                return Check.Wrong($"at x = {G(x)} your function gives {G(got)}, leaky ReLU's value there, not its slope (its derivative).");
            return Check.Wrong($"at x = {G(x)} your function gives {G(got)}, which is not leaky ReLU's slope there. " +
                               "Hint: max(x, 0.01·x) is a straight line on each side of 0.");
        }
        return Check.Right($"leaky ReLU's derivative: 1 for x > 0, 0.01 for x < 0 and (autograd's convention) at 0 — checked at {cases.Length} points. " +
                           "Unlike ReLU, no input makes it 0, so a unit is never cut off from the gradient.");
    });

    /// <summary>
    /// Exercise 3: section 3's MLP with only the hidden layer started constant and the output layer random: the hidden units get
    /// gradients through their own (different) output weights, so after training all 16 rows of the hidden weights are distinct.
    /// </summary>
    public static Feedback Exercise3(int? answer) => Check.Guard(() =>
    {
        if (answer is null)
            return Check.Pending("how many different hidden units (distinct rows of the hidden weight matrix) does the 16-unit layer have after training?");
        if (answer == 1)
            return Check.Wrong("1 would be right if the output weights started equal too, as in section 3. Hint: write down the gradient " +
                               "a hidden unit receives in the backward pass; which weight does it pass through on its way from the output?");
        if (answer == 0)
            return Check.Wrong("0 cannot be: a layer of 16 units has at least one distinct row. Hint: what does a hidden unit's gradient depend on?");
        return Check.Exact(answer, 16, "the number of distinct hidden units",
            hint: "units that start equal stay equal only if they also get equal gradients at every step; does anything in a hidden " +
                  "unit's gradient differ from unit to unit here?");
    });

    /// <summary>
    /// Exercise 4: the largest factor by which the sigmoid derivatives of 10 layers can scale a gradient, 0.25¹⁰ ≈ 9.54e-7.
    /// Right when typed rounded to 2 significant digits or more (9.5e-7), or within 0.1 %.
    /// </summary>
    public static Feedback Exercise4(double? answer) => Check.Guard(() =>
    {
        double expected = Math.Pow(0.25, 10);
        const string what = "the largest factor";
        if (answer is null)
            return Check.Pending("by what factor, at most, can the sigmoid derivatives of 10 stacked sigmoid layers scale a gradient?");
        double a = answer.Value;
        if (Check.NotFinite(a, what) is { } notFinite) return notFinite;
        if (a == 0)
            return Check.Wrong(IntegerDivision("1 / 4", "1.0 / 4"));
        if (Close(a, 0.25 * 10))
            return Check.Wrong($"{G(a)} adds the ten factors; the chain rule multiplies them.");
        if (Close(a, 0.25))
            return Check.Wrong($"{G(a)} is the largest factor of one layer; there are ten layers.");
        if (Close(a, Math.Pow(0.5, 10)))
            return Check.Wrong($"{G(a)} uses σ(0) = 0.5, the value of sigmoid at its steepest point, not its derivative there.");
        var verdict = Check.Number(answer, expected, what, tolerance: 1e-3 * expected, digits: 2,
            hint: "find the largest value of σ'(x) (section 2 measured it) and combine ten of them by the chain rule");
        return verdict.Correct == true ? Check.Right($"0.25¹⁰ = {G(expected)}: at best each sigmoid layer passes on a quarter of the gradient.") : verdict;
    });

    /// <summary>
    /// Exercise 5 (conceptual, d2l 4.8's exercise on linear and softmax regression): which statements about starting every weight of
    /// linear or softmax regression at the same value are true. Equal weights do no harm there: each weight (linear regression) or
    /// each class's row (softmax regression) gets its own gradient, and there are no interchangeable hidden units.
    /// </summary>
    public static Feedback Exercise5(string? answer) =>
        Check.Choice(answer, "abce", "the true statements about equal initial weights in linear and softmax regression", new Dictionary<char, string>
        {
            ['d'] = "at equal weights every class does get probability 1/q, but the rows' gradients differ, since each involves its own " +
                    "class's labels y_k; after one step the rows, and with them the probabilities, differ",
            ['f'] = "gradient descent keeps equal weights equal only when they also get equal gradients, as identical hidden units do; " +
                    "here each weight's gradient involves its own feature x_j or its own class's labels",
        }, hint: "write down the gradient of one weight w_j (linear regression) or of one class's row (softmax regression) while all " +
                 "weights are equal: does anything in it differ from weight to weight, or from class to class?");

    /// <summary>
    /// Feedback for an answer of exactly 0 where the value is small but positive: the learner's likely expression
    /// (<paramref name="slip"/>, e.g. 2 / (784 + 512)) is 0 in C# (<see cref="Check.IntegerDivision"/>), and its fix.
    /// </summary>
    static string IntegerDivision(string slip, string fix) =>
        $"your answer is exactly 0. If you computed it in code, {slip} is 0, because {Check.IntegerDivision} Here: {fix}.";

    /// <summary>Whether an answer is a known value, computed (to 0.1 %) or typed rounded to 2 significant digits or more.</summary>
    static bool Close(double a, double b) => Check.Matches(a, b, digits: 2) || Math.Abs(a - b) <= 1e-3 * Math.Abs(b);
}
