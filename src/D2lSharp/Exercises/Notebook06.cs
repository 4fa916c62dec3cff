using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 06 (probability): expectation and variance of a loaded die,
/// Bayes' theorem with a negative second test, and conditional probabilities from a table of counts.</summary>
public static class Notebook06
{
    /// <summary>The loaded die of exercises 1 and 2: probabilities of the faces 1…6.</summary>
    static readonly double[] LoadedProbs = [0.25, 0.05, 0.1, 0.1, 0.1, 0.4];

    static double Moment(int power, int firstFace = 1) =>
        LoadedProbs.Select((p, i) => p * Math.Pow(i + firstFace, power)).Sum();

    static double LoadedMean => Moment(1);
    static double LoadedVariance => Moment(2) - LoadedMean * LoadedMean;

    /// <summary>Whether the answer is <paramref name="value"/>, computed or typed rounded to at least two significant digits.</summary>
    static bool Near(double? answer, double value) => Check.Matches(answer, value, digits: 2) || (answer is { } a && Math.Abs(a - value) <= 1e-4);

    /// <summary>Exercise 1: the expectation of the loaded die, E[X] = Σ x P(X = x) over the faces 1…6.</summary>
    public static Feedback Exercise1(double? answer) => Check.Guard(() =>
    {
        const string hint = "E[X] is the probability-weighted average of the faces 1…6 (section 4)";
        if (Near(answer, Moment(1, firstFace: 0)))
            return Check.Wrong("that is the expectation of the face indices 0…5. The faces of this die are 1…6: use torch.arange(1, 7).");
        if (Near(answer, 3.5))
            return Check.Wrong("3.5 is the expectation of a fair die. Weight each face by this die's own probabilities.");
        return Check.Number(answer, LoadedMean, "E[X] of the loaded die", tolerance: 1e-4, hint: hint, digits: 3);
    });

    /// <summary>Exercise 2: the variance of the loaded die, E[(X − E[X])²] = E[X²] − E[X]².</summary>
    public static Feedback Exercise2(double? answer) => Check.Guard(() =>
    {
        const string hint = "Var[X] = Σ (x − E[X])² P(X = x), or E[X²] − E[X]²; it is a squared quantity, not its square root";
        if (Near(answer, Moment(2)))
            return Check.Wrong("that is E[X²]. Subtract E[X]² to get the variance.");
        if (Near(answer, Math.Sqrt(LoadedVariance)))
            return Check.Wrong("that is the standard deviation, the square root of the variance. Square it, or skip the Math.Sqrt.");
        if (Near(answer, 35.0 / 12))
            return Check.Wrong("35/12 is the variance of a fair die. Weight the squared deviations by this die's probabilities.");
        return Check.Number(answer, LoadedVariance, "Var[X] of the loaded die", tolerance: 1e-4, hint: hint, digits: 3);
    });

    const double PriorHiv = 0.0015;

    /// <summary>P(H=1 | D1=1, D2=0) for d2l's HIV tests, assuming the tests are independent given H.</summary>
    static double Posterior(double likelihoodIfHiv, double likelihoodIfHealthy) =>
        likelihoodIfHiv * PriorHiv / (likelihoodIfHiv * PriorHiv + likelihoodIfHealthy * (1 - PriorHiv));

    /// <summary>Exercise 3: the posterior of HIV after a positive first test and a negative second test.</summary>
    public static Feedback Exercise3(double? answer) => Check.Guard(() =>
    {
        const string hint = "a negative second test has likelihood P(D2=0 | H=h) = 1 − P(D2=1 | H=h); combine it with P(D1=1 | H=h) and the prior as in section 3";
        double expected = Posterior(1.0 * 0.02, 0.01 * 0.97);
        if (Near(answer, Posterior(1.0 * 0.98, 0.01 * 0.03)))
            return Check.Wrong("that is the posterior after two positive tests (≈ 0.8307). Here the second test is negative: use P(D2=0 | H) instead of P(D2=1 | H).");
        if (Near(answer, 1.0 * 0.02 / (1.0 * 0.02 + 0.01 * 0.97)))
            return Check.Wrong("the prior P(H=1) = 0.0015 is missing: multiply each likelihood by P(H=h) before normalising.");
        return Check.Number(answer, expected, "P(H=1 | D1=1, D2=0)", tolerance: 1e-5, hint: hint, digits: 2);
    });

    /// <summary>The shop's counts of exercise 4: rows saw the advert / did not, columns bought / did not buy.</summary>
    static readonly double[,] ShopCounts = { { 40, 60 }, { 30, 170 } };

    /// <summary>Exercise 4: P(bought? | advert?) from the shop's table of counts, each row renormalised to sum to 1.</summary>
    public static Feedback Exercise4(Tensor? answer) => Check.Guard(() =>
    {
        const string hint = "condition on the advert, as in section 2: each row of your table should sum to 1";
        using var scope = NewDisposeScope();
        var counts = tensor(ShopCounts);
        var expected = counts / counts.sum(1, keepdim: true);
        if (answer is not null && Check.Unusable(answer, "P(bought? | advert?)") is { } unusable) return unusable;
        if (answer is not null && answer.shape.SequenceEqual(expected.shape))
        {
            var a = answer.detach().cpu().to_type(TorchSharp.torch.ScalarType.Float64);
            if (a.allclose(counts / counts.sum(), atol: 1e-4))
                return Check.Wrong("that is the joint table P(advert?, bought?) (divided by all 300 customers). A conditional probability divides by the row total instead.");
            if (a.allclose(counts / counts.sum(0, keepdim: true), atol: 1e-4))
                return Check.Wrong("your columns sum to 1, so that is P(advert? | bought?). Condition on the advert: each row should sum to 1.");
        }
        return Check.Tensor(answer, expected, "P(bought? | advert?)", tolerance: 1e-4, hint: hint);
    });

    /// <summary>Exercise 5 (conceptual): whether two disjoint events with P(A) = 0.3 and P(B) = 0.5 can be independent.</summary>
    public static Feedback Exercise5(bool? answer)
    {
        if (answer is null) return Check.Pending("answer true or false: can disjoint events A and B with P(A) = 0.3 and P(B) = 0.5 be independent?");
        return answer.Value
            ? Check.Wrong("compare P(A and B) for disjoint events with the product P(A)·P(B) that independence requires. Hint: what is the probability that two events that cannot happen together both happen?")
            : Check.Right("disjoint means P(A and B) = 0, but independence would need P(A and B) = 0.3 · 0.5 = 0.15. Disjoint events with positive probabilities are never independent: learning that A happened tells you B did not.");
    }
}
