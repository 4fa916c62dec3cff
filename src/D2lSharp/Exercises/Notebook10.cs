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
    /// Exercise 2: after K-fold cross-validation on the training examples has chosen λ, the one final model is fitted on all the
    /// training examples (every fold), not on one fold's 80 or 20, and not on the test examples. Right in any wording the notebook
    /// uses ("all training", "the whole training set", "all 100", "all five folds", "training and validation", 全部训练数据, 训练集).
    /// </summary>
    public static Feedback Exercise2(string? answer) => Check.Guard(() =>
    {
        const string question = "which examples the final model is fitted on — \"one fold\", \"four folds\", \"all training\" or \"training and test\"";
        const string hint = "the fold fits only served to score λ; which examples may the final model learn from without spoiling the one honest score at the end?";
        if (answer is null || answer.Trim().Length == 0) return Check.Pending(question + ".");
        string a = answer.Trim().ToLowerInvariant().Replace('_', ' ').Replace('−', '-').Replace('–', '-');
        a = Regex.Replace(a, @"\b(not|never|no|without|except|excluding|but not|rather than|instead of)\s+(on\s+|the\s+|a\s+|with\s+|any\s+)*test\w*", " ");
        bool test = Regex.IsMatch(a, @"\btest|\b200\b") || a.Contains("测试");
        bool training = Regex.IsMatch(a, @"\btrain") || a.Contains("训练");
        bool validation = Regex.IsMatch(a, @"valid") || a.Contains("验证");
        bool four = Regex.IsMatch(a, @"\b(four|4)\s*(folds?|of the folds|parts?)\b|\b80\b|\bk\s*-\s*1\b|\b(other|remaining)\s+folds?\b") || a.Contains("四");
        bool one = Regex.IsMatch(a, @"\b(one|1|single|a|the best|best)\s+folds?\b|\b20\b") || (validation && !training) || a.Contains("一折");
        bool all = Regex.IsMatch(a, @"\ball\b|\bwhole\b|\bentire\b|\bfull\b|\b100\b|\b(five|5|k)\s+folds\b|\bevery fold") || a.Contains("全部") || a.Contains("所有") || a.Contains("整个");
        if (test)
            return Check.Wrong("the test examples must stay unseen until the final score: a model fitted on them makes that score an optimistic " +
                "estimate, and leaves nothing honest to score it on. Hint: " + hint);
        if (four)
            return Check.Wrong("each 80-example fit served only to score a λ on the 20 examples it had not seen. With λ chosen there is nothing " +
                "left to validate, and fitting on 80 instead of 100 examples throws data away (the sweep over n shows what fewer examples cost). Hint: " + hint);
        if (one)
            return Check.Wrong("a single fold (20 examples) is what each fit was scored on, and 20 examples are far too few for 20 weights. Hint: " + hint);
        if (a.Trim() == "all")
            return Check.Wrong("\"all\" of what: all training examples, or training and test? Say which.");
        if (training || all)
            return Check.Right("λ is fixed now, so nothing is left to validate: the final model learns from all 100 training examples, every fold. " +
                "The fold fits (80 examples each) only served to score λ, and the test set stays untouched for the one final score.");
        return Check.Wrong($"\"{answer}\" is not one of \"one fold\", \"four folds\", \"all training\", \"training and test\".");
    });

    /// <summary>The λ values exercise 3 compares by 5-fold cross-validation on the 20-feature ridge fit.</summary>
    public static readonly double[] Exercise3Lambdas = { 1e-8, 1e-6, 1e-4, 1e-2, 1 };

    /// <summary>
    /// The λ of <see cref="Exercise3Lambdas"/> that 5-fold cross-validation on notebook 10's 100 training examples picks (lowest mean
    /// validation MSE), and the ones the training MSE and the test MSE of the fit on all 100 examples would pick instead (the checker
    /// tests recompute all three from the notebook's data).
    /// </summary>
    public const double Exercise3CvChoice = 1e-4, Exercise3TrainingChoice = 1e-8, Exercise3TestChoice = 1e-6;

    /// <summary>Exercise 3: the λ that 5-fold cross-validation picks for the 20-feature ridge fit.</summary>
    public static Feedback Exercise3(double? lambda) => Check.Guard(() =>
    {
        const string hint = "for each λ and each fold f, solve (XᵀX/80 + λD)w = Xᵀy/80 on the fold's training rows " +
            "(Xp.index_select(0, torch.tensor(f.Train)), yp likewise), take the MSE on its 20 validation rows (f.Valid), average over the 5 folds, " +
            "and pick the λ with the smallest average";
        if (lambda is null) return Check.Pending("give the λ (one of 1e-8, 1e-6, 1e-4, 1e-2, 1) whose 5-fold cross-validation MSE is lowest.");
        double l = lambda.Value;
        bool Is(double target) => l > 0 && Math.Abs(Math.Log10(l) - Math.Log10(target)) < 0.01;
        if (double.IsNaN(l) || !Exercise3Lambdas.Any(Is))
            return Check.Wrong($"{l.ToString("G4", CultureInfo.InvariantCulture)} is not one of the λ values tried: 1e-8, 1e-6, 1e-4, 1e-2, 1.");
        if (Is(Exercise3CvChoice))
            return Check.Right("cross-validation picks λ = 1e-4, by a clear margin. The test MSE in the ridge table would have picked 1e-6 — " +
                "close, but a choice made by looking at the test set; 1e-4 was chosen without it, so the test set can still score it honestly.");
        if (Is(Exercise3TrainingChoice))
            return Check.Wrong("λ = 1e-8 is what the *training* loss picks: the smallest penalty always fits the examples it was trained on best. " +
                "Score each fold's fit on the 20 examples it did not see. Hint: " + hint + ".");
        if (Is(Exercise3TestChoice))
            return Check.Wrong("λ = 1e-6 has the lowest *test* MSE in the ridge table, but cross-validation never looks at the test set: it " +
                "uses the 100 training examples only. Hint: " + hint + ".");
        return Check.Wrong($"λ = {l.ToString("G4", CultureInfo.InvariantCulture)} does not have the lowest mean validation MSE. Hint: {hint}.");
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
        const string hint = "first ask whether the model can fit its training data at all: is its training loss near the noise variance 0.04, " +
            "or far above it? (A model that fits usually lands a little *below* 0.04: it also fits some of its own examples' noise.) " +
            "Then ask whether it does as well on new data: is its validation loss near its training loss, or far above it?";
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
            return Check.Right("run 1 fits its training data (below the noise level, as every least-squares fit that can fit does) but fails on new data; " +
                "run 2 cannot even fit its training data (both losses far above the noise, however small the gap); run 3 does about as well on " +
                "new data as on its training data, both near the noise variance.");
        int first = wrong[0];
        var r = Exercise4Runs[first];
        string Run() => $"run {first + 1} (train {r.Train.ToString("G3", CultureInfo.InvariantCulture)}, validation {r.Validation.ToString("G3", CultureInfo.InvariantCulture)})";
        if (first == 1 && given[1] == "good")
            return Check.Wrong($"{Run()} has no gap between its losses, but both are more than 70 times the noise variance 0.04: a model that cannot fit " +
                "even its training data underfits, however close its validation loss is. Hint: " + hint);
        if (first == 2 && given[2] == "overfit")
            return Check.Wrong($"{Run()}: a training loss below the noise variance 0.04 is normal, not a sign of overfitting. Least squares also " +
                "fits some of its own examples' noise: with p weights and n examples its training loss averages (1 − p/n)·σ², here " +
                "(1 − 4/30)·0.04 ≈ 0.035. Overfitting shows on new data, and this validation loss is at the noise level. Hint: " + hint);
        if (first == 0 && given[0] == "good")
            return Check.Wrong($"{Run()}: its validation loss is about 20 000 times its training loss. Hint: " + hint);
        return Check.Wrong($"{Run()} is not \"{labels[first]}\". Hint: {hint}");
    });
}
