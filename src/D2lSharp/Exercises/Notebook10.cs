using System.Globalization;
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace D2lSharp.Exercises;

/// <summary>Checkers for the exercises of notebook 10 (overfitting, underfitting, regularization). They never throw on a wrong or missing answer.</summary>
public static class Notebook10
{
    /// <summary>The starting weights, data gradient, learning rate and λ of exercise 1.</summary>
    public static readonly double[] Exercise1Weights = { 2, -1 }, Exercise1Gradient = { 0.5, 0.5 };
    public const double Exercise1LearningRate = 0.1, Exercise1Lambda = 3;

    /// <summary>Exercise 1: one SGD step on loss + λ/2·‖w‖² from w = [2, −1] with data gradient [0.5, 0.5], lr 0.1, λ = 3.</summary>
    public static Feedback Exercise1(Tensor? answer) => Check.Guard(() =>
    {
        const string hint = "the gradient of λ/2·‖w‖² is λ·w; add it to the data gradient, then step against the sum";
        if (answer is null)
            return Check.Pending("give the weights [w₁, w₂] after one SGD step on the data loss plus λ/2·‖w‖², starting from w = [2, −1] (data gradient [0.5, 0.5], lr 0.1, λ = 3).");
        double[] Step(double decay, double sign) => Exercise1Weights
            .Select((w, i) => w - Exercise1LearningRate * (Exercise1Gradient[i] + sign * decay * w)).ToArray();
        if (Check.Unusable(answer, "the weights after one step") is { } unusable) return unusable;
        if (answer.numel() == 2)
        {
            var given = answer.detach().cpu().to_type(ScalarType.Float64).flatten().data<double>().ToArray();
            bool Near(double[] e) => given.Zip(e, (a, b) => Math.Abs(a - b)).Max() < 1e-4;
            if (Near(Step(0, 1)))
                return Check.Wrong("this is the step without weight decay: the penalty's gradient is missing. Hint: " + hint + ".");
            if (Near(Step(Exercise1Lambda / 2, 1)))
                return Check.Wrong("the penalty's gradient is half as large as it should be: the ½ in λ/2·‖w‖² cancels the 2 from differentiating w². Hint: " + hint + ".");
            if (Near(Step(Exercise1Lambda, -1)))
                return Check.Wrong("the weights grew: weight decay must pull every weight towards 0. Hint: " + hint + ".");
            if (answer.dim() != 1) answer = answer.flatten();
        }
        return Check.Tensor(answer, tensor(Step(Exercise1Lambda, 1)), "the weights after one step", tolerance: 1e-4, hint: hint);
    });

    /// <summary>
    /// Exercise 2: which data set is used to choose the weight-decay strength λ. The validation set, in any wording the notebook
    /// itself uses ("the validation set", "validation data", "held-out", "dev set", "K-fold", "cross-validation", 验证集, 交叉验证) is right.
    /// </summary>
    public static Feedback Exercise2(string? answer) => Check.Guard(() =>
    {
        const string question = "which data set — \"training\", \"validation\" or \"test\" — should choose λ";
        if (answer is null || answer.Trim().Length == 0) return Check.Pending(question + ".");
        string a = answer.Trim().ToLowerInvariant().Replace('_', ' ');
        a = Regex.Replace(a, @"\b(not|never|no|without|rather than|instead of)\s+(on\s+|the\s+|a\s+|with\s+)*test\w*", " ");   // "not the test set"
        bool kFold = Regex.IsMatch(a, @"\b(k|\d+)[- ]?fold|cross[- ]?valid") || a.Contains("交叉验证");
        bool validation = kFold || Regex.IsMatch(a, @"valid|held[- ]?out|hold[- ]?out|\bdev(elopment)?\s+(set|data)|^dev$|^val\b") || a.Contains("验证");
        bool test = Regex.IsMatch(a, @"\btest") || a.Contains("测试");
        bool training = Regex.IsMatch(a, @"\btrain") || a.Contains("训练");
        if (validation && !test)
            return Check.Right(kFold
                ? "K-fold cross-validation: every fold serves once as the validation set, so λ is judged on data the weights were not fitted to, and the test set stays untouched for the final score."
                : "λ is a choice about the model, so it is made on the validation set (or by K-fold cross-validation); the test set stays untouched for the final score.");
        if (validation && test)
            return Check.Wrong($"\"{answer}\" names the test set as well. Choose one set: the test set must stay unseen until the very end, so it cannot help pick λ.");
        if (test)
            return Check.Wrong("the test set must stay unseen until the very end. A λ picked because it scores best on the test set makes that score an optimistic estimate. Hint: which set is there to judge choices during development?");
        if (training)
            return Check.Wrong("on the training set the penalty can only hurt: the training loss is lowest at λ = 0, so it would always pick no regularization. Hint: you need examples the weights were not fitted to.");
        return Check.Wrong($"\"{answer}\" is not one of \"training\", \"validation\", \"test\".");
    });

    /// <summary>Exercise 3: a K-fold split, written by the learner as (n, k) → k arrays of validation indices.</summary>
    public static Feedback Exercise3(Func<int, int, int[][]>? kFold) => Check.Guard(() =>
    {
        const string hint = "shuffle or not, cut the indices 0 … n−1 into k consecutive pieces whose sizes differ by at most one (fold i from n·i/k to n·(i+1)/k)";
        if (kFold is null) return Check.Pending("write a function (n, k) → k arrays of validation indices: every example in exactly one fold, fold sizes differing by at most 1.");
        foreach (var (n, k) in new[] { (10, 5), (7, 3), (100, 5), (5, 5), (6, 4), (11, 2) })
        {
            int[][]? folds;
            try { folds = kFold(n, k); }
            catch (Exception e) { return Check.Wrong($"for n = {n}, k = {k} your function threw {e.GetType().Name}: {e.Message}"); }
            if (folds is null) return Check.Wrong($"for n = {n}, k = {k} your function returned null instead of {k} folds.");
            if (folds.Length != k) return Check.Wrong($"for n = {n}, k = {k} there should be {k} folds; yours has {folds.Length}.");
            if (folds.Any(f => f is null)) return Check.Wrong($"for n = {n}, k = {k} one of your folds is null.");
            var all = folds.SelectMany(f => f).ToArray();
            if (all.Any(i => i < 0 || i >= n))
                return Check.Wrong($"for n = {n}, k = {k} a fold contains an index outside 0 … {n - 1}: {all.First(i => i < 0 || i >= n)}.");
            var repeated = all.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null)
                return Check.Wrong($"for n = {n}, k = {k} example {repeated.Key} is in {repeated.Count()} validation folds; each example is validated exactly once. Hint: {hint}.");
            if (all.Length != n)
                return Check.Wrong($"for n = {n}, k = {k} only {all.Length} of the {n} examples are in a fold; every example must be validated once. Hint: {hint}.");
            int smallest = folds.Min(f => f.Length), largest = folds.Max(f => f.Length);
            if (largest - smallest > 1)
                return Check.Wrong($"for n = {n}, k = {k} your folds have {string.Join(", ", folds.Select(f => f.Length))} examples; sizes should differ by at most 1. Hint: {hint}.");
        }
        return Check.Right("every example lands in exactly one validation fold, and the folds are as equal as they can be.");
    });

    /// <summary>
    /// The (training loss, validation loss) pairs of exercise 4, rounded to three significant digits: least-squares fits with 12, 2 and
    /// 4 polynomial features (xⁱ/i!, i below the count) of d2l's cubic, on a fresh draw with label noise of standard deviation 0.2
    /// (variance <see cref="Exercise4NoiseVariance"/>), 30 training and 30 validation examples (the checker tests recompute them).
    /// </summary>
    public static readonly (double Train, double Validation)[] Exercise4Runs = { (0.0229, 446), (3.39, 2.90), (0.0296, 0.0373) };

    /// <summary>The variance of the label noise in exercise 4's data.</summary>
    public const double Exercise4NoiseVariance = 0.04;

    /// <summary>Exercise 4: label each run of <see cref="Exercise4Runs"/> "underfit", "good" or "overfit".</summary>
    public static Feedback Exercise4(string[]? labels) => Check.Guard(() =>
    {
        string[] expected = { "overfit", "underfit", "good" };
        const string hint = "compare each training loss with the noise variance 0.04 (can the model fit the training data at all?), then compare it with its validation loss";
        if (labels is null) return Check.Pending("label each of the three runs \"underfit\", \"good\" or \"overfit\".");
        if (labels.Length != 3) return Check.Wrong($"give one label per run: 3 labels, not {labels.Length}.");
        static string? Normalize(string? s)
        {
            string a = (s ?? "").Trim().ToLowerInvariant();
            if (a.StartsWith("under", StringComparison.Ordinal) || a.Contains("欠拟合")) return "underfit";
            if (a.StartsWith("over", StringComparison.Ordinal) || a.Contains("过拟合")) return "overfit";
            if (a is "good" or "good fit" or "right" or "fine" or "ok" || a.Contains("正常")) return "good";
            return null;
        }
        var given = labels.Select(Normalize).ToArray();
        for (int i = 0; i < 3; i++)
            if (given[i] is null)
                return Check.Wrong($"label {i + 1} (\"{labels[i]}\") is not one of \"underfit\", \"good\", \"overfit\".");
        var wrong = Enumerable.Range(0, 3).Where(i => given[i] != expected[i]).ToArray();
        if (wrong.Length == 0)
            return Check.Right("run 1 fits its training data below the noise level and fails on new data; run 2 cannot even fit its training data " +
                "(both losses far above the noise, however small the gap); run 3 reaches the noise level on both sets.");
        int first = wrong[0];
        var r = Exercise4Runs[first];
        string Run() => $"run {first + 1} (train {r.Train.ToString("G3", CultureInfo.InvariantCulture)}, validation {r.Validation.ToString("G3", CultureInfo.InvariantCulture)})";
        if (first == 1 && given[1] == "good")
            return Check.Wrong($"{Run()} has no gap between its losses, but both are more than 70 times the noise variance 0.04: a model that cannot fit " +
                "even its training data underfits, however close its validation loss is. Hint: " + hint + ".");
        return Check.Wrong($"{Run()} is not \"{labels[first]}\". Hint: {hint}.");
    });
}
