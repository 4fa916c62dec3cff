namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 11 (dropout). Course plumbing; they never throw on a wrong or missing answer.</summary>
public static class Notebook11
{
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
                               "If you typed a fraction of two whole numbers: " + Check.IntegerDivision);
        if (answer.Value == 0)
            return Check.Wrong("0 would set the kept elements to 0 as well. If you typed a fraction of two whole numbers: " + Check.IntegerDivision);
        if (Check.Matches(answer, 1 - p))
            return Check.Wrong("0.8 is the chance that an element is kept; multiplying by it would make the outputs smaller on average, not keep them. Hint: " + hint + ".");
        if (Check.Matches(answer, 1 / p))
            return Check.Wrong("5 = 1/p would scale by the dropped fraction; the factor must undo the loss of the dropped elements on average. Hint: " + hint + ".");
        return ExactValue(answer.Value, 1 / (1 - p), what, hint);
    });

    /// <summary>
    /// A number with an exact value (1.25, 0.6): right when equal up to double rounding. Not <see cref="Check.Number"/> with digits,
    /// whose cut-off reading accepts the value one unit of the last digit below an exact decimal (1.24 for 1.25) through float slack.
    /// </summary>
    static Feedback ExactValue(double answer, double expected, string what, string hint)
    {
        if (Math.Abs(answer - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)))
            return Check.Right($"{what} = {Check.G(answer)}.");
        if (Math.Abs(answer - expected) <= 0.1 * Math.Abs(expected))
            return Check.Wrong($"{Check.G(answer)} is close, but {what} has an exact value: give all of its digits " +
                               "(a decimal, or an expression in doubles).");
        return Check.Wrong($"{what} = {Check.G(answer)} is not it. Hint: {hint}.");
    }

    /// <summary>Exercise 2: two dropout layers in a row (p = 0.5, then p = 0.2) act like one dropout layer with p = 0.6.</summary>
    public static Feedback Exercise2(double? answer) => Check.Guard(() =>
    {
        const double p1 = 0.5, p2 = 0.2;
        const double keep = (1 - p1) * (1 - p2);                  // kept only if both layers keep it: 0.4
        const string what = "the single dropout probability";
        const string hint = "an element survives only if the first layer keeps it and then the second keeps it too; " +
                            "p is the chance that this does not happen. Then check that the two scalings multiply to 1/(1 − p)";
        if (answer is null)
            return Check.Pending("two dropout layers in a row, p = 0.5 then p = 0.2: which single p acts the same?");
        if (Check.NotFinite(answer.Value, what) is { } notFinite) return notFinite;
        double a = answer.Value;
        // A fraction of two whole numbers is 0 in C# (1 - 2/5 is 1, 0.5 + 0.2 - 1/10 is 0.7, 1 - 0.5 * (1 - 1/5) is 0.5): the slips that
        // land on 0, 1 or another message's value get the integer-division note too.
        const string ifFraction = " If your expression has a fraction of two whole numbers, C# computed it as an int: " + Check.IntegerDivision;
        if (a == 0)
            return Check.Wrong("0 would mean that nothing is ever dropped. If you typed a fraction of two whole numbers: " + Check.IntegerDivision);
        if (a == 1)
            return Check.Wrong("1 would mean that every element is dropped, but an element that both layers keep comes through." + ifFraction);
        if (a < 0 || a > 1)
            return Check.Wrong($"{Check.G(a)} is not a probability: p lies between 0 and 1. Hint: {hint}.");
        if (Check.Matches(answer, keep))
            return Check.Wrong("0.4 is the chance that an element survives both layers; p is the chance that it is dropped. Hint: " + hint + ".");
        if (Check.Matches(answer, p1 + p2))
            return Check.Wrong("0.7 is the sum of the two probabilities, which counts twice the elements that both layers would drop " +
                               "(the second layer only sees the elements the first one kept). Hint: " + hint + "." + ifFraction);
        if (Check.Matches(answer, p1 * p2))
            return Check.Wrong("0.1 is the chance that both layers drop an element; but one of them dropping it is enough. Hint: " + hint + ".");
        if (Check.Matches(answer, (p1 + p2) / 2))
            return Check.Wrong("the average of the two probabilities does not describe either step. Hint: " + hint + ".");
        if (Check.Matches(answer, p1) || Check.Matches(answer, p2))
            return Check.Wrong("that is one layer's probability alone; the other layer still drops some of what this one kept. Hint: " + hint + "." + ifFraction);
        return ExactValue(a, 1 - keep, what, hint);
    });

    /// <summary>Exercise 3: the gradient of the output layer's weights in a step where h₂ and h₅ are dropped (b: columns 2 and 5 of W₂ are zero).</summary>
    public static Feedback Exercise3(char? answer) => Check.Guard(() =>
    {
        const string hint = "the output is o = W₂h′ + b₂, so ∂L/∂W₂[k, j] = ∂L/∂oₖ · h′ⱼ. Which entries of W₂ multiply h′₂ and h′₅, and what are h′₂ and h′₅ in this step?";
        if (answer is null)
            return Check.Pending("which of (a)–(d) describes the gradient of W₂ in the step where h₂ and h₅ are dropped?");
        return char.ToLowerInvariant(answer.Value) switch
        {
            'b' => Check.Right("(b): ∂L/∂W₂[k, j] = ∂L/∂oₖ · h′ⱼ, which is 0 for j = 2 and j = 5 and every output k: the weights that read a dropped unit " +
                               "do not move in this step, just like the weights into it (rows 2 and 5 of W₁). The other columns get gradient as usual."),
            'a' => Check.Wrong("(a): the kept units h′₁, h′₃ and h′₄ still feed the outputs, so the weights that read them get gradient. Hint: " + hint),
            'c' => Check.Wrong("(c): a row of W₂ belongs to one output unit oₖ (W₂ has one row per output and one column per hidden unit). Hint: " + hint),
            'd' => Check.Wrong("(d): W₂ multiplies h′, and h′₂ and h′₅ are 0 in this step, so part of W₂'s gradient is 0 too. Hint: " + hint),
            var other => Check.Wrong($"'{other}' is not one of the choices a, b, c, d."),
        };
    });

    /// <summary>
    /// Exercise 4: the variance dropout adds to o = 2h₁ + h₂ + h₃ with h₁ = h₂ = h₃ = 1 and p = 0.2, which is
    /// p/(1 − p)·Σ wᵢ²hᵢ² = 0.25 · 6 = 1.5 (the penalty of the lesson's "Not relying on any one unit").
    /// </summary>
    public static Feedback Exercise4(double? answer) => Check.Guard(() =>
    {
        const double p = 0.2, sumSquares = 2 * 2 + 1 + 1, sumTerms = 2 + 1 + 1;   // Σ wᵢ²hᵢ² = 6, Σ wᵢhᵢ = 4
        const string what = "the variance of o";
        const string hint = "each hᵢ′ has variance hᵢ²·p/(1 − p), and the units are dropped independently, so the variances of the " +
                            "three terms wᵢhᵢ′ add up (a term's variance is wᵢ² times that of hᵢ′)";
        if (answer is null)
            return Check.Pending("with p = 0.2 on h₁ = h₂ = h₃ = 1, what is the variance of o = 2h₁ + h₂ + h₃?");
        if (Check.NotFinite(answer.Value, what) is { } notFinite) return notFinite;
        double a = answer.Value;
        if (a == 0)
            return Check.Wrong("0 would mean that dropout adds no noise to o, but o changes with every mask. " +
                               "If you typed a fraction of two whole numbers: " + Check.IntegerDivision);
        if (a < 0)
            return Check.Wrong($"{Check.G(a)} is negative, and a variance never is (it is an average of squares). Hint: {hint}.");
        if (Check.Matches(answer, sumSquares))
            return Check.Wrong("6 is Σ wᵢ²hᵢ² alone, which is the variance for p = 0.5, where p/(1 − p) = 1; with p = 0.2 units are dropped " +
                               "less often. Hint: " + hint + ".");
        if (Check.Matches(answer, p * sumSquares))
            return Check.Wrong("1.2 uses p where the variance of hᵢ′ has p/(1 − p): the kept units are also scaled up by 1/(1 − p). Hint: " + hint + ".");
        if (Check.Matches(answer, p * (1 - p) * sumSquares))
            return Check.Wrong("p(1 − p) is the variance of the 0/1 mask; hᵢ′ is the mask times hᵢ/(1 − p), so its variance is also " +
                               "divided by (1 − p)². Hint: " + hint + ".");
        if (Check.Matches(answer, p / (1 - p) * sumTerms * sumTerms))
            return Check.Wrong("4 squares the whole sum, (2 + 1 + 1)² = 16; but the three units are dropped independently, so it is their " +
                               "variances that add, each term's with its own wᵢ². Hint: " + hint + ".");
        if (Check.Matches(answer, (1 - p) / p * sumSquares))
            return Check.Wrong("24 uses (1 − p)/p, the factor upside down: the more is dropped (the larger p), the more noise. Hint: " + hint + ".");
        return ExactValue(a, p / (1 - p) * sumSquares, what, hint);
    });

    /// <summary>
    /// Exercise 5 (d2l's first exercise): swap the two dropout probabilities, run both settings on the small training set, and
    /// say whether the final test accuracy of the swapped run (0.5, 0.2) was higher, lower or about the same as with (0.2, 0.5).
    /// The checker judges the reading against the two accuracies the learner's runs produced.
    /// </summary>
    public static Feedback Exercise5(string? answer, double? swappedTestAcc, double? originalTestAcc) => Check.Guard(() =>
        Compare(answer, swappedTestAcc, originalTestAcc,
            run: "TrainSmall(0.5, 0.2) (swapped) and TrainSmall(0.2, 0.5) (d2l's order)",
            pass: "pass their FinalTestAcc, the swapped run first",
            quantity: "the final test accuracy",
            words: ("higher", "lower"),
            why: "On 1000 training images, one seed, a difference of about a point can come from the seed alone: to call a winner, repeat both runs " +
                 "with other seeds (torch.manual_seed inside TrainSmall) and compare the spread. d2l's rule of thumb, less dropout near the input, " +
                 "is advice from larger experiments, not a law this one run can confirm or refute."));

    /// <summary>
    /// Exercise 6 (d2l's dropout-and-weight-decay exercise): add weight decay to dropout 0.5 on the small training set and say whether
    /// the mean train/test gap got smaller, larger or stayed about the same compared with dropout alone.
    /// </summary>
    public static Feedback Exercise6(string? answer, double? bothMeanGap, double? dropoutMeanGap) => Check.Guard(() =>
        Compare(answer, bothMeanGap, dropoutMeanGap,
            run: "TrainSmall(0.5, 0.5, weightDecay: 0.005) (dropout and weight decay)",
            pass: "pass its MeanGap, then runs[0.5].MeanGap (dropout 0.5 alone, from above)",
            quantity: "the mean gap",
            words: ("larger", "smaller"),
            why: "Both are regularizers, and d2l asks whether their effects add up. To see it, also run weight decay alone, " +
                 "TrainSmall(0, 0, weightDecay: 0.005), and compare its gap with no regularization (p = 0), dropout alone and both together: " +
                 "if both together closes less of the gap than the two separately would add up to, the returns diminish."));

    static readonly string[] Up = ["higher", "larger", "bigger", "greater", "up", "more", "increased", "increase", "rose", "wider", "better"];
    static readonly string[] Down = ["lower", "smaller", "less", "down", "decreased", "decrease", "fell", "narrower", "worse"];
    static readonly string[] Same = ["same", "about the same", "the same", "equal", "unchanged", "no change", "similar", "no difference", "neither"];

    /// <summary>
    /// A reading of two runs: "up", "down" or "same" for <paramref name="value"/> against <paramref name="reference"/>. Within 0.005 "same" is
    /// right; beyond 0.01 only the direction is; in between both readings are accepted (the runs cannot tell them apart).
    /// </summary>
    static Feedback Compare(string? answer, double? value, double? reference, string run, string pass, string quantity,
        (string Up, string Down) words, string why)
    {
        if (value is null || reference is null)
            return Check.Pending($"run {run}, then {pass}.");
        foreach (var (v, name) in new[] { (value.Value, "the first number"), (reference.Value, "the second number") })
        {
            if (Check.NotFinite(v, name) is { } notFinite) return notFinite;
            if (v < -1 || v > 1)
                return Check.Wrong($"{name}, {Check.G(v)}, is not {quantity} of a run (a fraction of at most 1 in size): {pass}.");
        }
        string choices = $"\"{words.Up}\", \"{words.Down}\" or \"same\"";
        if (string.IsNullOrWhiteSpace(answer))
            return Check.Pending($"compare the two runs and answer {choices}.");
        string said = answer.Trim().Trim('.', '!', '"').ToLowerInvariant();
        int? reading = Up.Contains(said) ? 1 : Down.Contains(said) ? -1 : Same.Contains(said) ? 0 : null;
        if (reading is null)
            return Check.Wrong($"\"{answer.Trim()}\" is not one of {choices}.");
        double difference = value.Value - reference.Value;
        string measured = $"{quantity} was {Check.G(Math.Round(value.Value, 4))} against {Check.G(Math.Round(reference.Value, 4))} " +
                          $"(a difference of {difference.ToString("+0.0000;−0.0000;0", System.Globalization.CultureInfo.InvariantCulture)})";
        int direction = Math.Sign(difference);
        bool small = Math.Abs(difference) <= 0.005, large = Math.Abs(difference) > 0.01;
        bool right = reading == 0 ? !large : reading == direction && !small;
        if (right)
            return Check.Right($"your runs agree: {measured}. {why}");
        string told = direction > 0 ? words.Up : words.Down;
        return reading == 0
            ? Check.Wrong($"your runs differ by more than 0.01: {quantity} came out {told}. Hint: read the two numbers you passed again; " +
                          "\"same\" fits only differences of at most about half a point.")
            : small
                ? Check.Wrong($"your runs differ by at most 0.005 in {quantity}, too little to call one {words.Up} or {words.Down}. " +
                              "Hint: read the two numbers you passed again, to the third decimal.")
                : Check.Wrong($"your runs say the opposite. Hint: read the two numbers you passed again: the first is the run you changed, the second the one you compare it with.");
    }
}
