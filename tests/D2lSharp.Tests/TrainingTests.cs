using D2lSharp.Data;
using D2lSharp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class TrainingTests
{
    [Fact]
    public void Squared_loss_is_half_the_squared_error_and_its_gradient_is_the_error()
    {
        using var yHat = tensor(new float[] { 1, 2, 3 }).reshape(3, 1).requires_grad_();
        using var y = tensor(new float[] { 1.5f, 2, 1 });
        using var l = Losses.SquaredLoss(yHat, y);
        Assert.Equal(new long[] { 3, 1 }, l.shape);
        Assert.Equal(new[] { 0.125f, 0, 2 }, l.data<float>().ToArray());
        using var total = l.sum();
        total.backward();
        using var grad = yHat.grad!;
        Assert.Equal(new[] { -0.5f, 0, 2 }, grad.data<float>().ToArray()); // ∂/∂ŷ (ŷ−y)²/2 = ŷ − y
        using var bad = ones(4);
        Assert.Contains("same number of values", Assert.Throws<ArgumentException>(() => Losses.SquaredLoss(yHat, bad)).Message);
    }

    [Fact]
    public void CrossEntropy_from_scratch_matches_the_library_on_softmax_output_and_has_the_right_gradient()
    {
        manual_seed(0);
        using var logits = randn(5, 4).requires_grad_();
        using var y = tensor(new long[] { 0, 3, 1, 1, 2 });
        using var probabilities = nn.functional.softmax(logits, 1);
        using var mine = Losses.CrossEntropy(probabilities, y);
        using var library = nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.None);
        Assert.Equal(new long[] { 5 }, mine.shape);
        Assert.True(mine.allclose(library, rtol: 1e-5, atol: 1e-6));
        // Its gradient with respect to the logits is softmax − one-hot, as for the library's loss.
        using var total = mine.sum();
        total.backward();
        using var grad = logits.grad!;
        using var expected = probabilities.detach() - nn.functional.one_hot(y, 4).to_type(ScalarType.Float32);
        Assert.True(grad.allclose(expected, rtol: 1e-4, atol: 1e-6));
    }

    [Fact]
    public void CrossEntropy_names_the_shapes_it_expected()
    {
        using var p = full(3, 4, 0.25f);
        using var y2 = zeros(2, dtype: ScalarType.Int64);
        Assert.Contains("expected shape (3,), got (2,)", Assert.Throws<ArgumentException>(() => Losses.CrossEntropy(p, y2)).Message);
        using var flat = ones(4);
        Assert.Contains("(examples, classes)", Assert.Throws<ArgumentException>(() => Losses.CrossEntropy(flat, y2)).Message);
    }

    [Fact]
    public void Sgd_steps_against_the_gradient_divided_by_the_batch_size_and_zeroes_it()
    {
        using var p = tensor(new float[] { 1, 2 }).requires_grad_();
        using (var l = (p * p).sum()) l.backward(); // grad = 2p = [2, 4]
        Optimizers.Sgd([p], lr: 0.5, batchSize: 2);
        Assert.Equal(new[] { 0.5f, 1 }, p.data<float>().ToArray());
        using var grad = p.grad!;
        Assert.Equal(new[] { 0f, 0 }, grad.data<float>().ToArray());
        Assert.False(p.grad is null);
        using var noGrad = tensor(new float[] { 1 }).requires_grad_();
        Assert.Contains("has no gradient", Assert.Throws<InvalidOperationException>(() => Optimizers.Sgd([noGrad], 0.1, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.Sgd([p], 0.1, 0));
    }

    [Fact]
    public void Linear_regression_from_scratch_recovers_the_true_parameters()
    {
        using var problem = new LinearProblem();
        var (w, b) = (problem.W, problem.B);
        for (int epoch = 0; epoch < 3; epoch++)
            foreach (var (X, y) in problem.Data)
            {
                using var scope = NewDisposeScope();
                var l = Losses.SquaredLoss(X.mm(w) + b, y);
                l.sum().backward();
                Optimizers.Sgd([w, b], 0.03, 10);
            }
        problem.AssertRecovered();
    }

    [Fact]
    public void Accuracy_counts_correct_predictions_and_evaluate_gives_the_fraction()
    {
        using var yHat = tensor(new float[,] { { 0.1f, 0.9f }, { 0.8f, 0.2f }, { 0.3f, 0.7f } });
        using var y = tensor(new long[] { 1, 1, 1 });
        Assert.Equal(2.0, Metrics.Accuracy(yHat, y));
        using var X = tensor(new float[,] { { 1 }, { -1 }, { 2 }, { -3 } });
        using var labels = tensor(new long[] { 1, 0, 0, 0 });
        // A "model" predicting class 1 for positive inputs: right on 3 of 4.
        Func<Tensor, Tensor> net = x => cat([-x, x], 1);
        Assert.Equal(0.75, Metrics.EvaluateAccuracy(net, Minibatches.DataIter(3, X, labels, shuffle: false)));
        using var wrong = tensor(new long[] { 1, 0 });
        Assert.Contains("same examples", Assert.Throws<ArgumentException>(() => Metrics.Accuracy(yHat, wrong)).Message);
    }

    [Fact]
    public void EvaluateAccuracy_puts_a_module_in_eval_mode_and_back()
    {
        var model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5));
        model.train();
        using var X = ones(4, 2);
        using var y = zeros(4, dtype: ScalarType.Int64);
        var modes = new List<bool>();
        using var recorder = new ModeRecorder(model, modes);
        recorder.train();
        Metrics.EvaluateAccuracy(recorder, Minibatches.DataIter(2, X, y));
        Assert.Equal([false, false], modes);
        Assert.True(recorder.training);
        Assert.True(model.training);
    }

    [Fact]
    public void Accumulator_behaves_like_d2l()
    {
        var acc = new Accumulator(2);
        acc.Add(1, 2);
        acc.Add(3, 4);
        Assert.Equal(4, acc[0]);
        Assert.Equal(6, acc[1]);
        Assert.Contains("keeps 2 sums; got 3", Assert.Throws<ArgumentException>(() => acc.Add(1, 2, 3)).Message);
        Assert.Equal("[4, 6]", acc.ToString());
    }

    [Fact]
    public void LinReg_is_Xw_plus_b_and_names_mismatched_shapes()
    {
        using var X = tensor(new float[,] { { 1, 2 }, { 3, 4 } });
        using var w = tensor(new float[] { 1, -1 }).reshape(2, 1);
        using var b = tensor(0.5f);
        using var yHat = Models.LinReg(X, w, b);
        Assert.Equal(new[] { -0.5f, -0.5f }, yHat.data<float>().ToArray());
        using var w3 = ones(3, 1);
        Assert.Contains("w has shape (3, 1) (expected (2, 1) or (2,))", Assert.Throws<ArgumentException>(() => Models.LinReg(X, w3, b)).Message);
    }
}
