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

    /// <summary>
    /// The cases of exercise 3: float32 logits (n × q), one-hot labels (n × q) and what each case tests. The square ones come first,
    /// where any matrix product of the two inputs is shape-valid; their labels are no permutation, so a product that happened to
    /// pick the right entries on them is wrong (and caught) before a non-square case is tried.
    /// </summary>
    static List<(Tensor Logits, Tensor OneHot, string What)> Exercise3Cases()
    {
        using var generator = new TorchSharp.torch.Generator(803);
        (Tensor, Tensor, string) Case(Tensor logits, long[] labels, string what) =>
            (logits, nn.functional.one_hot(tensor(labels), logits.shape[1]).to_type(ScalarType.Float32), what);
        return
        [
            Case(randn(3, 3, generator: generator), [2, 0, 2], "ordinary logits"),
            Case(tensor(new float[,] { { 1000, 1001, 1002 }, { 1010, 1000, 1005 }, { 995, 1000, 990 } }), [0, 1, 1], "large logits (exp overflows in float32)"),
            Case(tensor(new float[,] { { 0, -200 }, { 5, -300 } }), [1, 0], "logits whose probabilities underflow to 0"),
            Case(tensor(new float[,] { { 1000, 999, 998 }, { -1000, -1001, -1002 }, { 0, 1, 2 } }), [2, 0, 1], "rows of very different size"),
            Case(randn(4, 5, generator: generator) * 3, [4, 0, 2, 2], "ordinary logits, 4 examples and 5 classes"),
        ];
    }

    /// <summary>
    /// Exercise 3: the per-example cross-entropy straight from float32 logits and one-hot labels, log Σ_k exp(o_k) − Σ_j y_j o_j,
    /// written with the log-sum-exp trick: finite where exp overflows and where the softmax underflows.
    /// </summary>
    public static Feedback Exercise3(Func<Tensor, Tensor, Tensor>? crossEntropy) => Check.Guard(() =>
    {
        if (crossEntropy is null)
            return Check.Pending("write a function (o, y) => the per-example cross-entropy losses, from float32 logits o (n × q) and " +
                                 "one-hot labels y (n × q), with log-sum-exp and without forming the softmax; the checker runs it on a few cases.");
        const string hint = "−log ŷ_j = log Σ_k exp(o_k) − o_j, and log Σ_k exp(o_k) = m + log Σ_k exp(o_k − m) with m the row's largest logit";
        using var scope = NewDisposeScope();
        foreach (var (logits, oneHot, what) in Exercise3Cases())
        {
            long n = logits.shape[0];
            string where = $"on {what}, shape {Display.TensorFormatter.ShapeText(logits.shape)},";
            var o64 = logits.to_type(ScalarType.Float64);
            var m = o64.max(1, keepdim: true).values;
            var lse = (m + (o64 - m).exp().sum(1, keepdim: true).log()).squeeze(1);
            var trueLogit = (o64 * oneHot).sum(1);
            var expected = lse - trueLogit;
            if (Check.Run(() => crossEntropy(logits.clone(), oneHot.clone()), where, out var answer) is { } threw) return threw;
            if (answer is not null && !answer.IsInvalid && answer.is_floating_point() && answer.numel() == n && answer.dim() == 2)
                answer = answer.reshape(n);                           // (n, 1) or (1, n): the same n losses
            if (answer is not null && !answer.IsInvalid && answer.numel() == 1 && n > 1 && answer.is_floating_point())
                return Check.Wrong($"{where} your function returned one number; the exercise asks for the {n} per-example losses " +
                                   "(nn.CrossEntropyLoss averages them by default; here keep them apart).");
            if (answer is not null && !answer.IsInvalid && answer.is_floating_point() && answer.shape.SequenceEqual(new[] { n }) &&
                (answer.isnan().any().item<bool>() || answer.isinf().any().item<bool>()))
                return Check.Wrong($"{where} your function gives NaN or ∞. " + NotFiniteReason(what) + " Hint: " + hint + ".");
            if (Check.Returned(answer, [n], where, "the losses") is { } bad) return bad;
            var a = answer!.detach().to_type(ScalarType.Float64);
            var tolerance = 1e-3 + 1e-5 * expected.abs();
            if (((a - expected).abs() <= tolerance).all().item<bool>()) continue;
            if (((a + expected).abs() <= tolerance).all().item<bool>())
                return Check.Wrong($"{where} your losses have the wrong sign: that is log ŷ of the true class, the log-likelihood. The loss is its negative, −log ŷ ≥ 0.");
            if (((a - (expected - m.squeeze(1))).abs() <= tolerance).all().item<bool>())
                return Check.Wrong($"{where} your losses are off by each row's largest logit: after subtracting m inside the log-sum-exp, add it back " +
                                   "(log Σ_k exp(o_k) = m + log Σ_k exp(o_k − m)), or subtract it from the true class's logit as well.");
            if (((a - lse).abs() <= tolerance).all().item<bool>())
                return Check.Wrong($"{where} that is the log-sum-exp alone; the loss also subtracts the true class's logit, Σ_j y_j o_j.");
            if (logits.shape[0] == logits.shape[1] && MatchesMaxWithoutKeepdim(o64, oneHot, a, tolerance))
                return Check.Wrong($"{where} your losses are what each row's largest logit taken without keepdim gives: o.max(1).values has " +
                                   "shape (n), and o − m then subtracts m[k] from column k instead of each row's own m[i] from row i. On a square " +
                                   "n × n tensor like this one that broadcasts without an error (on the 4 × 5 case it would fail). Keep the " +
                                   "dimension: o.max(1, keepdim: true).values has shape (n, 1), and squeeze it (or index [.., 0]) where you add it back.");
            return Check.Wrong($"{where} some losses differ from −log softmax(o) of the true class by up to " +
                               $"{(a - expected).abs().max().item<double>().ToString("G3", CultureInfo.InvariantCulture)}. Hint: {hint}.");
        }
        return Check.Right("your cross-entropy from logits matches on all five cases, the overflowing and underflowing ones included: " +
                           "this is what nn.CrossEntropyLoss computes inside, without ever forming the softmax.");
    });

    /// <summary>
    /// The keepdim slip on a square case: m = o.max(1).values has shape (n), so o − m subtracts m[k] from column k. Compares the
    /// learner's losses with the three ways that slip shows up (m added back, m subtracted from the true logit too, m left out).
    /// </summary>
    static bool MatchesMaxWithoutKeepdim(Tensor o64, Tensor oneHot, Tensor answer, Tensor tolerance)
    {
        var mFlat = o64.max(1).values;                                 // shape (n): against (n, n) it broadcasts along the rows
        var shifted = o64 - mFlat;                                     // o_ik − m_k
        var logSum = shifted.exp().sum(1).log();
        var y64 = oneHot.to_type(ScalarType.Float64);
        Tensor[] slips =
        [
            mFlat + logSum - (o64 * y64).sum(1),
            logSum - (shifted * y64).sum(1),
            logSum - (o64 * y64).sum(1),
        ];
        return slips.Any(slip => ((answer - slip).abs() <= tolerance).all().item<bool>());
    }

    static string NotFiniteReason(string what) => what switch
    {
        _ when what.StartsWith("large", StringComparison.Ordinal) =>
            "exp of a logit near 1000 overflows to ∞ in float32 (exp(89) already does), and ∞/∞ or ∞ − ∞ is NaN: subtract each row's largest logit before exp.",
        _ when what.StartsWith("logits whose", StringComparison.Ordinal) =>
            "a probability here underflows to 0, and its log is −∞ (times a 0 of the one-hot label that is NaN): compute log Σ_k exp(o_k) − o_j directly, never the probabilities.",
        _ when what.StartsWith("rows", StringComparison.Ordinal) =>
            "subtract each row's own largest logit (max(1, keepdim: true)), not the largest of the whole tensor: a row far below it underflows to exp(…) = 0 and its log is −∞.",
        _ => "for these moderate logits nothing should overflow: check each step on a small example.",
    };

    /// <summary>Exercise 4 (conceptual): why classifiers are trained on cross-entropy rather than on accuracy.</summary>
    public static Feedback Exercise4(string? answer) =>
        Check.Choice(answer, "abd", "the true reasons to minimize cross-entropy instead of maximizing accuracy", new Dictionary<char, string>
        {
            ['c'] = "accuracy is easy to compute on any minibatch (the training loop prints it); the trouble is what its gradient is",
        }, hint: "nudge one weight a tiny bit: how does the accuracy change, and how does the cross-entropy change?");
}
