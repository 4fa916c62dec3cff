// Notebook 10 as a .NET program: notebooks/10-overfitting-and-regularization.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/10-overfitting-and-regularization.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/10/
// (open it in any browser, offline). Generated from the notebook by `dotnet run --project src/CoursePrograms`:
// change the notebook, then run that command (a test fails while a program is older than its notebook).
//
// How it is built (the #: lines are directives of `dotnet run`): the course's helper library and the packages the
// notebook loads, at the versions the notebook pins; the usual JIT runtime (file-based apps default to native-AOT
// settings); as in the notebook kernel, no nullable context, only the usings below, and no warnings about unused
// variables (the kernel keeps a cell's variables as fields); package versions written here rather than taken from
// Directory.Packages.props (a test checks that they agree); and packages used from the NuGet cache, as the kernel
// uses them, rather than copied beside each program (TorchSharp's native libraries alone are about 1 GB).
#:property PublishAot=false
#:property Nullable=disable
#:property ImplicitUsings=disable
#:property NoWarn=$(NoWarn);CS0168;CS0219;CS8321
#:property ManagePackageVersionsCentrally=false
#:property CopyLocalLockFileAssemblies=false
#:property GenerateRuntimeConfigDevFile=true
#:project ../src/D2lSharp/D2lSharp.csproj
#:package TorchSharp-cpu@0.107.0
#:package Plotly.NET@6.0.0
#:package Plotly.NET.CSharp@0.14.0
#:package Microsoft.Data.Analysis@0.23.1

// As in the notebook: the usings the kernel gives every cell, then those of src/D2lSharp/Course.csx.
using System;
using System.Text;
using System.Collections;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Linq;
using static D2lSharp.Display.ProgramDisplay;   // the kernel's display(...) and HTML(...), for a program
using System.Diagnostics;
using System.Globalization;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using D2lSharp;
using D2lSharp.Calculus;
using D2lSharp.Data;
using D2lSharp.Display;
using D2lSharp.Plotting;
using D2lSharp.Training;
using static D2lSharp.Display.TensorFormatter;
using Exercises = D2lSharp.Exercises;

// The cells' own usings (a program states its usings before its first statement):
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

// # 10 — Overfitting and underfitting, regularization (过拟合与欠拟合, 正则化)
//
// This notebook follows the chapter **过拟合与欠拟合** of the notes with its subsection **正则化** (d2l sections 4.4–4.5). The
// chapter's last subsection, dropout (暂退法), has a notebook of its own (11).
//
// In this notebook you will:
// - say what the training, validation and test sets (训练集、验证集、测试集) are each for, and split data for K-fold cross-validation;
// - fit d2l's cubic polynomial with the right number of features, too few (underfitting, 欠拟合) and too many (overfitting, 过拟合), and read train and test loss curves;
// - sweep the model's size and the number of training examples and watch the generalization gap open and close, checking the causes of overfitting the notes list;
// - train with weight decay (权重衰减, an L2 penalty) from scratch and with the optimizer's `weight_decay`, and watch ‖**w**‖ and the test loss;
// - compare L1 and L2 penalties: the notes' norm example, the geometry that makes L1 give exact zeros, and the weights each penalty learns.

display(Course.Setup());

// ## The data: d2l's cubic polynomial
//
// To see under- and overfitting we need a problem whose answer we know. d2l 4.4 draws x ~ N(0, 1) and labels from a cubic polynomial
// plus Gaussian noise of standard deviation 0.1:
//
// $$y = 5 + 1.2x - 3.4\frac{x^2}{2!} + 5.6\frac{x^3}{3!} + \epsilon, \qquad \epsilon \sim \mathcal N(0, 0.1^2).$$
//
// The features are the powers xⁱ/i! for i = 0 … 19: a linear model over them is a polynomial of degree up to 19, and the true weights
// are [5, 1.2, −3.4, 5.6, 0, …, 0]. Dividing by i! keeps the high powers from producing huge values (and huge gradients). The feature
// x⁰/0! = 1 plays the role of the bias. 100 examples are for training and 100 for testing.
//
// All the models in this notebook are tiny, so, as in notebook 08, we keep libtorch to one thread: for operations that take microseconds,
// coordinating two threads costs more than it saves.

torch.set_num_threads(1);
int maxDegree = 20, nTrain = 100, nTest = 100;
var trueWeights = new float[maxDegree];
new float[] { 5f, 1.2f, -3.4f, 5.6f }.CopyTo(trueWeights, 0);                  // the rest stay 0
var trueWPoly = torch.tensor(trueWeights).reshape(-1, 1);
var factorials = Enumerable.Range(0, maxDegree).Select(i => Enumerable.Range(1, i).Aggregate(1.0, (a, k) => a * k)).ToArray();

torch.manual_seed(0);
var xPoly = torch.randn(nTrain + nTest, 1);                                     // x ~ N(0, 1), one column
var powers = torch.arange(maxDegree, dtype: ScalarType.Float32).reshape(1, -1);  // 0, 1, …, 19 as a row
var polyFeatures = xPoly.pow(powers) / torch.tensor(factorials, ScalarType.Float32);   // xⁱ / i!, shape (200, 20)
var polyLabels = polyFeatures.matmul(trueWPoly) + 0.1 * torch.randn(nTrain + nTest, 1);
Console.WriteLine($"features {string.Join("×", polyFeatures.shape)}, labels {string.Join("×", polyLabels.shape)}");
for (int i = 0; i < 2; i++)
    Console.WriteLine($"x = {xPoly[i, 0].item<float>(),7:F4}: features [{string.Join(", ", polyFeatures[i, ..5].data<float>().Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}, …], y = {polyLabels[i, 0].item<float>():F4}");
Console.WriteLine($"largest |feature| per degree: {string.Join(" ", polyFeatures.abs().max(0).values.data<float>().Select(v => v.ToString("G2", CultureInfo.InvariantCulture)))}");

// The first rows show the features of one x: 1, x, x²/2, x³/6, … The last line is the largest absolute value of each feature over the
// 200 examples: from about 6.6 for x³/3! it falls to 1.1·10⁻⁷ for x¹⁹/19!. Keep that in mind — a weight on a feature that small hardly
// changes the output, and its gradient is just as small.
//
// ## Training, validation and test sets (训练集、验证集、测试集)
//
// The notes divide the data into three parts: "训练集用于调整模型参数，验证集用于训练过程中识别模型是否过拟合（或欠拟合），测试集用于测试模型的最终效果"
// — the training set adjusts the parameters, the validation set detects over- or underfitting during development, the test set
// measures the final result. In d2l's terms: the loss on the training set is the training error (训练误差); what we care about is the
// generalization error (泛化误差), the expected loss on new examples from the same distribution, which a held-out set estimates.
//
// Each set earns its role by what it has *not* been used for. The weights were fitted to the training set, so its loss is optimistic.
// Every choice we make by looking at the validation set — the number of features, the penalty λ, the number of epochs — fits the
// model a little to it too, so after many choices its loss is optimistic as well. The test set is looked at once, at the very end,
// and is the only honest estimate.
//
// With only 100 examples, setting 20 of them aside for validation is expensive. K-fold cross-validation (K 折交叉验证, d2l 4.4) reuses
// them: cut the training data into K folds, train K times, each time validating on one fold and training on the other K − 1, and average
// the K validation losses. A split, from scratch (shuffle once, then cut into K consecutive pieces):

List<(long[] Train, long[] Valid)> KFold(long n, int k, long seed = 0)
{
    var order = torch.randperm(n, generator: new torch.Generator((ulong)seed)).data<long>().ToArray();  // shuffle once
    var folds = new List<(long[] Train, long[] Valid)>();
    for (int i = 0; i < k; i++)
    {
        int start = (int)(n * i / k), end = (int)(n * (i + 1) / k);          // fold sizes differ by at most 1
        folds.Add((order[..start].Concat(order[end..]).ToArray(), order[start..end]));
    }
    return folds;
}

foreach (var (train, valid) in KFold(10, 5))
    Console.WriteLine($"validate on [{string.Join(", ", valid)}]   train on [{string.Join(", ", train)}]");
var folds100 = KFold(nTrain, 5);
var timesValidated = folds100.SelectMany(f => f.Valid).GroupBy(i => i).Select(g => g.Count()).Distinct();
Console.WriteLine($"n = 100, K = 5: fold sizes {string.Join(", ", folds100.Select(f => f.Valid.Length))}; every example validated exactly once: {folds100.SelectMany(f => f.Valid).Distinct().Count() == nTrain && timesValidated.SequenceEqual(new[] { 1 })}");

// With 10 examples and K = 5, each run validates on 2 examples and trains on the other 8, and the five validation folds together
// contain every example exactly once. For our 100 training examples the folds have 20 each. We use these folds below to choose the
// model's size without touching the test set.
//
// ## Underfitting and overfitting (欠拟合与过拟合): the polynomial experiment
//
// The notes define both:
//
// - 过拟合 (overfitting): "在验证集上表现较差，模型泛化能力不足，原因是自由度过高，比如参数量过大、权重取值范围过大，还有样本数量过少" — the model does
//   poorly on the validation set and generalizes badly, because it has too many degrees of freedom: too many parameters, weights of too
//   large a range, too few examples.
// - 欠拟合 (underfitting): "损失函数无法收敛，模型表达能力不足，可以考虑增加参数量提升复杂度" — the loss cannot converge, the model is not
//   expressive enough; add parameters to raise its complexity.
//
// We check each of these statements below. First d2l's training: a linear layer without bias (feature 0 is the bias) on the first
// `nFeatures` features, mean squared error, SGD with learning rate 0.01, minibatches of min(10, n) = 10, 400 epochs (d2l trains the 20-feature model
// for 1500; we keep 400 for all three fits, and the least-squares fits further down show where longer training leads); train and test loss
// are recorded at the first epoch and every 20th. The same seed starts every fit, so a re-run gives the same numbers.
//
// With 4 features the model has exactly the form of the truth:

// record PolyFit: declared at the end of this file (a program declares its types after its statements).

PolyFit FitPolynomial(int nFeatures, int numEpochs = 400, int evalEvery = 20)
{
    var trainX = polyFeatures[..nTrain, ..nFeatures]; var trainY = polyLabels[..nTrain];
    var testX = polyFeatures[nTrain.., ..nFeatures];  var testY = polyLabels[nTrain..];
    torch.manual_seed(1);                                           // the same start on every re-run
    var net = nn.Linear(nFeatures, 1, hasBias: false);              // the bias is feature 0 (x⁰ / 0! = 1)
    var loss = nn.MSELoss();
    var trainer = torch.optim.SGD(net.parameters(), 0.01);
    var batches = Minibatches.DataIter(Math.Min(10, nTrain), trainX, trainY, shuffle: true, seed: 1);
    var fit = new PolyFit(nFeatures, null, new(), new(), new());
    for (int epoch = 1; epoch <= numEpochs; epoch++)
    {
        foreach (var (X, y) in batches)
        {
            using var scope = torch.NewDisposeScope();
            scope.Attach(X, y);
            var l = loss.forward(net.forward(X), y);
            trainer.zero_grad();
            l.backward();
            trainer.step();
        }
        if (epoch == 1 || epoch % evalEvery == 0)
            using (torch.no_grad())
            {
                fit.Epochs.Add(epoch);
                fit.TrainLoss.Add(loss.forward(net.forward(trainX), trainY).item<float>());
                fit.TestLoss.Add(loss.forward(net.forward(testX), testY).item<float>());
            }
    }
    return fit with { Weights = net.weight!.detach().flatten().data<float>().ToArray() };
}

var fitTimer = System.Diagnostics.Stopwatch.StartNew();
var normal = FitPolynomial(4);
Console.WriteLine($"4 features (degree 3, the true form): train loss {normal.TrainLoss[^1]:F5}, test loss {normal.TestLoss[^1]:F5} ({fitTimer.Elapsed.TotalSeconds:F1} s)");
Console.WriteLine($"weights [{string.Join(", ", normal.Weights.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}]   true [5, 1.2, -3.4, 5.6]");

// Four features recover the true weights to about 0.004 ([4.9969, 1.1962, −3.4039, 5.6004] against [5, 1.2, −3.4, 5.6]), and both
// losses sit at the noise level: the training loss 0.0099 and the test loss 0.0126 are close to σ² = 0.01, the loss even the true
// polynomial has. This is a good fit.
//
// With 2 features the model is a straight line, w₀ + w₁x, and cannot bend:

var under = FitPolynomial(2);
Console.WriteLine($"2 features (a straight line): train loss {under.TrainLoss[^1]:F4}, test loss {under.TestLoss[^1]:F4}");
Console.WriteLine($"weights [{string.Join(", ", under.Weights.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"train loss at epochs 100, 200, 300, 400: {string.Join(", ", new[] { 100, 200, 300, 400 }.Select(e => under.TrainLoss[under.Epochs.IndexOf(e)].ToString("F4", CultureInfo.InvariantCulture)))}");

// The best line it finds is y ≈ 3.53 + 3.67x. Its training loss is 5.34 — more than 500 times the noise level — and its test loss 10.68 is worse still. That is underfitting:
// the model cannot even fit the data it was trained on.
//
// **Where the notes are loose.** The notes say an underfit model's "损失函数无法收敛" (loss cannot converge). The losses printed at epochs
// 100, 200, 300 and 400 show that it does converge: it stops changing at about 5.34. What marks underfitting is *where* it converges —
// far above the noise level — because no straight line fits a cubic. The notes' remedy (more parameters) is right: the 4-feature model
// above is that remedy.
//
// With all 20 features the model can represent polynomials up to degree 19. The learned weights next to the true ones:

var over = FitPolynomial(maxDegree);
Console.WriteLine($"20 features (degree 19): train loss {over.TrainLoss[^1]:F5}, test loss {over.TestLoss[^1]:F5}");
Console.WriteLine($"{"i",3}{"true",9}{"4 features",12}{"20 features",13}");
for (int i = 0; i < maxDegree; i++)
    Console.WriteLine($"{i,3}{trueWeights[i],9:F4}{(i < 4 ? normal.Weights[i].ToString("F4", CultureInfo.InvariantCulture) : ""),12}{over.Weights[i],13:F4}");

// The 20-feature model puts weight where the truth has none (w₅ = 1.46, w₁₈ = 0.20) and misses the true ones (w₃ = 4.92 instead of 5.6).
// Its test loss 0.0216 is higher than the 4-feature model's 0.0126. But its *training* loss, 0.0186, is higher too — not what overfitting
// looks like. The curves of all three fits (solid: train, dashed: test, log scale) show why:

var palette = new[] { "#1f77b4", "#d62728", "#2ca02c" };
var fits = new[] { (under, "2 features (underfit)"), (normal, "4 features (right)"), (over, "20 features") };
var traces = fits.SelectMany((f, i) => new[] {
    Chart.Line<double, double, string>(f.Item1.Epochs, f.Item1.TrainLoss, Name: $"{f.Item2}: train", LineColor: Color.fromString(palette[i])),
    Chart.Line<double, double, string>(f.Item1.Epochs, f.Item1.TestLoss, Name: $"{f.Item2}: test (dashed)", LineColor: Color.fromString(palette[i]),
        LineDash: StyleParam.DrawingStyle.Dash) });
display(Chart.Combine(traces)
    .WithXAxisStyle<double, double, string>(TitleText: "epoch")
    .WithYAxisStyle<double, double, string>(TitleText: "mean squared error (log scale)", AxisType: StyleParam.AxisType.Log)
    .WithSize(760, 420));

// The 2-feature curves flatten far above the others (underfit, converged). The 4-feature curves fall to the noise level by about epoch 200
// (training loss 0.0109 at epoch 200, 0.0099 from epoch 280 on). The 20-feature curves fall more slowly: the training loss is still falling at epoch 400 (0.0195 at epoch 380, 0.0186 at 400), so SGD
// has not finished, while the test loss has levelled off at about 0.0215. The features x⁴/4! … x¹⁹/19!
// are tiny (down to 10⁻⁷, see above), so the gradients of their weights are tiny as well, and in 400 epochs those weights move little
// from where they started. Stopping early keeps this model from using its freedom — early stopping acts as a regularizer. (d2l trains this model for
// 1500 epochs instead and describes its test loss as "still much higher" than the training loss; we have not run that here.)
//
// To see what 20 features *can* do, we need the model fitted to the end. For a linear model that is one step: the least-squares solution
// of notebook 07 (here through the pseudo-inverse `torch.linalg.pinv`, in float64), the minimum of the training loss that SGD is descending towards.
//
// ## Model complexity and the generalization gap
//
// For every number of features from 1 to 20: fit by least squares on the 100 training examples, and report the training loss, the
// 5-fold cross-validation loss (computed from the training examples only, with the folds made above), and the test loss. The difference
// test − train is the generalization gap.

var polyF64 = polyFeatures.to_type(ScalarType.Float64); var polyY64 = polyLabels.to_type(ScalarType.Float64);
double Mse(Tensor X, Tensor y, Tensor w) => (X.matmul(w) - y).pow(2).mean().item<double>();
Tensor LeastSquares(Tensor X, Tensor y) => torch.linalg.pinv(X).matmul(y);     // the least-squares minimizer (smallest-norm one if several)

var degrees = Enumerable.Range(1, maxDegree).ToArray();
var sweepTrain = new double[maxDegree]; var sweepTest = new double[maxDegree]; var sweepCv = new double[maxDegree];
foreach (int d in degrees)
{
    var Xtr = polyF64[..nTrain, ..d]; var ytr = polyY64[..nTrain];
    var w = LeastSquares(Xtr, ytr);
    sweepTrain[d - 1] = Mse(Xtr, ytr, w);
    sweepTest[d - 1] = Mse(polyF64[nTrain.., ..d], polyY64[nTrain..], w);
    sweepCv[d - 1] = folds100.Average(f =>                          // 5-fold cross-validation inside the training set
    {
        var tr = torch.tensor(f.Train); var va = torch.tensor(f.Valid);
        var wf = LeastSquares(Xtr.index_select(0, tr), ytr.index_select(0, tr));
        return Mse(Xtr.index_select(0, va), ytr.index_select(0, va), wf);
    });
}
Console.WriteLine($"{"features",8}{"train MSE",12}{"5-fold CV",12}{"test MSE",12}{"gap",12}");
foreach (int d in degrees)
    Console.WriteLine($"{d,8}{sweepTrain[d - 1],12:G4}{sweepCv[d - 1],12:G4}{sweepTest[d - 1],12:G4}{sweepTest[d - 1] - sweepTrain[d - 1],12:G4}");
int bestByCv = degrees[Array.IndexOf(sweepCv, sweepCv.Min())];
Console.WriteLine($"numerical rank of the 100 × 20 feature matrix in float64: {torch.linalg.matrix_rank(polyF64[..nTrain]).item<long>()}");
Console.WriteLine($"cross-validation picks {bestByCv} features; its test MSE {sweepTest[bestByCv - 1]:G4}");

// Reading down the table:
//
// - 1 to 3 features underfit: the training loss is 5 or more, and so is the test loss.
// - 4 features (the true degree) bring the training loss to 0.0099 and the test loss to 0.0126, a gap of 0.003.
// - From there on the training loss keeps falling slowly (to 0.0078) — more features can only fit the training data better — while the
//   test loss grows, if not at every step (326 at 14 features, 212 at 15): 0.017 at 7 features, 0.069 at 12, 5.5 at 13, and tens of thousands from 17 on. The gap grows with the number of
//   parameters. This confirms the notes' first cause, 参数量过大 (too many parameters), in the sense that matters: too many *for 100 examples*.
// - Cross-validation sees the same thing without looking at the test set: its loss is lowest at 5 features (0.0119), with 4 features (0.0126) a
//   close second; it is already 0.15 at 7 features and explodes from 12 on (214). It picks 5 features, whose test loss 0.0131 is within 0.0005 of the true model's. With 100 noisy
//   examples, a fifth weight whose true value is 0 costs almost nothing; CV cannot tell the two apart reliably, and does not need to.
//
// (The rows for 17 to 20 features are nearly the same fit. With features as small as 10⁻⁷ next to features of size 6, the numerical
// rank of the 100 × 20 feature matrix is only 17 even in float64: the last columns are, to 16 digits, combinations of the others.
// `torch.linalg.pinv` — the pseudo-inverse, which gives the least-squares solution of smallest norm — ignores the directions it cannot
// resolve, so these extra features add nothing it can use.)
//
// On a log scale:

var dAxis = degrees.Select(d => (double)d).ToArray();
display(Plots.Plot(dAxis, new[] { new Series("train", sweepTrain, Markers: true), new Series("5-fold cross-validation", sweepCv, Markers: true),
        new Series("test", sweepTest, Markers: true) },
    xLabel: "number of features (polynomial degree + 1)", yLabel: "mean squared error (log scale)",
    title: "Least-squares fits on 100 examples", logY: true));

// The three curves part at 4 features: the training loss stays flat at the noise level while the test and cross-validation losses climb
// by more than six orders of magnitude. The cross-validation curve follows the test curve's shape — that is what makes it useful for
// choosing a model.
//
// ## How many examples: "样本数量过少"
//
// The notes' third cause is too few examples. Keep the model fixed and vary the training set: 2000 new examples, the first n (from 25 to
// 1000) for training and the last 1000 for testing, with the 4-feature model and the 20-feature model, both fitted by least squares.

torch.manual_seed(5);
var xPool = torch.randn(2000, 1);
var poolFeatures = (xPool.pow(powers) / torch.tensor(factorials, ScalarType.Float32)).to_type(ScalarType.Float64);
var poolLabels = poolFeatures.matmul(trueWPoly.to_type(ScalarType.Float64)) + 0.1 * torch.randn(2000, 1, dtype: ScalarType.Float64);
var (bigTestX, bigTestY) = (poolFeatures[1000..], poolLabels[1000..]);      // 1000 test examples, never trained on
int[] sizes = { 25, 30, 40, 50, 70, 100, 150, 200, 300, 500, 1000 };
var sizeCurves = new Dictionary<string, double[]>();
foreach (int d in new[] { 4, 20 })
{
    var tr = new double[sizes.Length]; var te = new double[sizes.Length];
    for (int j = 0; j < sizes.Length; j++)
    {
        var X = poolFeatures[..sizes[j], ..d]; var y = poolLabels[..sizes[j]];
        var w = LeastSquares(X, y);
        tr[j] = Mse(X, y, w); te[j] = Mse(bigTestX[.., ..d], bigTestY, w);
    }
    sizeCurves[$"{d} features: train"] = tr; sizeCurves[$"{d} features: test"] = te;
}
Console.WriteLine($"{"n",6}" + string.Concat(sizeCurves.Keys.Select(k => $"{k,22}")));
for (int j = 0; j < sizes.Length; j++)
    Console.WriteLine($"{sizes[j],6}" + string.Concat(sizeCurves.Values.Select(v => $"{v[j],22:G4}")));
display(Plots.Plot(sizes.Select(s => (double)s).ToArray(), sizeCurves.Select(kv => new Series(kv.Key, kv.Value, Markers: true)).ToArray(),
    xLabel: "training examples n (log scale)", yLabel: "mean squared error (log scale)", title: "More data narrows the gap", logX: true, logY: true));

// The 4-feature model generalizes from 25 examples on: its test loss is 0.0117 at n = 25 and 0.0099 at n = 1000, always within 0.002 of
// its training loss. The 20-feature model fits its training data *better* than the true model at every n (training loss 0.0062 at
// n = 25), and is catastrophic on new data until the data is plentiful: its test loss is 4·10¹⁰ at n = 25, still 276 at n = 500, and
// 1.7 at n = 1000 — ten orders of magnitude better, and still 170 times the true model's 0.0099. (The path is not smooth: a degree-19 polynomial explodes outside the range of x it was fitted on, so a
// test x a little beyond the training sample's extremes costs enormously, and whether that happens depends on which examples were drawn.)
// So "样本数量过少" is a cause in the same sense as "参数量过大": what matters is the number of parameters *relative to* the number of
// examples.
//
// ## Regularization (正则化): weight decay
//
// The notes: "为了限制权重取值范围，防止过拟合，使用正则化让所有权重更趋向于 0" — to limit the range of the weights and prevent overfitting,
// regularization pulls all weights towards 0 — by adding "参数与 0 的距离" (the parameters' distance from 0) to the loss as a penalty.
// With the squared L2 norm this is weight decay (权重衰减), d2l 4.5:
//
// $$L(\mathbf w, b) + \frac{\lambda}{2}\|\mathbf w\|_2^2 .$$
//
// The notes add that any fixed target would do, "比如 1". That is true — a penalty λ/2·‖**w** − **w**₀‖² pulls towards **w**₀ — but 0 is
// not chosen because it is easier to compute with: it is the choice that says "without evidence, a feature should have no effect".
//
// d2l's demonstration makes overfitting easy: 200 features, only 20 training examples (and 100 for testing), labels
// y = 0.05 + Σᵢ 0.01·xᵢ + noise of standard deviation 0.01. The data comes from `Synthetic.SyntheticData`, notebook 07's `SyntheticData`:

int numInputs = 200, nTrainWd = 20, nTestWd = 100, batchSizeWd = 5;
double trueBWd = 0.05;
torch.manual_seed(0);
var (trainXWd, trainYWd) = Synthetic.SyntheticData(torch.full(numInputs, 0.01f), trueBWd, nTrainWd);
var (testXWd, testYWd) = Synthetic.SyntheticData(torch.full(numInputs, 0.01f), trueBWd, nTestWd);
Console.WriteLine($"train X {string.Join("×", trainXWd.shape)}, test X {string.Join("×", testXWd.shape)}: {numInputs + 1} parameters, {nTrainWd} training examples");

// 201 parameters and 20 examples: the training data can be fitted exactly in countless ways. From scratch, as d2l does: weights from
// N(0, 1), bias 0, the squared loss of notebook 07 plus λ times the penalty, minibatch SGD (`Optimizers.Sgd`, notebook 07's `Sgd`) with
// learning rate 0.003 and batches of 5, 100 epochs. The function takes the penalty as an argument, so the L1 penalty can use it later; it
// records the losses and ‖**w**‖₂ every 5 epochs. λ = 0 against d2l's λ = 3:

Tensor LinReg(Tensor X, Tensor w, Tensor b) => X.matmul(w) + b;
Tensor SquaredLoss(Tensor yHat, Tensor y) => (yHat - y.reshape(yHat.shape)).pow(2) / 2;
Tensor L2Penalty(Tensor w) => w.pow(2).sum() / 2;
Tensor L1Penalty(Tensor w) => w.abs().sum();
// record PenaltyRun: declared at the end of this file (a program declares its types after its statements).

PenaltyRun TrainWithPenalty(double lambd, Func<Tensor, Tensor> penalty, int numEpochs = 100, double lr = 0.003, bool zeroInit = false)
{
    torch.manual_seed(2);
    var w = (zeroInit ? torch.zeros(numInputs, 1) : torch.normal(0, 1, new long[] { numInputs, 1 })).requires_grad_();   // d2l: N(0, 1)
    var b = torch.zeros(1).requires_grad_();
    var batches = Minibatches.DataIter(batchSizeWd, trainXWd, trainYWd, shuffle: true, seed: 2);
    var run = new PenaltyRun(lambd, null, new(), new(), new(), new());
    for (int epoch = 1; epoch <= numEpochs; epoch++)
    {
        foreach (var (X, y) in batches)
        {
            using var scope = torch.NewDisposeScope();
            scope.Attach(X, y);
            var l = SquaredLoss(LinReg(X, w, b), y) + lambd * penalty(w);   // the penalty joins every example's loss
            l.sum().backward();
            Optimizers.Sgd(new[] { w, b }, lr, (int)X.shape[0]);
        }
        if (epoch == 1 || epoch % 5 == 0)
            using (torch.no_grad())
            {
                run.Epochs.Add(epoch);
                run.TrainLoss.Add(SquaredLoss(LinReg(trainXWd, w, b), trainYWd).mean().item<float>());
                run.TestLoss.Add(SquaredLoss(LinReg(testXWd, w, b), testYWd).mean().item<float>());
                run.WNorm.Add(w.norm().item<float>());
            }
    }
    return run with { W = w.detach().flatten().data<float>().ToArray() };
}

var noDecay = TrainWithPenalty(0, L2Penalty);
var decay3 = TrainWithPenalty(3, L2Penalty);
foreach (var r in new[] { noDecay, decay3 })
    Console.WriteLine($"λ = {r.Lambda}: train loss {r.TrainLoss[^1]:G4}, test loss {r.TestLoss[^1]:G4}, ‖w‖ = {r.WNorm[^1]:F4}");

// Without the penalty the training loss falls to 1.3·10⁻⁵ — the 20 examples are fitted almost perfectly — and the test loss is 87.5:
// severe overfitting. With λ = 3 the training loss is higher (7.2·10⁻⁴) and the test loss is 0.084, a thousand times lower. The weights
// tell the story: ‖**w**‖₂ = 11.92 without the penalty and 0.32 with it (the true **w** has ‖**w**‖₂ = 0.01·√200 ≈ 0.14). The exact
// values depend on the random draws, so running d2l's code gives other ones.
//
// The curves (solid: train, dashed: test) and ‖**w**‖ over the epochs:

GenericChart Curves(double[] x, IEnumerable<(string Name, double[] Y, string Color, bool Dashed)> curves, string xTitle, string yTitle, bool logY = true) =>
    Chart.Combine(curves.Select(c => Chart.Line<double, double, string>(x, c.Y, Name: c.Name, LineColor: Color.fromString(c.Color),
            LineDash: c.Dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid)))
        .WithXAxisStyle<double, double, string>(TitleText: xTitle)
        .WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: logY ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
        .WithSize(700, 380);

var wdEpochs = noDecay.Epochs.ToArray();
display(Curves(wdEpochs, new[] {
    ("λ = 0: train", noDecay.TrainLoss.ToArray(), palette[1], false), ("λ = 0: test (dashed)", noDecay.TestLoss.ToArray(), palette[1], true),
    ("λ = 3: train", decay3.TrainLoss.ToArray(), palette[0], false), ("λ = 3: test (dashed)", decay3.TestLoss.ToArray(), palette[0], true) },
    "epoch", "squared loss ½(ŷ − y)² (log scale)"));
display(Curves(wdEpochs, new[] { ("λ = 0", noDecay.WNorm.ToArray(), palette[1], false), ("λ = 3", decay3.WNorm.ToArray(), palette[0], false) },
    "epoch", "‖w‖₂", logY: false));

// Without the penalty the training loss keeps falling while the test loss stays high: the gap opens within the first 40 epochs and then
// stays at about 87.5. With λ = 3 the training loss levels off at about 7·10⁻⁴ by epoch 60, while the test loss keeps falling all the
// way to 0.084 at epoch 100. The second chart shows the mechanism: ‖**w**‖ starts near √200 ≈ 14 (200 weights from N(0, 1)); without the
// penalty it stays there (12.9 after the first epoch, 11.9 at the end), and only with the penalty does it shrink towards 0 (12.4 after
// the first epoch, 0.32 at the end) — each step multiplies **w** by (1 − lr·λ) before the data's gradient acts, which is where the name
// weight *decay* comes from.
//
// The notes ask "为什么权重取值范围过大会导致过拟合？" (why do weights of too large a range cause overfitting?) and answer that a few large
// weights let their features dominate the output. Sweeping λ shows the link between the size of the weights and the gap:

double[] lambdas = { 0, 0.3, 1, 3, 10 };
Console.WriteLine($"{"λ",6}{"train loss",12}{"test loss",12}{"gap",12}{"‖w‖",9}");
foreach (var lam in lambdas)
{
    var r = TrainWithPenalty(lam, L2Penalty);
    Console.WriteLine($"{lam,6}{r.TrainLoss[^1],12:G4}{r.TestLoss[^1],12:G4}{r.TestLoss[^1] - r.TrainLoss[^1],12:G4}{r.WNorm[^1],9:F4}");
}

// As λ grows from 0 to 10, ‖**w**‖ falls from 11.9 to 0.023 and the gap between test and training loss falls with it, from 87 to 0.008,
// monotonically. The training loss rises a little (from 1.3·10⁻⁵ to 0.0019) — the penalty keeps the model from fitting the training data
// perfectly — and that is the price of a test loss 9000 times lower. Large weights and overfitting go together, as the notes say.
// Too much penalty would underfit; here even λ = 10 is not too much, because the true weights are tiny. For scale: predicting with
// **w** = 0 and the true bias has an expected test loss of ½(200·0.01² + 0.01²) ≈ 0.010, so with 20 examples for 200 weights the best
// λ here does about as well as ignoring the features — the penalty's win is in not being led astray by them.
//
// ### Weight decay, concisely (简洁实现)
//
// `torch.optim.SGD` has a `weight_decay` argument: at every step it adds `weight_decay · w` to the gradient, which is the gradient of
// weight_decay/2 · ‖**w**‖². d2l decays only the weights, not the bias — a bias shifts the output and says nothing about how strongly any
// feature matters. For that the optimizer takes *parameter groups* with their own options: one group for the weight with `weight_decay`,
// one for the bias without. In TorchSharp a group is a `TorchSharp.Modules.SGD.ParamGroup` with `SGD.Options` (one C# trap: its other
// constructor, with plain numbers, defaults the learning rate to 0.001; giving `Options` leaves the learning rate to the optimizer).

(double TrainLoss, double TestLoss, double WNorm) TrainConcise(double wd, int numEpochs = 100)
{
    torch.manual_seed(2);
    var net = nn.Linear(numInputs, 1);
    using (torch.no_grad()) foreach (var p in net.parameters()) p.normal_();
    var loss = nn.MSELoss();
    var trainer = torch.optim.SGD(new[] {
        new TorchSharp.Modules.SGD.ParamGroup(new[] { net.weight! }, new TorchSharp.Modules.SGD.Options { weight_decay = wd }),
        new TorchSharp.Modules.SGD.ParamGroup(new[] { net.bias! }, new TorchSharp.Modules.SGD.Options()) }, 0.003);  // bias: no decay
    if (wd > 0)
        Console.WriteLine("parameter groups: " + string.Join(", ", trainer.ParamGroups.Cast<TorchSharp.Modules.SGD.ParamGroup>().Select(g =>
            $"{g.Parameters.Sum(p => p.numel())} value(s) with weight_decay {g.Options.weight_decay}")));
    var batches = Minibatches.DataIter(batchSizeWd, trainXWd, trainYWd, shuffle: true, seed: 2);
    for (int epoch = 1; epoch <= numEpochs; epoch++)
        foreach (var (X, y) in batches)
        {
            using var scope = torch.NewDisposeScope();
            scope.Attach(X, y);
            trainer.zero_grad();
            loss.forward(net.forward(X), y).backward();
            trainer.step();
        }
    using (torch.no_grad())
        return (loss.forward(net.forward(trainXWd), trainYWd).item<float>(), loss.forward(net.forward(testXWd), testYWd).item<float>(),
            net.weight!.norm().item<float>());
}
foreach (var wd in new[] { 0.0, 3.0 })
{
    var r = TrainConcise(wd);
    Console.WriteLine($"weight_decay = {wd}: train MSE {r.TrainLoss:G4}, test MSE {r.TestLoss:G4}, ‖w‖ = {r.WNorm:F4}");
}

// The concise version reproduces the picture: without weight decay the training MSE is 7.5·10⁻¹² and the test MSE 113; with
// `weight_decay = 3` the test MSE is 0.10 and ‖**w**‖ = 0.33, against 12.2 without. The numbers differ from the scratch version because
// `nn.Linear` draws other initial weights and `MSELoss` has no ½ (so its gradient is twice the scratch loss's, and the same λ = 3 is
// relatively half as strong). The line "parameter groups", printed from the optimizer's own groups, confirms that the 200 weights
// decay and the bias does not.
//
// Is `weight_decay` really the L2 penalty? One step each way from the same weights, on the same batch: (a) the optimizer with
// `weight_decay = 3`, (b) plain SGD on MSE + 3/2·‖**w**‖² written out:

var probe = nn.Linear(numInputs, 1);
var start = probe.weight!.detach().clone();
var (xb, yb) = (trainXWd[..5], trainYWd[..5]);
var optA = torch.optim.SGD(new[] { probe.weight! }, 0.003, weight_decay: 3);
optA.zero_grad();
nn.functional.mse_loss(probe.forward(xb), yb).backward();
optA.step();
var afterA = probe.weight!.detach().clone();

using (torch.no_grad()) probe.weight!.copy_(start);
var optB = torch.optim.SGD(new[] { probe.weight! }, 0.003);
optB.zero_grad();
(nn.functional.mse_loss(probe.forward(xb), yb) + 3.0 / 2 * probe.weight!.pow(2).sum()).backward();
optB.step();
Console.WriteLine($"largest difference between the two updated weights: {(afterA - probe.weight!.detach()).abs().max().item<float>():G3}");

// The two updates are identical (largest difference 0): `weight_decay = λ` is exactly the penalty λ/2·‖**w**‖² added to the loss.
//
// ## L1 versus L2
//
// The notes explain why L2 is used rather than L1 with the vector [0.1, 0.01, 3]: "L1 范数平方为 3.11，L2 范数平方为 9.010001"
// (the squared L1 norm is 3.11, the squared L2 norm is 9.010001), so squaring magnifies the outlier 3. Computing both norms and their squares:

var v = torch.tensor(new double[] { 0.1, 0.01, 3 });
double l1 = v.abs().sum().item<double>(), l2Squared = v.pow(2).sum().item<double>();
Console.WriteLine($"L1 norm ‖v‖₁ = {l1:G6}      its square ‖v‖₁² = {l1 * l1:G6}");
Console.WriteLine($"L2 norm ‖v‖₂ = {Math.Sqrt(l2Squared):G6}   its square ‖v‖₂² = {l2Squared:G6}");
Console.WriteLine($"share of the penalty from the 3: L1 {3 / l1:P1}, squared L2 {9 / l2Squared:P2}");

// **Where the notes slip.** 3.11 is the L1 norm itself, 0.1 + 0.01 + 3 — its square would be 9.6721. And the squared L2 norm is
// 0.1² + 0.01² + 3² = 0.01 + 0.0001 + 9 = **9.0101**: 0.01² is 0.0001, not 0.000001 (the notes' 9.010001 squares 0.001 instead). The point
// the notes make survives, and is sharper in shares than in totals: the 3 contributes 96.5 % of the L1 penalty but 99.89 % of the squared
// L2 penalty.
//
// The gradients say even more, because they are what training feels. From autograd:

var vGrad = v.clone().requires_grad_();
vGrad.abs().sum().backward();
Console.WriteLine($"∂‖v‖₁/∂v      = [{string.Join(", ", vGrad.grad!.data<double>())}]");
vGrad.grad!.zero_();
(vGrad.pow(2).sum() / 2).backward();
Console.WriteLine($"∂(½‖v‖₂²)/∂v  = [{string.Join(", ", vGrad.grad!.data<double>())}]");

// The L1 penalty pushes every weight towards 0 with the same force, 1 (times λ), whether it is 0.01 or 3. The L2 penalty pushes each
// weight in proportion to its size: 3 for the large weight, 0.01 for the small one. So under L2 the large weight is pushed down hard
// while the small ones are almost left alone — the notes' "迫使第三个权重需要再降低，然后第一和第二权重可以适当提高" in gradient form — and
// no weight is ever pushed all the way to 0, since the push vanishes as the weight does. Under L1 a small weight is pushed as hard as a
// large one, so small weights reach 0.
//
// ### Why L1's corners give zeros
//
// Minimizing loss + penalty is, for a suitable radius, the same as minimizing the loss inside a ball ‖**w**‖ ≤ r. Take a loss whose
// contours are ellipses around its minimum (2, 0.8) and find the point of the unit ball where the loss is smallest — where the lowest
// contour touches the ball. Both axes have the same scale here, so the shapes are true:

var c = (X: 2.0, Y: 0.8); var A = (X: 2.0, Y: 1.0);                   // loss (w − c)ᵀ diag(A) (w − c), smallest at c
double Loss2(double x, double y) => A.X * (x - c.X) * (x - c.X) + A.Y * (y - c.Y) * (y - c.Y);
var thetas = Enumerable.Range(0, 720).Select(i => 2 * Math.PI * i / 720).ToArray();
(double X, double Y) OnL1(double t) { double x = Math.Cos(t), y = Math.Sin(t), s = Math.Abs(x) + Math.Abs(y); return (x / s, y / s); }
(double X, double Y) OnL2(double t) => (Math.Cos(t), Math.Sin(t));
var bestL1 = thetas.Select(OnL1).MinBy(p => Loss2(p.X, p.Y));
var bestL2 = thetas.Select(OnL2).MinBy(p => Loss2(p.X, p.Y));
Console.WriteLine($"on the L1 ball the loss is smallest at ({bestL1.X:F3}, {bestL1.Y:F3}); on the L2 ball at ({bestL2.X:F3}, {bestL2.Y:F3})");

GenericChart Curve(IEnumerable<(double X, double Y)> pts, string name, string color, bool dashed = false) =>
    Chart.Line<double, double, string>(pts.Select(p => p.X), pts.Select(p => p.Y), Name: name, LineColor: Color.fromString(color),
        LineDash: dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid);
IEnumerable<(double X, double Y)> Level(double value) => thetas.Append(0).Select(t => (c.X + Math.Sqrt(value / A.X) * Math.Cos(t), c.Y + Math.Sqrt(value / A.Y) * Math.Sin(t)));
var geometry = Chart.Combine(new[] {
        Curve(thetas.Append(0).Select(OnL1), "L1 ball ‖w‖₁ = 1", palette[1]),
        Curve(thetas.Append(0).Select(OnL2), "L2 ball ‖w‖₂ = 1", palette[0]),
        Curve(Level(Loss2(bestL1.X, bestL1.Y)), "loss contour touching the L1 ball", palette[1], dashed: true),
        Curve(Level(Loss2(bestL2.X, bestL2.Y)), "loss contour touching the L2 ball", palette[0], dashed: true),
        Chart.Point<double, double, string>(new[] { c.X, bestL1.X, bestL2.X }, new[] { c.Y, bestL1.Y, bestL2.Y }, Name: "loss minimum; touching points",
            MarkerColor: Color.fromString("black")) })
;
DynamicObj.DynamicObj AxisJson(string title, bool anchorToX)          // plotly.js axis settings: title, range, and for y the same scale as x
{
    var axis = new DynamicObj.DynamicObj();
    var titleObj = new DynamicObj.DynamicObj(); titleObj.SetProperty("text", title);
    axis.SetProperty("title", titleObj);
    axis.SetProperty("range", new[] { -1.5, 3.5 });
    if (anchorToX) { axis.SetProperty("scaleanchor", "x"); axis.SetProperty("scaleratio", 1); }
    return axis;
}
var equalScale = new Layout();
equalScale.SetProperty("xaxis", AxisJson("w₁", false));
equalScale.SetProperty("yaxis", AxisJson("w₂", true));
display(GenericChart.addLayout(equalScale, geometry).WithSize(720, 520));

// The L2 ball is round, so the contour touches it at a point where both weights are non-zero: (0.966, 0.259). The L1 ball is a diamond
// with corners on the axes; the contour meets it first at the corner (1.000, 0.000), where w₂ is exactly 0. A contour touches the round
// L2 ball on an axis only in special cases (e.g. when the loss's minimum itself lies on that axis), but it touches the diamond at a
// corner for a whole range of loss shapes — and in 200 dimensions the
// L1 ball has corners and edges in every direction where some weights are 0. That is why L1 gives sparse solutions (稀疏, many weights exactly 0).
//
// ### The weights each penalty learns
//
// Back to d2l's 200-feature problem. This time both runs start from **w** = 0: the L1 pull is a constant lr·λ per step, and it could not
// undo an N(0, 1) start in 400 steps. λ is chosen per penalty so that both reach about the same test loss (λ = 3 for L2, λ = 0.03 for L1),
// so that we compare *how* they shrink, not how much:

var l2Run = TrainWithPenalty(3, L2Penalty, zeroInit: true);
var l1Run = TrainWithPenalty(0.03, L1Penalty, zeroInit: true);
Console.WriteLine($"{"penalty",-14}{"train loss",11}{"test loss",11}{"|w| < 0.001",13}{"largest |w|",13}{"‖w‖₁",8}{"‖w‖₂",8}");
foreach (var (name, r) in new[] { ("L2, λ = 3", l2Run), ("L1, λ = 0.03", l1Run) })
{
    var a = r.W.Select(Math.Abs).ToArray();
    Console.WriteLine($"{name,-14}{r.TrainLoss[^1],11:F5}{r.TestLoss[^1],11:F5}{a.Count(x => x < 0.001),13}{a.Max(),13:F4}{a.Sum(),8:F3}{r.WNorm[^1],8:F4}");
}
display(Chart.Combine(new[] { (l2Run, "L2 (λ = 3)", palette[0]), (l1Run, "L1 (λ = 0.03)", palette[1]) }.Select(t =>
        Chart.Histogram<double, double, string>(X: t.Item1.W.Select(x => (double)x).ToArray(), Name: t.Item2, MarkerColor: Color.fromString(t.Item3),
            XBins: Plotly.NET.TraceObjects.Bins.init(Start: -0.016, End: 0.016, Size: 0.001))))
    .WithXAxisStyle<double, double, string>(TitleText: "learned weight wᵢ (bins of 0.001; 200 weights per penalty)")
    .WithYAxisStyle<double, double, string>(TitleText: "number of weights")
    .WithSize(720, 380));

// Both runs end at nearly the same test loss (0.0096 with L2, 0.0100 with L1), but with very different weights:
//
// - **L2**: one smooth bump around 0. No weight stands out — the largest is 0.0056 — and 70 of the 200 are below 0.001 only because the
//   bump is narrow (root-mean-square 0.0318/√200 ≈ 0.0022). This is the notes' "L2 正则让各个权重更平均": the weight is spread over all
//   features, none dominates.
// - **L1**: a spike at 0 and a thin tail. 179 of the 200 weights are within 0.001 of 0 (SGD with the L1 subgradient makes a weight hop
//   back and forth across 0 rather than stop on it, so we count |w| < 0.001 instead of exact zeros); the other 21 carry the model, and the
//   largest, 0.0141, is 2.5 times L2's largest.
//
// **Where the notes are loose.** "L1 正则让权重整体更趋于 0" (L1 pulls the weights as a whole towards 0) is half right: ‖**w**‖₁ is smaller under L1
// (0.156 against 0.364), but L1 does not shrink all weights alike — it sets most of them to 0 and lets a few grow *larger* than under L2.
// The word for that is sparse (稀疏): L1 selects features. (The true weights here are all equal, 0.01; with 20 examples neither penalty can
// recover them, and L1's choice of 21 features is one of many that fit the data about equally well.)

// ## Summary
//
// - The training set fits the weights, the validation set (or K-fold cross-validation when data is scarce) judges every choice made during
//   development, and the test set is looked at once, for the final estimate.
// - Underfitting: the training loss itself stays high — it converges, but far above the noise level (the straight line: 5.34 against 0.01).
//   Overfitting: the training loss is low and the test loss much higher — a large generalization gap.
// - The gap grows with the number of parameters and shrinks with the number of examples; what matters is the ratio. Weights of large norm
//   go with a large gap: in d2l's 200-feature problem ‖**w**‖₂ fell from 11.9 to 0.02 and the gap from 87 to 0.008 as λ rose from 0 to 10.
// - Weight decay adds λ/2·‖**w**‖² to the loss; `optim.SGD(…, weight_decay: λ)` does the same, and parameter groups keep the bias undecayed.
// - L2 pushes each weight in proportion to its size: all weights become small, none exactly 0. L1 pushes every weight equally: most become
//   0 and a few stay comparatively large — sparse, because the L1 ball's corners lie on the axes.
// - Corrections to the notes: an underfit model's loss does converge (to a high value); 3.11 is ‖[0.1, 0.01, 3]‖₁, not its square, and
//   ‖[0.1, 0.01, 3]‖₂² = 9.0101, not 9.010001; L1 does not pull all weights towards 0 evenly — it zeroes most of them and keeps a few.
//
// ## Exercises
//
// Each checker prints ⏳ until you replace `null` with your answer, then ✅ or ❌ with a hint.
//
// **Exercise 1 — one step of weight decay by hand.** The weights are **w** = [2, −1], the gradient of the data loss at **w** is [0.5, 0.5],
// the learning rate is 0.1 and the loss carries the penalty λ/2·‖**w**‖² with λ = 3. Give **w** after one gradient step, as a tensor of 2 values.

Tensor answer1 = null; // replace null with your answer
display(Exercises.Notebook10.Exercise1(answer1));

// **Exercise 2 — where λ is chosen.** You try λ = 0, 0.3, 1, 3 and 10 and keep the best. On which data set do you compare them:
// `"training"`, `"validation"` or `"test"`?

string answer2 = null; // replace null with your answer
display(Exercises.Notebook10.Exercise2(answer2));

// **Exercise 3 — K-fold by hand.** Write a function that, for n examples and k folds, returns k arrays of validation indices: every index
// 0 … n−1 in exactly one fold, and fold sizes that differ by at most one (the checker tries several n and k, including n not divisible by k).

Func<int, int, int[][]> answer3 = null; // replace null with your function, e.g. (n, k) => ...
display(Exercises.Notebook10.Exercise3(answer3));

// **Exercise 4 — diagnose three runs.** Three models were trained on data whose label noise has variance 0.01. Their (training loss,
// validation loss) pairs are below. Label each one `"underfit"`, `"good"` or `"overfit"`, in order.

foreach (var (train, valid) in Exercises.Notebook10.Exercise4Runs) Console.WriteLine($"train {train}, validation {valid}");
string[] answer4 = null; // replace null with your three labels, e.g. new[] { "…", "…", "…" }
display(Exercises.Notebook10.Exercise4(answer4));

// The types the lesson declares, from the cells above (a program declares its types after its statements).

record PolyFit(int Features, float[] Weights, List<double> Epochs, List<double> TrainLoss, List<double> TestLoss);

record PenaltyRun(double Lambda, float[] W, List<double> Epochs, List<double> TrainLoss, List<double> TestLoss, List<double> WNorm);
