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
        if (Close(a, std * std))
            return Check.Wrong($"{G(a)} is the variance σ²; the question asks for the standard deviation σ.");
        if (Close(a, Math.Sqrt(6 / (fanIn + fanOut))))
            return Check.Wrong($"{G(a)} is the bound a of the uniform version U(−a, a); the normal version's standard deviation is smaller (a uniform U(−a, a) has variance a²/3).");
        if (Close(a, Math.Sqrt(1 / fanIn)) || Close(a, Math.Sqrt(1 / fanOut)) || Close(a, Math.Sqrt(2 / fanIn)))
            return Check.Wrong($"{G(a)} uses only one of the two widths. Hint: Xavier averages the forward condition n_in·σ² = 1 and the backward condition n_out·σ² = 1.");
        return Check.Number(answer, std, what, tolerance: 0.005 * std, digits: 2,
            hint: "set ½(n_in + n_out)·σ² = 1 and solve for σ; which of 784 and 512 is n_in does not matter here.");
    });

    /// <summary>Exercise 2: ReLU's derivative as autograd computes it (0 at x = 0), checked on cases that include 0.</summary>
    public static Feedback Exercise2(Func<double, double>? answer) => Check.Guard(() =>
    {
        if (answer is null)
            return Check.Pending("write ReLU's derivative as a function of x, with the value autograd returns at x = 0.");
        double[] cases = { -3, -0.5, -1e-9, 0, 1e-9, 0.5, 3, 1e6 };
        foreach (double x in cases)
        {
            if (Check.Run(() => answer(x), $"at x = {G(x)}", out double got) is { } threw) return threw;
            double expected = x > 0 ? 1 : 0;
            if (got == expected) continue;
            if (x == 0)
                return Check.Wrong($"at x = 0 your function gives {G(got)}. ReLU has no derivative there, so the value is a convention; " +
                                   "Hint: use the value autograd printed in section 2 for the input 0.");
            if (x < 0 && got == 1)
                return Check.Wrong($"at x = {G(x)} your function gives 1: ReLU's derivative is not 1 everywhere. Hint: what is the slope of max(x, 0) left of 0?");
            return Check.Wrong($"at x = {G(x)} your function gives {G(got)}, which is not ReLU's slope there. Hint: max(x, 0) is flat on one side of 0 and has slope 1 on the other.");
        }
        return Check.Right($"ReLU's derivative: 0 for x ≤ 0 (autograd's convention at 0), 1 for x > 0 — checked at {cases.Length} points.");
    });

    /// <summary>Exercise 3: how many distinct hidden units an MLP started with all parameters equal has after SGD training.</summary>
    public static Feedback Exercise3(int? answer) => Check.Guard(() =>
    {
        if (answer is null)
            return Check.Pending("how many different hidden units (distinct rows of the hidden weight matrix) does the 16-unit layer have after training?");
        if (answer == 16)
            return Check.Wrong("16 would mean training made the units different. Hint: compare the gradients the units receive when they compute the same thing.");
        if (answer == 0)
            return Check.Wrong("0 cannot be: a layer of 16 units has at least one distinct row. Hint: units that start equal get equal gradients.");
        return Check.Exact(answer, 1, "the number of distinct hidden units",
            hint: "units that start equal compute the same output and get the same gradient at every step.");
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

    /// <summary>Whether an answer is a known value, computed (to 0.1 %) or typed rounded to 2 significant digits or more.</summary>
    static bool Close(double a, double b) => Check.Matches(a, b, digits: 2) || Math.Abs(a - b) <= 1e-3 * Math.Abs(b);
}
