using System.Globalization;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 11 (dropout). Course plumbing; they never throw on a wrong or missing answer.</summary>
public static class Notebook11
{
    /// <summary>What C# does with a fraction typed as int / int, which the dropout exercises invite (5/4, 1/4).</summary>
    const string IntegerDivision = "in C#, an int divided by an int is an int: the remainder is dropped, so 5/4 is 1 and 1/4 is 0. " +
                                   "Make one of the two numbers a double (5.0/4) or use the decimal (1.25).";

    /// <summary>Exercise 1: the factor a kept element is multiplied by when p = 0.2.</summary>
    public static Feedback Exercise1(double? answer) => Check.Guard(() =>
    {
        const double p = 0.2;
        const string what = "the scale factor";
        const string hint = "the kept elements must make up, on average, for the ones set to 0; a kept element survives with probability 1 − p";
        if (answer is null)
            return Check.Pending("with p = 0.2, what number is a kept element multiplied by?");
        if (Check.NotFinite(answer.Value, what) is { } notFinite) return notFinite;
        if (answer.Value == 1)
            return Check.Wrong("1 leaves the kept elements as they are, so the outputs shrink on average (a fifth of them are now 0). " +
                               "If you typed a fraction such as 5/4: " + IntegerDivision);
        if (answer.Value == 0)
            return Check.Wrong("0 would set the kept elements to 0 as well. If you typed a fraction such as 4/5 or 1/5: " + IntegerDivision);
        if (Check.Matches(answer, 1 - p, digits: 1))
            return Check.Wrong("0.8 is the chance that an element is kept; multiplying by it would make the outputs smaller on average, not keep them. Hint: " + hint + ".");
        if (Check.Matches(answer, 1 / p))
            return Check.Wrong("5 = 1/p would scale by the dropped fraction; the factor must undo the loss of the dropped elements on average. Hint: " + hint + ".");
        return Check.Number(answer, 1 / (1 - p), what, tolerance: 1e-6, hint: hint, digits: 3);
    });

    /// <summary>Exercise 2: the variance of dropout(h) for h = 6, p = 0.25.</summary>
    public static Feedback Exercise2(double? answer) => Check.Guard(() =>
    {
        const double h = 6, p = 0.25;
        const string what = "the variance";
        double expected = h * h * p / (1 - p); // E[h'²] − (E[h'])² = (1 − p)·(h/(1 − p))² − h² = 12
        const string hint = "h' is 0 (probability p) or h/(1 − p) (probability 1 − p); compute E[h'²] over the two outcomes and subtract (E[h'])² = h²";
        if (answer is null)
            return Check.Pending("what is the variance of the dropout output for h = 6, p = 0.25?");
        if (Check.NotFinite(answer.Value, what) is { } notFinite) return notFinite;
        if (Math.Abs(answer.Value) < 1e-12)
            return Check.Wrong("0 would mean the output is not random; in training it is sometimes 0 and sometimes larger than h. " +
                               "(If you typed a fraction such as 1/3: " + IntegerDivision + ") Hint: " + hint + ".");
        if (Check.Matches(answer, h * h * p * (1 - p), digits: 2))
            return Check.Wrong("6.75 is the variance without the 1/(1 − p) scaling (the values 0 and 6); the kept value is larger than 6. Hint: " + hint + ".");
        if (Check.Matches(answer, Math.Sqrt(expected), digits: 2))
            return Check.Wrong("that is the standard deviation; the question asks for the variance, its square. Hint: " + hint + ".");
        if (Check.Matches(answer, h * h))
            return Check.Wrong("36 = h² is the variance only for p = 0.5, where p/(1 − p) = 1; here p = 0.25. Hint: " + hint + ".");
        return Check.Number(answer, expected, what, tolerance: 1e-6, hint: hint, digits: 3);
    });

    /// <summary>Exercise 3: which quantity dropout keeps unchanged (b: the expected value of each output).</summary>
    public static Feedback Exercise3(char? answer) => Check.Guard(() =>
    {
        const string hint = "think of one sample: how many units are dropped in it, and what happens to its sum? Then think of the average over many samples";
        if (answer is null)
            return Check.Pending("which of (a)–(d) does dropout with the 1/(1 − p) scaling keep unchanged?");
        return char.ToLowerInvariant(answer.Value) switch
        {
            'b' => Check.Right("(b): E[h'] = (1 − p)·h/(1 − p) = h for every unit, so the next layer receives inputs of the same expected size."),
            'a' => Check.Wrong("(a): a single sample's sum varies — it is 0 when every unit happens to be dropped. Hint: " + hint + "."),
            'c' => Check.Wrong("(c): each unit is dropped independently, so the number dropped is random (binomial), not fixed. Hint: " + hint + "."),
            'd' => Check.Wrong("(d): without dropout a unit is not random at all; dropout adds variance h²·p/(1 − p). Hint: " + hint + "."),
            var other => Check.Wrong($"'{other}' is not one of the choices a, b, c, d."),
        };
    });

    static readonly (double P, bool Valid)[] Cases =
    [
        (0, true), (0.2, true), (0.5, true), (1, true),
        (-0.1, false), (1.5, false), (double.NaN, false), (double.PositiveInfinity, false), (double.NegativeInfinity, false),
    ];

    /// <summary>Exercise 4: a predicate accepting exactly the valid dropout probabilities [0, 1] (not NaN).</summary>
    public static Feedback Exercise4(Func<double, bool>? answer) => Check.Guard(() =>
    {
        const string hint = "the valid values form the closed interval from 0 to 1; remember that every comparison with NaN is false";
        if (answer is null)
            return Check.Pending("write a predicate p => … that is true exactly for the valid dropout probabilities.");
        var wrong = new List<string>();
        foreach (var (p, valid) in Cases)
        {
            bool said;
            try { said = answer(p); }
            catch (Exception e) { return Check.Wrong($"your predicate threw {e.GetType().Name} for p = {Text(p)}; it should return true or false. Hint: {hint}."); }
            if (said != valid) wrong.Add($"p = {Text(p)} ({(said ? "accepted" : "rejected")}, should be {(valid ? "accepted" : "rejected")})");
        }
        return wrong.Count == 0
            ? Check.Right($"your predicate accepts 0, 0.2, 0.5 and 1 and rejects −0.1, 1.5, NaN and ±∞.")
            : Check.Wrong($"your predicate is wrong for {string.Join(", ", wrong)}. Hint: {hint}.");
    });

    static string Text(double p) => double.IsNaN(p) ? "NaN" : double.IsPositiveInfinity(p) ? "+∞" : double.IsNegativeInfinity(p) ? "−∞" : p.ToString(CultureInfo.InvariantCulture);
}
