using D2lSharp.Data;
using D2lSharp.Plotting;
using D2lSharp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>Trainer and Updater: both kinds of model (module, function) and of updater (optimizer, from-scratch step) learn, losses are reduced like d2l's, memory stays flat.</summary>
public class TrainingLoopTests
{
    static long Live => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    /// <summary>Three well separated 2-d blobs, one per class: (features, labels).</summary>
    static (Tensor X, Tensor y) Blobs(int perClass, long seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        var centers = tensor(new float[,] { { 2, 0 }, { -2, 2 }, { -2, -2 } });
        var y = arange(3, dtype: ScalarType.Int64).repeat_interleave(perClass);
        var X = centers.index_select(0, y) + 0.6f * randn(3 * perClass, 2);
        return scope.MoveToOuter(X, y);
    }

    static Tensor Softmax(Tensor o)
    {
        using var scope = NewDisposeScope();
        var e = o.exp();
        return scope.MoveToOuter(e / e.sum(1, keepdim: true));
    }

    [Fact]
    public void Softmax_regression_from_scratch_learns_through_Train_and_feeds_the_animator()
    {
        var (X, y) = Blobs(100, 1);
        var (Xt, yt) = Blobs(50, 2);
        using (X) using (y) using (Xt) using (yt)
        {
            using var W = normal(0, 0.01, [2, 3]).requires_grad_();
            using var b = zeros(3).requires_grad_();
            Func<Tensor, Tensor> net = x => Softmax(x.mm(W) + b);
            var sink = new RecordingSink();
            var animator = new Animator(sink, "epoch", ["train loss", "train acc", "test acc"]);
            Action<int> updater = n => Optimizers.Sgd([W, b], 0.1, n); // d2l: updater = lambda batch_size: d2l.sgd([W, b], lr, batch_size)
            var history = Trainer.Train(net, Minibatches.DataIter(32, X, y), Minibatches.DataIter(32, Xt, yt, shuffle: false),
                Losses.CrossEntropy, 5, updater, animator);
            Assert.Equal(5, history.Epochs);
            Assert.Equal(5, history.SecondsPerEpoch.Count);
            Assert.True(history.TrainLoss[^1] < history.TrainLoss[0], $"loss did not fall: {string.Join(", ", history.TrainLoss)}");
            Assert.True(history.TestAccuracy[^1] > 0.95, history.ToString());
            Assert.Equal([1.0, 2, 3, 4, 5], animator.Series[2].X);
            Assert.Equal(history.TestAccuracy, animator.Series[2].Y);
            Assert.Equal(1, sink.Shows);
            Assert.Equal(4, sink.Updates); // shown after the first epoch, redrawn in place after every later one
        }
    }

    [Fact]
    public void Module_with_optimizer_and_mean_loss_learns_and_is_left_in_eval_mode_only_while_evaluating()
    {
        var (X, y) = Blobs(100, 3);
        var (Xt, yt) = Blobs(50, 4);
        using (X) using (y) using (Xt) using (yt)
        {
            manual_seed(0);
            using var model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Dropout(0.1), nn.Linear(16, 3));
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            using var loss = nn.CrossEntropyLoss();
            var modes = new List<bool>();
            using var recorder = new ModeRecorder(model, modes);
            var history = Trainer.Train(recorder, Minibatches.DataIter(32, X, y), Minibatches.DataIter(64, Xt, yt, shuffle: false),
                loss.forward, 8, optimizer);
            Assert.True(history.TestAccuracy[^1] > 0.95, history.ToString());
            Assert.True(history.TrainLoss[^1] < 0.5 * history.TrainLoss[0], history.ToString());
            // Each epoch: 10 training batches in train mode, then 3 test batches in eval mode.
            Assert.Equal(Enumerable.Repeat(Enumerable.Repeat(true, 10).Concat(Enumerable.Repeat(false, 3)), 8).SelectMany(m => m), modes);
        }
    }

    [Fact]
    public void Linear_regression_through_TrainEpoch_recovers_the_true_parameters()
    {
        using var problem = new LinearProblem();
        double firstLoss = 0, loss = 0;
        Func<Tensor, Tensor> net = x => x.mm(problem.W) + problem.B;
        Action<int> updater = n => Optimizers.Sgd([problem.W, problem.B], 0.03, n);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            (loss, _) = Trainer.TrainEpoch(net, problem.Data, Losses.SquaredLoss, updater);
            if (epoch == 0) firstLoss = loss;
        }
        problem.AssertRecovered();
        Assert.True(loss < 1e-3 && loss < firstLoss, $"mean squared loss {loss} after 3 epochs (first {firstLoss})");
    }

    [Fact]
    public void A_per_example_loss_is_summed_for_scratch_sgd_and_averaged_for_an_optimizer_so_both_take_the_same_step()
    {
        manual_seed(5);
        using var X = randn(8, 4);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 });
        using var W0 = normal(0, 0.1, [4, 3]);
        using var W1 = W0.clone().requires_grad_();
        using var W2 = W0.clone().requires_grad_();
        var one = new[] { (X, y) }; // not a Minibatches: the loop leaves these tensors alone
        Action<int> scratch = n => Optimizers.Sgd([W1], 0.5, n);
        Trainer.TrainEpoch((Func<Tensor, Tensor>)(x => Softmax(x.mm(W1))), one, Losses.CrossEntropy, scratch);
        using var sgd = optim.SGD([new TorchSharp.Modules.Parameter(W2.detach().clone())], 0.5);
        var p = sgd.parameters().Single();
        Trainer.TrainEpoch((Func<Tensor, Tensor>)(x => Softmax(x.mm(p))), one, Losses.CrossEntropy, sgd);
        Assert.True(W1.allclose(p, rtol: 1e-5, atol: 1e-6), "scratch SGD on the summed loss and torch SGD on the mean loss should agree");
        Assert.False(W1.allclose(W0), "the step changed nothing");
        Assert.False(X.IsInvalid);
        Assert.False(y.IsInvalid);
    }

    [Fact]
    public void Memory_stays_flat_across_epochs()
    {
        var (X, y) = Blobs(200, 6);
        using (X) using (y)
        {
            using var model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 3));
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            using var lossModule = nn.CrossEntropyLoss();
            var train = Minibatches.DataIter(16, X, y);
            var test = Minibatches.DataIter(64, X, y, shuffle: false);
            Func<Tensor, Tensor, Tensor> loss = (a, b) => lossModule.forward(a, b);
            Trainer.Train(model, train, test, loss, 1, optimizer); // warm up: gradients exist from here on
            long before = Live;
            Trainer.Train(model, train, test, loss, 3, optimizer);
            Assert.Equal(before, Live);

            using var W = normal(0, 0.01, [2, 3]).requires_grad_();
            using var b = zeros(3).requires_grad_();
            Action<int> scratch = n => Optimizers.Sgd([W, b], 0.1, n);
            Trainer.TrainEpoch(x => Softmax(x.matmul(W) + b), train, Losses.CrossEntropy, scratch);
            before = Live;
            for (int epoch = 0; epoch < 3; epoch++)
                Trainer.TrainEpoch(x => Softmax(x.matmul(W) + b), train, Losses.CrossEntropy, scratch);
            Assert.Equal(before, Live);
        }
    }

    [Fact]
    public void Trainer_rejects_bad_arguments_clearly()
    {
        using var X = zeros(4, 2);
        using var y = zeros(4, dtype: ScalarType.Int64);
        using var W = zeros(2, 2).requires_grad_();
        var data = Minibatches.DataIter(2, X, y);
        Action<int> updater = n => Optimizers.Sgd([W], 0.1, n);
        Assert.Contains("numEpochs must be positive; got 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(x => x.matmul(W), data, data, Losses.CrossEntropy, 0, updater)).Message);
        var shape = Assert.Throws<InvalidOperationException>(() =>
            Trainer.TrainEpoch(x => x.matmul(W), data, (a, b) => a * 1, updater));
        Assert.Contains("one value per example (2); it has shape (2, 2)", shape.Message);
        var mean = Assert.Throws<InvalidOperationException>(() =>
            Trainer.TrainEpoch(x => x.matmul(W), data, (a, b) => nn.functional.cross_entropy(a, b), updater));
        Assert.Contains("the loss must give one value per example", mean.Message);
    }
}

/// <summary>A module that records whether it was in training mode at each forward call, around an inner module.</summary>
sealed class ModeRecorder : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> _inner;
    readonly List<bool> _modes;

    public ModeRecorder(nn.Module<Tensor, Tensor> inner, List<bool> modes) : base(nameof(ModeRecorder))
    {
        (_inner, _modes) = (inner, modes);
        register_module("inner", inner);
    }

    public override Tensor forward(Tensor x)
    {
        _modes.Add(training);
        Assert.Equal(training, _inner.training); // train()/eval() reach the inner layers
        return _inner.forward(x);
    }
}

/// <summary>Counts what an animator shows, in place of a notebook kernel.</summary>
sealed class RecordingSink : IDisplaySink
{
    public int Shows, Updates;
    public List<object> Values { get; } = [];
    public List<object> Handles { get; } = [];

    public object? Show(object value)
    {
        Shows++;
        Values.Add(value);
        var handle = new object();
        Handles.Add(handle);
        return handle;
    }

    public void Update(object handle, object value)
    {
        Updates++;
        Values.Add(value);
        Handles.Add(handle);
    }
}

public class FullBatchTests
{
    [Fact]
    public void Full_batch_training_fits_xor_with_a_hidden_layer_and_not_without()
    {
        manual_seed(0);
        using var corners = tensor(new float[,] { { 1, 1 }, { -1, -1 }, { 1, -1 }, { -1, 1 } });
        using var X = corners.repeat(25, 1) + 0.2f * randn(100, 2);
        using var y = (X[.., 0] * X[.., 1] < 0).to_type(ScalarType.Int64);
        using var ce = nn.CrossEntropyLoss();
        manual_seed(1);
        using var linear = nn.Linear(2, 2);
        using var mlp = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2));
        var linearLosses = Trainer.TrainFullBatch(linear, X, y, ce.forward, 300, 0.5);
        var mlpLosses = Trainer.TrainFullBatch(mlp, X, y, ce.forward, 300, 0.5);
        Assert.Equal(300, mlpLosses.Count);
        Assert.True(mlpLosses[^1] < 0.05, $"the MLP should fit XOR: final loss {mlpLosses[^1]}");
        Assert.True(linearLosses[^1] > 0.6, $"a linear model cannot fit XOR: final loss {linearLosses[^1]} (ln 2 = 0.693)");
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.TrainFullBatch(mlp, X, y, ce.forward, 0, 0.5));
        Assert.Contains("one row per example", Assert.Throws<ArgumentException>(() => Trainer.TrainFullBatch(mlp, X, y[..10], ce.forward, 1, 0.5)).Message);
    }
}
