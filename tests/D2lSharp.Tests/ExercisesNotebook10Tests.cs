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
    public void Exercise2_accepts_all_training_examples_and_explains_each_other_choice()
    {
        Assert.True(Notebook10.Exercise2("all training").Correct);
        Assert.True(Notebook10.Exercise2(" All Training ").Correct);
        var test = Notebook10.Exercise2("training and test");
        Assert.False(test.Correct);
        Assert.Contains("optimistic", test.Message);
        var four = Notebook10.Exercise2("four folds");
        Assert.False(four.Correct);
        Assert.Contains("80", four.Message);
        var one = Notebook10.Exercise2("one fold");
        Assert.False(one.Correct);
        Assert.Contains("single fold", one.Message);
        var all = Notebook10.Exercise2("all");
        Assert.False(all.Correct);
        Assert.Contains("of what", all.Message);
        Assert.False(Notebook10.Exercise2("no idea").Correct);
        Assert.Null(Notebook10.Exercise2(null).Correct);
        Assert.Null(Notebook10.Exercise2("  ").Correct);
    }

    [Theory]
    [InlineData("all training")]
    [InlineData("the whole training set")]
    [InlineData("all 100 training examples")]
    [InlineData("all five folds")]
    [InlineData("all 5 folds")]
    [InlineData("every fold")]
    [InlineData("training and validation")]
    [InlineData("all the training data, not the test set")]
    [InlineData("全部训练数据")]
    [InlineData("训练集")]
    public void Exercise2_accepts_all_training_examples_in_the_words_a_learner_uses(string answer) =>
        Assert.True(Notebook10.Exercise2(answer).Correct, answer);

    [Theory]
    [InlineData("4 folds")]
    [InlineData("the 80 examples of the best fold's training part")]
    [InlineData("k-1 folds")]
    [InlineData("the other folds")]
    [InlineData("the validation fold")]
    [InlineData("验证集")]
    [InlineData("all 200")]
    [InlineData("training + test")]
    public void Exercise2_rejects_part_of_the_training_data_and_the_test_data(string answer) =>
        Assert.False(Notebook10.Exercise2(answer).Correct, answer);

    /// <summary>Notebook 10's polynomial data, built the way its cells build it (seed 0, the powers xⁱ/i!, noise 0.1), in float64.</summary>
    static (Tensor X, Tensor Y) NotebookPolynomialData()
    {
        var g = new Generator(0);                                      // the notebook's torch.manual_seed(0), without touching the global generator
        var x = randn(200, 1, generator: g);
        var factorials = tensor(Enumerable.Range(0, 20).Select(i => Enumerable.Range(1, i).Aggregate(1.0, (a, k) => a * k)).ToArray(), ScalarType.Float32);
        var features = x.pow(arange(20, dtype: ScalarType.Float32).reshape(1, -1)) / factorials;
        var trueW = zeros(20, 1);
        trueW[..4] = tensor(new[] { 5f, 1.2f, -3.4f, 5.6f }).reshape(-1, 1);
        var labels = features.mm(trueW) + 0.1 * randn(200, 1, generator: g);
        Assert.Equal(-1.1258, x[0, 0].item<float>(), 4);              // the notebook prints x = -1.1258 for the first example
        return (features.to_type(ScalarType.Float64), labels.to_type(ScalarType.Float64));
    }

    [Fact]
    public void Exercise3_choices_are_what_cross_validation_training_and_test_loss_pick_on_the_notebooks_data()
    {
        var (X, Y) = NotebookPolynomialData();
        var (Xtr, Ytr, Xte, Yte) = (X[..100], Y[..100], X[100..], Y[100..]);
        var order = randperm(100, generator: new Generator(0)).data<long>().ToArray();   // the notebook's KFold(100, 5)
        var folds = Enumerable.Range(0, 5).Select(i => (Valid: order[(20 * i)..(20 * i + 20)], Train: order[..(20 * i)].Concat(order[(20 * i + 20)..]).ToArray())).ToArray();
        double Mse(Tensor x, Tensor y, Tensor w) => (x.mm(w) - y).pow(2).mean().item<double>();
        foreach (bool penalizeBias in new[] { false, true })                // with or without w₀ in the penalty: the same choice
        {
            var D = diag(tensor(Enumerable.Range(0, 20).Select(i => i == 0 && !penalizeBias ? 0.0 : 1.0).ToArray()));
            Tensor Ridge(Tensor x, Tensor y, double l) => linalg.solve(x.T.mm(x) / x.shape[0] + l * D, x.T.mm(y) / x.shape[0]);
            var cv = Notebook10.Exercise3Lambdas.Select(l => folds.Average(f =>
            {
                var (tr, va) = (tensor(f.Train), tensor(f.Valid));
                return Mse(Xtr.index_select(0, va), Ytr.index_select(0, va), Ridge(Xtr.index_select(0, tr), Ytr.index_select(0, tr), l));
            })).ToArray();
            var ranked = cv.OrderBy(v => v).ToArray();
            Assert.Equal(Notebook10.Exercise3CvChoice, Notebook10.Exercise3Lambdas[Array.IndexOf(cv, ranked[0])]);
            Assert.True(ranked[1] > 1.5 * ranked[0], $"the cross-validation choice should win clearly: {string.Join(", ", cv)}");
            var train = Notebook10.Exercise3Lambdas.Select(l => Mse(Xtr, Ytr, Ridge(Xtr, Ytr, l))).ToArray();
            var test = Notebook10.Exercise3Lambdas.Select(l => Mse(Xte, Yte, Ridge(Xtr, Ytr, l))).ToArray();
            Assert.Equal(Notebook10.Exercise3TrainingChoice, Notebook10.Exercise3Lambdas[Array.IndexOf(train, train.Min())]);
            Assert.Equal(Notebook10.Exercise3TestChoice, Notebook10.Exercise3Lambdas[Array.IndexOf(test, test.Min())]);
        }
    }

    [Fact]
    public void Exercise3_accepts_the_cross_validation_choice_names_the_training_and_test_slips_and_is_pending_on_null()
    {
        Assert.True(Notebook10.Exercise3(1e-4).Correct);
        Assert.True(Notebook10.Exercise3(0.0001).Correct);
        var training = Notebook10.Exercise3(1e-8);
        Assert.False(training.Correct);
        Assert.Contains("*training* loss", training.Message);
        var test = Notebook10.Exercise3(1e-6);
        Assert.False(test.Correct);
        Assert.Contains("*test* MSE", test.Message);
        var other = Notebook10.Exercise3(1e-2);
        Assert.False(other.Correct);
        Assert.Contains("Hint", other.Message);
        Assert.Contains("not one of", Notebook10.Exercise3(1e-3).Message);
        Assert.False(Notebook10.Exercise3(0).Correct);
        Assert.False(Notebook10.Exercise3(-1e-4).Correct);
        Assert.False(Notebook10.Exercise3(double.NaN).Correct);
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
        var last = Notebook10.Exercise4(new[] { "overfit", "underfit", "overfit" });   // run 3's training loss is below the noise variance
        Assert.False(last.Correct);
        Assert.Contains("run 3", last.Message);
        Assert.Contains("is normal", last.Message);
        var firstGood = Notebook10.Exercise4(new[] { "good", "underfit", "good" });
        Assert.False(firstGood.Correct);
        Assert.Contains("20 000 times", firstGood.Message);
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
}
