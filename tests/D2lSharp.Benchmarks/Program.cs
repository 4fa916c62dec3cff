// Times d2l's softmax regression and MLP on Fashion-MNIST through the library's Trainer and through a bare TorchSharp
// loop written here, alternating the two after a warm-up epoch each, and reports seconds per epoch, their ratio,
// the data load time and the peak memory. Not a test: numbers depend on the machine and its load.
using System.Diagnostics;
using System.Globalization;
using D2lSharp;
using D2lSharp.Data;
using D2lSharp.Training;
using TorchSharp;
using static TorchSharp.torch;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int epochs = 3;
string? folder = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--epochs" && i + 1 < args.Length && int.TryParse(args[++i], out var e) && e > 0) epochs = e;
    else if (args[i] == "--data" && i + 1 < args.Length) folder = args[++i];
    else
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/D2lSharp.Benchmarks -- [--epochs N (default 3)] [--data folder]");
        return 2;
    }
}

const int batchSize = 256;
const double lr = 0.1;
var setup = Course.Setup();
Console.WriteLine(setup);
Console.WriteLine($"{Environment.ProcessorCount} cores, libtorch threads {torch.get_num_threads()}, {epochs} timed epochs per loop after 1 warm-up epoch each, batch {batchSize}, SGD lr {lr}");

var load = Stopwatch.StartNew();
using var data = FashionMnist.Load(folder);
load.Stop();
Console.WriteLine($"Data load: {load.Elapsed.TotalSeconds:F2} s ({data})");

var results = new List<(string Model, double Helper, double Bare, double PairedRatio, double HelperAcc, double BareAcc)>();
foreach (var (name, make) in new (string, Func<nn.Module<Tensor, Tensor>>)[]
{
    ("softmax regression 784-10", () => nn.Sequential(nn.Flatten(), nn.Linear(784, 10))),
    ("MLP 784-256-10", () => nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))),
})
{
    manual_seed(0);
    using var helperModel = make();
    manual_seed(0);
    using var bareModel = make();
    using var helperOptimizer = optim.SGD(helperModel.parameters(), lr);
    using var bareOptimizer = optim.SGD(bareModel.parameters(), lr);
    using var loss = nn.CrossEntropyLoss();
    var (train, test) = FashionMnist.Loaders(data, batchSize);

    double HelperEpoch()
    {
        var watch = Stopwatch.StartNew();
        Trainer.TrainEpoch(helperModel, train, loss.forward, helperOptimizer);
        return watch.Elapsed.TotalSeconds;
    }
    int bareEpoch = 0;
    double BareEpoch() => BareTrainEpoch(bareModel, bareOptimizer, loss, data.TrainImages, data.TrainLabels, batchSize, seed: bareEpoch++);

    HelperEpoch(); // warm-up
    BareEpoch();
    var helperTimes = new List<double>();
    var bareTimes = new List<double>();
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        // Alternate which loop goes first, so neither always runs on a warmer or busier machine.
        if (epoch % 2 == 0) { helperTimes.Add(HelperEpoch()); bareTimes.Add(BareEpoch()); }
        else { bareTimes.Add(BareEpoch()); helperTimes.Add(HelperEpoch()); }
        Console.WriteLine($"  {name}, epoch {epoch + 1}: helper {helperTimes[^1]:F3} s, bare {bareTimes[^1]:F3} s");
    }
    double helperAcc = Metrics.EvaluateAccuracy(helperModel, test);
    double bareAcc = Metrics.EvaluateAccuracy(bareModel, test);
    results.Add((name, Median(helperTimes), Median(bareTimes), Median(helperTimes.Zip(bareTimes, (h, b) => h / b).ToList()), helperAcc, bareAcc));
}

Console.WriteLine();
Console.WriteLine("Median seconds per training epoch (medians resist the odd epoch slowed by other work on the machine);");
Console.WriteLine("ratio = helper/bare of the medians; paired = median of each epoch's helper/bare (the two ran back to back).");
Console.WriteLine($"{"model",-28}{"helper s/epoch",16}{"bare s/epoch",14}{"ratio",8}{"paired",8}{"test acc (helper/bare)",26}");
foreach (var r in results)
    Console.WriteLine($"{r.Model,-28}{r.Helper,16:F3}{r.Bare,14:F3}{r.Helper / r.Bare,8:F2}{r.PairedRatio,8:F2}{$"{r.HelperAcc:F3} / {r.BareAcc:F3}",26}");
Console.WriteLine($"Data load {load.Elapsed.TotalSeconds:F2} s; peak memory (working set) {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

// The loop a TorchSharp user writes by hand: index_select minibatches from a per-epoch permutation, one dispose scope per
// step, and the same per-step bookkeeping as d2l's train_epoch_ch3 (loss sum, correct count) so both loops do equal work.
static double BareTrainEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> loss,
    Tensor X, Tensor y, int batchSize, long seed)
{
    var watch = Stopwatch.StartNew();
    model.train();
    long n = X.shape[0];
    using var generator = new Generator((ulong)seed);
    using var order = randperm(n, generator: generator);
    double lossSum = 0, correct = 0;
    for (long start = 0; start < n; start += batchSize)
    {
        using var scope = NewDisposeScope();
        long size = Math.Min(batchSize, n - start);
        var idx = order.narrow(0, start, size);
        var Xb = X.index_select(0, idx);
        var yb = y.index_select(0, idx);
        var yHat = model.forward(Xb);
        var l = loss.forward(yHat, yb);
        optimizer.zero_grad();
        l.backward();
        optimizer.step();
        lossSum += l.item<float>() * size;
        correct += yHat.argmax(1).eq(yb).sum().item<long>();
    }
    GC.KeepAlive(lossSum + correct);
    return watch.Elapsed.TotalSeconds;
}
