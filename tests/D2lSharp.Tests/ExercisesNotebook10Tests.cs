using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>Each checker of notebook 10 accepts a right answer, rejects wrong ones with the specific feedback and is pending on null.</summary>
public class ExercisesNotebook10Tests
{
    [Fact]
    public void Exercise1_accepts_the_step_that_autograd_and_the_optimizer_take()
    {
        // The same step computed two independent ways: autograd on loss + λ/2‖w‖², and torch.optim.SGD's weight_decay.
        var w = tensor(Notebook10.Exercise1Weights).requires_grad_();
        var g = tensor(Notebook10.Exercise1Gradient);
        var loss = (w * g).sum() + Notebook10.Exercise1Lambda / 2 * w.pow(2).sum();   // d(w·g)/dw = g: the given data gradient
        loss.backward();
        Tensor byAutograd;
        using (no_grad()) byAutograd = w - Notebook10.Exercise1LearningRate * w.grad!;
        Assert.True(Notebook10.Exercise1(byAutograd).Correct);

        var p = new TorchSharp.Modules.Parameter(tensor(Notebook10.Exercise1Weights));
        var opt = optim.SGD(new[] { p }, Notebook10.Exercise1LearningRate, weight_decay: Notebook10.Exercise1Lambda);
        p.grad = tensor(Notebook10.Exercise1Gradient);
        opt.step();
        Assert.True(Notebook10.Exercise1(p.detach().clone()).Correct);
        Assert.True(Notebook10.Exercise1(tensor(new[] { 1.35, -0.75 }).reshape(2, 1)).Correct);
    }

    [Fact]
    public void Exercise1_names_the_missing_decay_the_halved_decay_and_the_wrong_sign()
    {
        var noDecay = Notebook10.Exercise1(tensor(new[] { 1.95, -1.05 }));
        Assert.False(noDecay.Correct);
        Assert.Contains("without weight decay", noDecay.Message);
        var half = Notebook10.Exercise1(tensor(new[] { 1.65, -0.9 }));
        Assert.False(half.Correct);
        Assert.Contains("half", half.Message);
        var grew = Notebook10.Exercise1(tensor(new[] { 2.55, -1.35 }));
        Assert.False(grew.Correct);
        Assert.Contains("grew", grew.Message);
        Assert.False(Notebook10.Exercise1(tensor(new[] { 1.0, 0.0 })).Correct);
        Assert.False(Notebook10.Exercise1(tensor(new[] { 1.35, -0.75, 0 })).Correct);
    }

    [Fact]
    public void Exercise1_is_pending_on_null_without_giving_the_method()
    {
        var pending = Notebook10.Exercise1(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("λ·w", pending.Message);
    }

    [Fact]
    public void Exercise2_accepts_the_validation_set_and_explains_the_other_two()
    {
        Assert.True(Notebook10.Exercise2("validation").Correct);
        Assert.True(Notebook10.Exercise2(" Validation set ").Correct);
        Assert.True(Notebook10.Exercise2("验证集").Correct);
        var test = Notebook10.Exercise2("test");
        Assert.False(test.Correct);
        Assert.Contains("optimistic", test.Message);
        var train = Notebook10.Exercise2("training");
        Assert.False(train.Correct);
        Assert.Contains("λ = 0", train.Message);
        Assert.False(Notebook10.Exercise2("all of them").Correct);
        Assert.Null(Notebook10.Exercise2(null).Correct);
        Assert.Null(Notebook10.Exercise2("  ").Correct);
    }

    static int[][] GoodKFold(int n, int k) =>
        Enumerable.Range(0, k).Select(i => Enumerable.Range(n * i / k, n * (i + 1) / k - n * i / k).ToArray()).ToArray();

    [Fact]
    public void Exercise3_accepts_consecutive_and_shuffled_folds()
    {
        Assert.True(Notebook10.Exercise3(GoodKFold).Correct);
        Assert.True(Notebook10.Exercise3((n, k) =>
        {
            var order = Enumerable.Range(0, n).OrderBy(i => (i * 7919) % 101).ToArray();
            return GoodKFold(n, k).Select(f => f.Select(i => order[i]).ToArray()).ToArray();
        }).Correct);
    }

    [Fact]
    public void Exercise3_rejects_lost_repeated_unequal_and_crashing_folds_and_is_pending_on_null()
    {
        var lost = Notebook10.Exercise3((n, k) => Enumerable.Range(0, k).Select(i => Enumerable.Range(i * (n / k), n / k).ToArray()).ToArray());
        Assert.False(lost.Correct);
        Assert.Contains("only", lost.Message);                     // n / k drops the remainder: 7 / 3 covers 6 of 7
        var repeated = Notebook10.Exercise3((n, k) => Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, n / k + 1).ToArray()).ToArray());
        Assert.False(repeated.Correct);
        Assert.Contains("exactly once", repeated.Message);
        var unequal = Notebook10.Exercise3((n, k) =>
            Enumerable.Range(0, k).Select(i => i < k - 1 ? new[] { i } : Enumerable.Range(k - 1, n - k + 1).ToArray()).ToArray());
        Assert.False(unequal.Correct);
        Assert.Contains("at most 1", unequal.Message);
        var throws = Notebook10.Exercise3((n, k) => throw new InvalidOperationException("boom"));
        Assert.False(throws.Correct);
        Assert.Contains("boom", throws.Message);
        Assert.False(Notebook10.Exercise3((n, k) => GoodKFold(n, k).Take(k - 1).ToArray()).Correct);
        Assert.False(Notebook10.Exercise3((n, k) => GoodKFold(n + 1, k)).Correct);   // an index outside 0 … n−1
        Assert.False(Notebook10.Exercise3((n, k) => null!).Correct);
        Assert.Null(Notebook10.Exercise3(null).Correct);
    }

    [Fact]
    public void Exercise4_accepts_overfit_underfit_good_in_words_or_in_the_notes_terms()
    {
        Assert.True(Notebook10.Exercise4(new[] { "overfit", "underfit", "good" }).Correct);
        Assert.True(Notebook10.Exercise4(new[] { "Overfitting", "underfitting", "right" }).Correct);
        Assert.True(Notebook10.Exercise4(new[] { "过拟合", "欠拟合", "正常" }).Correct);
    }

    [Fact]
    public void Exercise4_names_the_first_wrong_run_explains_the_small_gap_and_is_pending_on_null()
    {
        var swapped = Notebook10.Exercise4(new[] { "underfit", "overfit", "good" });
        Assert.False(swapped.Correct);
        Assert.Contains("run 1", swapped.Message);
        Assert.Contains("0.04", swapped.Message);                    // the hint compares with this data's noise, not notebook's 0.01
        var smallGap = Notebook10.Exercise4(new[] { "overfit", "good", "good" });   // run 2's validation loss is below its training loss
        Assert.False(smallGap.Correct);
        Assert.Contains("run 2", smallGap.Message);
        Assert.Contains("cannot fit", smallGap.Message);
        var last = Notebook10.Exercise4(new[] { "overfit", "underfit", "overfit" });
        Assert.False(last.Correct);
        Assert.Contains("run 3", last.Message);
        Assert.False(Notebook10.Exercise4(new[] { "overfit", "underfit" }).Correct);
        Assert.False(Notebook10.Exercise4(new[] { "overfit", "meh", "good" }).Correct);
        Assert.Null(Notebook10.Exercise4(null).Correct);
    }

    [Fact]
    public void Exercise4Runs_are_the_least_squares_fits_its_doc_comment_describes()
    {
        // A fresh draw of d2l's cubic: 60 values of x ~ N(0, 1), labels with noise of standard deviation 0.2 (variance 0.04),
        // the first 30 for training and the last 30 for validation; least squares on the first 12, 2 and 4 features xⁱ/i!.
        manual_seed(42);
        var x = randn(60, 1, dtype: ScalarType.Float64);
        var factorials = tensor(Enumerable.Range(0, 20).Select(i => Enumerable.Range(1, i).Aggregate(1.0, (a, k) => a * k)).ToArray());
        var features = x.pow(arange(20, dtype: ScalarType.Float64).reshape(1, -1)) / factorials;
        var trueW = zeros(20, 1, dtype: ScalarType.Float64);
        trueW[..4] = tensor(new[] { 5f, 1.2f, -3.4f, 5.6f }).to_type(ScalarType.Float64).reshape(-1, 1);
        var y = features.mm(trueW) + 0.2 * randn(60, 1, dtype: ScalarType.Float64);
        foreach (var (run, d) in new[] { (0, 12), (1, 2), (2, 4) })
        {
            var w = linalg.pinv(features[..30, ..d]).mm(y[..30]);
            double train = (features[..30, ..d].mm(w) - y[..30]).pow(2).mean().item<double>();
            double valid = (features[30.., ..d].mm(w) - y[30..]).pow(2).mean().item<double>();
            var (shownTrain, shownValid) = Notebook10.Exercise4Runs[run];
            Assert.InRange(train / shownTrain, 0.99, 1.01);
            Assert.InRange(valid / shownValid, 0.99, 1.01);
        }
        Assert.Equal(0.04, Notebook10.Exercise4NoiseVariance);
    }

    [Theory]
    [InlineData("the validation set")]
    [InlineData("Validation data")]
    [InlineData("a held-out validation split")]
    [InlineData("cross-validation")]
    [InlineData("K-fold")]
    [InlineData("k-fold cross validation on the training data")]
    [InlineData("5-fold CV")]
    [InlineData("validation, not the test set")]
    [InlineData("交叉验证")]
    public void Exercise2_accepts_the_validation_set_in_the_words_the_notebook_uses(string answer) =>
        Assert.True(Notebook10.Exercise2(answer).Correct, answer);

    [Fact]
    public void Exercise2_rejects_an_answer_that_also_names_the_test_set_and_still_explains_test_and_training()
    {
        var both = Notebook10.Exercise2("test or validation");
        Assert.False(both.Correct);
        Assert.Contains("test set as well", both.Message);
        Assert.Contains("optimistic", Notebook10.Exercise2("the test set").Message);
        Assert.Contains("λ = 0", Notebook10.Exercise2("training data").Message);
        Assert.True(Notebook10.Exercise2("the dev set").Correct);                    // another name of the validation set
        Assert.False(Notebook10.Exercise2("after development").Correct);            // the word alone names no set
    }
}
