using System.Globalization;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 08 (softmax regression). They never throw on a wrong or missing answer.</summary>
public static class Notebook08
{
    /// <summary>Exercise 1: parameters of softmax regression on 32×32 RGB images with 100 classes, biases included.</summary>
    public static Feedback Exercise1(long? answer) => Check.Guard(() =>
    {
        const long inputs = 32 * 32 * 3, outputs = 100;
        const string hint = "flatten an image to one vector (height × width × channels inputs); each output has one weight per input and one bias";
        if (answer == inputs * outputs)
            return Check.Wrong($"{answer} counts only the weights; every one of the {outputs} outputs also has a bias.");
        if (answer == 32 * 32 * outputs + outputs)
            return Check.Wrong($"{answer} forgets the 3 colour channels: an input image has 32 × 32 × 3 values.");
        return Check.Exact(answer, inputs * outputs + outputs, "the number of parameters", hint);
    });

    /// <summary>Exercise 2: the entropy of P = (0.5, 0.25, 0.25) in nats.</summary>
    public static Feedback Exercise2(double? answer) => Check.Guard(() =>
    {
        double[] p = { 0.5, 0.25, 0.25 };
        double nats = p.Sum(v => -v * Math.Log(v));
        const string hint = "H[P] = Σ −P(j)·log P(j) with the natural logarithm (Math.Log)";
        if (Check.Matches(answer, nats / Math.Log(2), digits: 2))
            return Check.Wrong($"{answer!.Value.ToString("G6", CultureInfo.InvariantCulture)} is the entropy in bits (log base 2); give it in nats (natural log).");
        if (answer is not null && Math.Abs(answer.Value - 1) < 1e-9)
            return Check.Wrong("1 is the sum of the probabilities, which is 1 for every distribution; entropy weighs each probability by its surprisal −log P(j). " +
                               "(If you rounded your result to 1, give at least 3 significant digits.)");
        return Check.Number(answer, nats, "H[P] in nats", tolerance: 1e-4, hint: hint, digits: 3);
    });

    /// <summary>Exercise 3: a finite softmax of the float32 scores [1000, 1001, 1002].</summary>
    public static Feedback Exercise3(Tensor? answer) => Check.Guard(() =>
    {
        const string hint = "softmax does not change when you subtract the same number from every score; subtract the largest score before exp";
        using var scope = NewDisposeScope();
        var expected = tensor(new double[] { 1000, 1001, 1002 });
        expected = (expected - expected.max()).exp();
        expected = expected / expected.sum();
        if (answer is not null && Check.Unusable(answer, "softmax([1000, 1001, 1002])") is { } unusable) return unusable;
        if (answer is not null && answer.is_floating_point() && answer.isnan().any().item<bool>())
            return Check.Wrong($"your answer contains NaN: exp(1000) overflows to ∞ in float32 and ∞/∞ is NaN. Hint: {hint}.");
        if (answer is not null && answer.numel() == 3 && answer.dim() != 1)
            answer = answer.flatten();
        return Check.Tensor(answer, expected, "softmax([1000, 1001, 1002])", tolerance: 1e-5, hint: hint);
    });

    /// <summary>Exercise 4 (conceptual): why classifiers are trained on cross-entropy rather than on accuracy.</summary>
    public static Feedback Exercise4(string? answer) =>
        Check.Choice(answer, "abd", "the true reasons to minimize cross-entropy instead of maximizing accuracy", new Dictionary<char, string>
        {
            ['c'] = "accuracy is easy to compute on any minibatch (the training loop prints it); the trouble is what its gradient is",
        }, hint: "nudge one weight a tiny bit: how does the accuracy change, and how does the cross-entropy change?");
}
