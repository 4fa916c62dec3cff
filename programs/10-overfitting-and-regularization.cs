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

// # 10 — Overfitting and underfitting, regularization (过拟合与欠拟合, 正则化)
//
// This notebook follows the chapter **过拟合与欠拟合** of the notes with its subsection **正则化** (d2l sections 4.4–4.5). The
// chapter's last subsection, dropout (暂退法), has a notebook of its own (11).
//
// In this notebook you will:
// - say what the training, validation and test sets (训练集、验证集、测试集) are each for and what they assume (i.i.d. data), and split data for K-fold cross-validation;
// - fit d2l's cubic polynomial with the right number of features, too few (underfitting, 欠拟合) and too many (overfitting, 过拟合), read train and test loss curves, and see why plain SGD from a small start overfits far less than the model could;
// - sweep the model's size and the number of training examples and watch the generalization gap open and close, checking the causes of overfitting the notes list;
// - train with weight decay (权重衰减, an L2 penalty) from scratch and with the optimizer's `weight_decay`, watch the weights the data cannot see decay away, and turn a λ knob on the polynomial;
// - compare L1 and L2 penalties: the notes' norm example, the geometry that makes L1 give exact zeros, the weights each penalty learns, and what "L2 makes the model smoother" does and does not mean.

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

int maxDegree = 20, nTrain = 100, nTest = 100;
var trueWeights = new float[maxDegree];
new float[] { 5f, 1.2f, -3.4f, 5.6f }.CopyTo(trueWeights, 0);                  // the rest stay 0
var trueWPoly = torch.tensor(trueWeights).reshape(-1, 1);
var factorials = Enumerable.Range(0, maxDegree).Select(i => Enumerable.Range(1, i).Aggregate(1.0, (a, k) => a * k)).ToArray();

torch.manual_seed(0);
var xPoly = torch.randn(nTrain + nTest, 1);                                     // x ~ N(0, 1), one column
var powers = torch.arange(maxDegree, dtype: ScalarType.Float32).reshape(1, -1);  // 0, 1, …, 19 as a row
var polyFeatures = xPoly.pow(powers) / torch.tensor(factorials, ScalarType.Float32);   // xⁱ / i!, shape (200, 20)
var polyLabels = polyFeatures.mm(trueWPoly) + 0.1 * torch.randn(nTrain + nTest, 1);
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
// That estimate rests on an assumption d2l 4.4 names: the examples are **independent and identically distributed** (i.i.d.,
// 独立同分布) — every example, for training, validation or testing, is drawn independently from one and the same distribution. Then
// examples the model has not seen are a fair sample of what it will meet. Our data are i.i.d. by construction (every x a fresh draw
// from N(0, 1), every label with fresh noise). Real data often are not: a model trained on one hospital's patients and used in another
// hospital meets a different distribution, and no split of its own data can warn about that.
//
// Each set earns its role by what it has *not* been used for. The weights were fitted to the training set, so its loss is optimistic.
// Every choice we make by looking at the validation set — the number of features, the penalty λ, the number of epochs — fits the
// model a little to it too, so after many choices its loss is optimistic as well. The test set is looked at once, at the very end,
// and is the only honest estimate.
//
// This notebook breaks that rule on purpose, and so does d2l. To *show* what a setting does, it compares numbers of features, epochs
// and values of λ by their test loss. d2l says of its own experiments that they work with "what should rightly be called training data
// and validation data, with no true test sets"; the same holds here. A real study makes such comparisons on a validation set or by
// cross-validation, and opens the test set once, for the model it has chosen.
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
// `nFeatures` features, starting from `nn.Linear`'s small random weights, mean squared error, SGD with learning rate 0.01, minibatches
// of min(10, n) = 10, and d2l's epochs: 400 for 4 features (exactly the form of the truth) and for 2 features (a straight line,
// w₀ + w₁x, which cannot bend). Train and test loss are recorded at the first epoch and every 20th; the same seed starts every fit, so
// a re-run gives the same numbers.

// record PolyFit: declared at the end of this file (a program declares its types after its statements).

PolyFit FitPolynomial(int nFeatures, int numEpochs = 400, int evalEvery = 20)
{
    var trainX = polyFeatures[..nTrain, ..nFeatures]; var trainY = polyLabels[..nTrain];
    var testX = polyFeatures[nTrain.., ..nFeatures];  var testY = polyLabels[nTrain..];
    torch.manual_seed(1);                                           // the same start on every re-run
    var net = nn.Linear(nFeatures, 1, hasBias: false);              // the bias is feature 0 (x⁰ / 0! = 1)
    var start = net.weight!.detach().flatten().data<float>().ToArray();   // uniform in ±1/√nFeatures
    var loss = nn.MSELoss();
    var trainer = torch.optim.SGD(net.parameters(), 0.01);
    var batches = Minibatches.DataIter(Math.Min(10, nTrain), trainX, trainY, shuffle: true, seed: 1);
    var fit = new PolyFit(nFeatures, start, null, new(), new(), new());
    for (int epoch = 1; epoch <= numEpochs; epoch++)
    {
        foreach (var (X, y) in batches)
        {
            using var scope = torch.NewDisposeScope();
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
string Weights(IEnumerable<float> w) => "[" + string.Join(", ", w.Select(v => v.ToString("F4", CultureInfo.InvariantCulture))) + "]";

var normal = FitPolynomial(4);
var under = FitPolynomial(2);
Course.Record("4 features", ("train loss", normal.TrainLoss[^1]), ("test loss", normal.TestLoss[^1]));
Console.WriteLine($"   weights {Weights(normal.Weights)}   true [5, 1.2, -3.4, 5.6]");
Course.Record("2 features", ("train loss", under.TrainLoss[^1]), ("test loss", under.TestLoss[^1]));
Console.WriteLine($"   weights {Weights(under.Weights)}");
Console.WriteLine($"   train loss at epochs 100, 200, 300, 400: {string.Join(", ", new[] { 100, 200, 300, 400 }.Select(e => under.TrainLoss[under.Epochs.IndexOf(e)].ToString("F4", CultureInfo.InvariantCulture)))}");

// Four features recover the true weights to about 0.01, and both losses sit at the noise level: training loss ≈ 0.010 and test loss
// ≈ 0.013, close to σ² = 0.01, the loss even the true polynomial has. This is a good fit.
//
// The best straight line is y ≈ 3.5 + 3.7x. Its training loss ≈ 5.3 is more than 500 times the noise level, and its test loss (≈ 11)
// is worse still. That is underfitting: the model cannot even fit the data it was trained on.
//
// **Where the notes are loose.** The notes say an underfit model's "损失函数无法收敛" (loss cannot converge). The losses printed at epochs
// 100, 200, 300 and 400 show that it does converge: it stops changing at about 5.3. What marks underfitting is *where* it converges —
// far above the noise level — because no straight line fits a cubic. The notes' remedy (more parameters) is right: the 4-feature model
// is that remedy.
//
// With all 20 features the model can represent polynomials up to degree 19. d2l trains it for 1500 epochs; the table shows its
// weights at the start and at the end, next to the true ones:

var over = FitPolynomial(maxDegree, numEpochs: 1500);                   // d2l's 1500 epochs for this model
Course.Record("20 features", ("train loss", over.TrainLoss[^1]), ("test loss", over.TestLoss[^1]));
int lowest = over.TestLoss.IndexOf(over.TestLoss.Min());
Course.Record("20 features, lowest test loss", "G4", ("epoch", over.Epochs[lowest]), ("test loss", over.TestLoss[lowest]));
int highest = lowest + over.TestLoss.Skip(lowest).ToList().IndexOf(over.TestLoss.Skip(lowest).Max());
Course.Record("20 features, highest test loss after that", "G4", ("epoch", over.Epochs[highest]), ("test loss", over.TestLoss[highest]));
Console.WriteLine($"{"i",3}{"true",9}{"4 features",12}{"20 features: start",20}{"after 1500 epochs",19}");
for (int i = 0; i < maxDegree; i++)
    Console.WriteLine($"{i,3}{trueWeights[i],9:F4}{(i < 4 ? normal.Weights[i].ToString("F4", CultureInfo.InvariantCulture) : ""),12}{over.Start[i],20:F4}{over.Weights[i],19:F4}");

// After 1500 epochs the 20-feature model puts weight where the truth has none (w₄ ≈ −0.5, w₅ ≈ 1) and misses the true weights
// (w₃ ≈ 5.3 instead of 5.6). Its test loss ends at about twice the 4-feature model's, and it did not get there in a straight line (the
// two lines above): lowest, ≈ 0.021, around epoch 380; then *rising* to ≈ 0.030 around epoch 960 while the training loss kept falling;
// then falling again, slowly, to ≈ 0.027 at epoch 1500. The rise is the overfitting d2l describes ("the test loss is still much
// higher"). But it is mild — and the training loss (≈ 0.012) is still *above* the 4-feature model's, though 20 features can fit the
// training data better than 4. The curves of all three fits (solid: train, dashed: test, log scale):

var fits = new (PolyFit Fit, string Name, string Color)[] { (under, "2 features", "#1f77b4"), (normal, "4 features", "#d62728"), (over, "20 features", "#2ca02c") };
display(Plots.Curves(fits.SelectMany(f => new[] {
        new Curve($"{f.Name}: train", f.Fit.Epochs.ToArray(), f.Fit.TrainLoss.ToArray(), Color: f.Color),
        new Curve($"{f.Name}: test (dashed)", f.Fit.Epochs.ToArray(), f.Fit.TestLoss.ToArray(), Color: f.Color, Dashed: true) }),
    xLabel: "epoch", yLabel: "mean squared error (log scale)", title: "Polynomial fits by minibatch SGD", logY: true, width: 760, height: 420));

// The 2-feature curves flatten far above the others (underfit, converged). The 4-feature curves fall to the noise level within about
// 200 epochs. The 20-feature curves fall more slowly; the test curve bottoms out near
// epoch 380, climbs for the next 600 epochs while the training curve keeps falling, and bends down again for the last 500.
//
// ### Why SGD overfits so little here: implicit regularization
//
// The weight table above holds a clue: from w₁₂ on, the weights after 1500 epochs are where they *started* — w₁₈ ≈ 0.20 is the random initial
// value `nn.Linear` drew, not something learned. The loss is a quadratic bowl in **w**. Along an eigenvector of its curvature matrix
// (the Hessian 2XᵀX/n of the mean squared error) with eigenvalue h, each gradient step of size η shrinks the remaining distance to the
// bottom by the factor 1 − ηh, so after t steps the fraction 1 − (1 − ηh)ᵗ of the way is done. (Minibatches add noise, but on average
// SGD follows the full gradient.) With features from 6.6 down to 10⁻⁷ the curvatures span many orders of magnitude. For the 20-feature
// fit (η = 0.01, 10 steps per epoch):

// In this program the block's epochs is epochs2: cell 22 declares epochs for the whole program.
double Norm(IEnumerable<float> w) => Math.Sqrt(w.Sum(v => (double)v * v));
var X20 = polyFeatures[..nTrain].to_type(ScalarType.Float64);
var curvatures = torch.linalg.eigvalsh(2 * X20.T.mm(X20) / nTrain).data<double>().Reverse().ToArray();   // largest first
double WayDone(double h, int epochs) => 1 - Math.Pow(1 - 0.01 * Math.Max(h, 0), epochs * (nTrain / 10));
string Row(Func<double, string> cell) => string.Concat(curvatures.Take(8).Select(h => $"{cell(h),9}")) + "   …";
Console.WriteLine($"{"curvature h",-28}" + Row(h => h.ToString("G2", CultureInfo.InvariantCulture)));
foreach (int epochs2 in new[] { 400, 1500 })
    Console.WriteLine($"{$"share of the way, {epochs2} epochs",-28}" + Row(h => WayDone(h, epochs2).ToString("P1", CultureInfo.InvariantCulture)));
Course.Record("directions where SGD went less than 1 % of the way in 1500 epochs", curvatures.Count(h => WayDone(h, 1500) < 0.01), "F0");
Course.Record("largest move of w₁₂ … w₁₉ from their start", Enumerable.Range(12, 8).Max(i => Math.Abs(over.Weights[i] - over.Start[i])), "G2");
var wLeastSquares20 = torch.linalg.pinv(X20).mm(polyLabels[..nTrain].to_type(ScalarType.Float64));   // the bottom of the bowl
Course.Record("‖w‖", "G3", ("SGD after 1500 epochs", Norm(over.Weights)), ("least squares", wLeastSquares20.norm().item<double>()));

// Only the first few directions, where the features are large, are done. Along the others the step size times the curvature is so
// small that 15 000 steps achieve almost nothing: in 13 of the 20 directions SGD has gone less than 1 % of the way, and the weights
// there keep their small random start. Yet the bottom of the bowl — the least-squares solution — lies far out along those very
// directions, with weights in the billions (its ‖**w**‖ above): fitting the noise with features of size 10⁻⁷ takes enormous weights. Starting
// small and stopping after a fixed number of steps keeps the weights in the flat directions small, as a penalty on them would. This is
// *implicit regularization*: it is in the algorithm, not in the loss. Its best-known form is early stopping (早停): stop when the
// validation loss stops falling, and d2l 4.4 counts a model that stops early as less complex. The table also shows which directions are
// still on their way while the test curve rises and falls after epoch 380: the one with curvature ≈ 0.038 (78 % of the way at 400
// epochs, all but done at 1500) and the one with ≈ 0.003 (12 % to 37 %); the others have either arrived or hardly moved. Along these
// two directions the 100 examples carry some signal and some noise, so moving along them can raise the test loss as well as lower it.
// Which of the two raises it and which brings it down again, the table does not say. Weight decay, further down, makes the same trade
// as a small start and an early stop, explicitly.
//
// To see what 20 features do when fitted *to the end*, we need the bottom of the bowl. For a linear model that is one step: the
// least-squares solution of notebook 07 (here through the pseudo-inverse `torch.linalg.pinv`, in float64).
//
// ## Model complexity and the generalization gap
//
// For every number of features from 1 to 20: fit by least squares on the 100 training examples, and report the training loss, the
// 5-fold cross-validation loss (computed from the training examples only, with the folds made above), and the test loss. The difference
// test − train is the generalization gap.

var polyF64 = polyFeatures.to_type(ScalarType.Float64); var polyY64 = polyLabels.to_type(ScalarType.Float64);
double Mse(Tensor X, Tensor y, Tensor w) => (X.mm(w) - y).pow(2).mean().item<double>();
Tensor LeastSquares(Tensor X, Tensor y) => torch.linalg.pinv(X).mm(y);     // the least-squares minimizer (smallest-norm one if several)

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
Console.WriteLine($"numerical rank of the 100 × 20 feature matrix in float64: {torch.linalg.matrix_rank(polyF64[..nTrain]).item<long>()}");
int bestByCv = degrees[Array.IndexOf(sweepCv, sweepCv.Min())];
Course.Record("cross-validation picks", "G4", ("features", bestByCv), ("test MSE", sweepTest[bestByCv - 1]));
display(Plots.Plot(degrees.Select(d => (double)d).ToArray(), new[] { new Series("train", sweepTrain, Markers: true),
        new Series("5-fold cross-validation", sweepCv, Markers: true), new Series("test", sweepTest, Markers: true) },
    xLabel: "number of features (polynomial degree + 1)", yLabel: "mean squared error (log scale)",
    title: "Least-squares fits on 100 examples", logY: true));

// Reading down the table and the chart:
//
// - 1 to 3 features underfit: the training loss is 5 or more, and so is the test loss.
// - 4 features (the true degree) bring the training loss to 0.0099 and the test loss to 0.0126, a gap of 0.003.
// - From there on the training loss keeps falling slowly (to 0.0078) — more features can only fit the training data better — while the
//   test loss grows, if not at every step: 0.017 at 7 features, 0.069 at 12, then about 5 at 13, hundreds at 14 and 15, and tens of
//   thousands from 17 on (from 13 features on the fits are so sensitive to rounding that their last printed digits differ between
//   CPUs). The gap grows with the number of parameters. This confirms the notes' first cause, 参数量过大 (too many parameters), in
//   the sense that matters: too many *for 100 examples*.
// - Cross-validation sees the same thing without looking at the test set: its curve follows the test curve's shape, lowest at 5 features
//   (0.0119), with 4 features (0.0126) a close second; it is already 0.15 at 7 features and explodes from 12 on. It picks 5 features,
//   whose test loss is within 0.001 of the true model's. With 100 noisy examples, a fifth weight whose true value is 0 costs almost
//   nothing; CV cannot tell the two apart reliably, and does not need to.
//
// (The rows for 17 to 20 features are nearly the same fit. With features as small as 10⁻⁷ next to features of size 6, the numerical
// rank of the 100 × 20 feature matrix is only 17 even in float64: the last columns are, to 16 digits, combinations of the others.
// `torch.linalg.pinv` — the pseudo-inverse, which gives the least-squares solution of smallest norm — ignores the directions it cannot
// resolve, so these extra features add nothing it can use.)
//
// ## How many examples: "样本数量过少"
//
// The notes' third cause is too few examples. Keep the model fixed and vary the training set: 2000 new examples, the first n (from 25 to
// 1000) for training and the last 1000 for testing, with the 4-feature model and the 20-feature model, both fitted by least squares.

torch.manual_seed(5);
var xPool = torch.randn(2000, 1);
var poolFeatures = (xPool.pow(powers) / torch.tensor(factorials, ScalarType.Float32)).to_type(ScalarType.Float64);
var poolLabels = poolFeatures.mm(trueWPoly.to_type(ScalarType.Float64)) + 0.1 * torch.randn(2000, 1, dtype: ScalarType.Float64);
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
// n = 25), and is catastrophic on new data until the data is plentiful: its test loss is about 4·10¹⁰ at n = 25, still a few hundred at
// n = 500 (a value so sensitive to rounding that even its second digit differs between CPUs: read it on the printed line), and 1.7 at
// n = 1000 — ten
// orders of magnitude better, and still 170 times the true model's 0.0099. (The path is not smooth: a degree-19 polynomial explodes outside the range of x it was fitted on, so a test x a little beyond the training
// sample's extremes costs enormously, and whether that happens depends on which examples were drawn.) So "样本数量过少" is a cause in the
// same sense as "参数量过大": what matters is the number of parameters *relative to* the number of examples.
//
// ## Regularization (正则化): weight decay
//
// The notes: "为了限制权重取值范围，防止过拟合，使用正则化让所有权重更趋向于 0" — to limit the range of the weights and prevent overfitting,
// regularization pulls all weights towards 0 — by adding "参数与 0 的距离" (the parameters' distance from 0) to the loss as a penalty.
// With the squared L2 norm this is weight decay (权重衰减), d2l 4.5:
//
// $$L(\mathbf w, b) + \frac{\lambda}{2}\|\mathbf w\|_2^2 .$$
//
// In statistics a linear model trained this way is **ridge regression** (岭回归); with the L1 penalty λ‖**w**‖₁ instead it is the
// **lasso** (套索回归). Why the *squared* norm and not ‖**w**‖₂ itself? For computational convenience, as d2l says: squaring removes the
// square root, so the penalty is a plain sum of wᵢ² and its gradient is simply λ**w** — cheap, smooth, and defined everywhere, while the
// gradient of ‖**w**‖₂, **w**/‖**w**‖₂, is undefined at **w** = 0. With that gradient one SGD step on loss plus penalty reads
//
// $$\mathbf w \leftarrow (1 - \eta\lambda)\,\mathbf w - \eta\,\nabla_{\mathbf w} L :$$
//
// every step first shrinks **w** by the factor 1 − ηλ, which is where the name weight *decay* comes from. When a layer's weights form a
// matrix **W** (the MLP of notebook 09), the penalty uses the squared Frobenius norm of notebook 03, ‖**W**‖²_F = Σᵢⱼ wᵢⱼ²: the same sum
// of squares over all entries, so every entry decays by the same factor.
//
// The notes add that any fixed target would do, "比如 1". That is true — a penalty λ/2·‖**w** − **w**₀‖² pulls towards **w**₀ — but 0 is
// not chosen because it is easier to compute with: it is the choice that says "without evidence, a feature should have no effect".
//
// That sentence has an exact probabilistic form, which d2l states at the start of 4.6 ("在概率角度看……我们已经假设了一个先验，即权重的值取自均值为0的高斯分布",
// we have assumed a prior that the weights come from a Gaussian distribution with mean 0) and leaves as an exercise in its weight-decay section. Bayes'
// theorem (notebook 06) gives the posterior P(**w** | data) ∝ P(data | **w**) P(**w**). With Gaussian label noise of variance σ²,
// −log P(data | **w**) is Σᵢ (ŷᵢ − yᵢ)²/(2σ²) plus a constant (notebook 07: maximum likelihood is least squares). With the prior
// **w** ~ N(0, τ²I), −log P(**w**) is ‖**w**‖²/(2τ²) plus a constant. So the most probable weights after seeing the data — the
// maximum a posteriori (MAP, 最大后验) estimate — minimize Σᵢ (ŷᵢ − yᵢ)²/(2σ²) + ‖**w**‖²/(2τ²); multiplied by σ²/n, that is the mean
// squared loss plus λ/2·‖**w**‖² with λ = σ²/(nτ²). Weight decay is a prior belief that the weights are small, and it counts for more
// the noisier the labels (σ²), the fewer the examples (n) and the firmer the belief (small τ²). The L1 penalty corresponds in the same
// way to a Laplace prior, ∝ exp(−|wᵢ|/s).
//
// d2l's demonstration makes overfitting easy: 200 features, only 20 training examples (and 100 for testing), labels
// y = 0.05 + Σᵢ 0.01·xᵢ + noise of standard deviation 0.01, from `Synthetic.SyntheticData` (notebook 07's `SyntheticData`). From
// scratch, as d2l does: weights from N(0, 1), bias 0, notebook 07's linear model and squared loss (`Models.LinReg`, `Losses.SquaredLoss`)
// plus λ times the penalty, minibatch SGD (`Optimizers.Sgd`) with learning rate 0.003 and batches of 5. The only new code is the two
// penalties. The training function takes the penalty as an argument, so the L1 penalty can use it later, and it keeps the losses and **w**
// every 5 epochs. We train for 500 epochs but look first at epoch 100, where d2l stops: λ = 0 against d2l's λ = 3.

int numInputs = 200, nTrainWd = 20, nTestWd = 100, batchSizeWd = 5;
var trueWWd = torch.full(numInputs, 0.01f); double trueBWd = 0.05, noiseWd = 0.01;
torch.manual_seed(0);
var (trainXWd, trainYWd) = Synthetic.SyntheticData(trueWWd, trueBWd, nTrainWd, noiseWd);
var (testXWd, testYWd) = Synthetic.SyntheticData(trueWWd, trueBWd, nTestWd, noiseWd);

Tensor L2Penalty(Tensor w) => w.pow(2).sum() / 2;
Tensor L1Penalty(Tensor w) => w.abs().sum();
// record PenaltyRun: declared at the end of this file (a program declares its types after its statements).

PenaltyRun TrainWithPenalty(double lambd, Func<Tensor, Tensor> penalty, int numEpochs = 100, double lr = 0.003, bool zeroInit = false)
{
    torch.manual_seed(2);
    var w = (zeroInit ? torch.zeros(numInputs, 1) : torch.normal(0, 1, new long[] { numInputs, 1 })).requires_grad_();   // d2l: N(0, 1)
    var b = torch.zeros(1).requires_grad_();
    var batches = Minibatches.DataIter(batchSizeWd, trainXWd, trainYWd, shuffle: true, seed: 2);
    var run = new PenaltyRun(lambd, new(), new(), new(), new(), 0);
    for (int epoch = 0; epoch <= numEpochs; epoch++)
    {
        if (epoch > 0)
            foreach (var (X, y) in batches)
            {
                using var scope = torch.NewDisposeScope();
                var l = Losses.SquaredLoss(Models.LinReg(X, w, b), y) + lambd * penalty(w);   // the penalty joins every example's loss
                l.sum().backward();
                Optimizers.Sgd(new[] { w, b }, lr, (int)X.shape[0]);
            }
        if (epoch % 5 == 0)                                                                  // epoch 0 is the start
            using (torch.no_grad())
            {
                run.Epochs.Add(epoch);
                run.TrainLoss.Add(Losses.SquaredLoss(Models.LinReg(trainXWd, w, b), trainYWd).mean().item<float>());
                run.TestLoss.Add(Losses.SquaredLoss(Models.LinReg(testXWd, w, b), testYWd).mean().item<float>());
                run.W.Add(w.detach().flatten().data<float>().ToArray());
            }
    }
    return run with { B = b.item<float>() };
}

var noDecay = TrainWithPenalty(0, L2Penalty, numEpochs: 500);           // the first 100 epochs are d2l's run; the rest comes below
var decay3 = TrainWithPenalty(3, L2Penalty, numEpochs: 500);
int at100 = noDecay.Epochs.IndexOf(100);
foreach (var r in new[] { noDecay, decay3 })
    Course.Record($"λ = {r.Lambda} at epoch 100", "G4", ("train loss", r.TrainLoss[at100]), ("test loss", r.TestLoss[at100]), ("‖w‖", Norm(r.W[at100])));
double[] First100(List<double> values) => values.Take(at100 + 1).ToArray();
display(Plots.Curves(new (PenaltyRun Run, string Color)[] { (noDecay, "#d62728"), (decay3, "#1f77b4") }.SelectMany(t => new[] {
        new Curve($"λ = {t.Run.Lambda}: train", First100(t.Run.Epochs), First100(t.Run.TrainLoss), Color: t.Color),
        new Curve($"λ = {t.Run.Lambda}: test (dashed)", First100(t.Run.Epochs), First100(t.Run.TestLoss), Color: t.Color, Dashed: true) }),
    xLabel: "epoch", yLabel: "squared loss ½(ŷ − y)² (log scale)", title: "d2l's weight-decay demonstration, 100 epochs", logY: true));

// Without the penalty the training loss falls to about 10⁻⁵ — the 20 examples are fitted almost perfectly — while the test loss stays
// near 90: severe overfitting. With λ = 3 the training loss is higher (≈ 7·10⁻⁴) and the test loss ≈ 0.08, a thousand times lower.
// ‖**w**‖₂ is ≈ 12 without the penalty and ≈ 0.3 with it; the true **w** has ‖**w**‖₂ = 0.01·√200 ≈ 0.14. That is d2l's picture (the exact
// values depend on the random draws, so d2l's own run gives other ones).
//
// **Has the λ = 3 run converged?** No: its test loss is still falling at epoch 100, and the same λ started from **w** = 0 ends near
// ‖**w**‖ ≈ 0.03 (below), ten times smaller. The difference lies in what 20 examples cannot see. The gradient of the data loss is a
// sum of the training examples' feature vectors weighted by their errors, Σᵢ (ŷᵢ − yᵢ)**x**ᵢ, so it always lies in the span of those
// 20 vectors: 20 of the 200 directions of weight space. In the other 180 directions the data never moves **w**; only the decay does,
// by the factor 1 − ηλ per step (4 steps per epoch). From N(0, 1), **w** starts with a part of norm ≈ 12 in those unseen directions.
// Without the penalty that part stays for ever; with λ = 3 it should shrink as (1 − ηλ)^(4·epoch). Let us check: follow both runs to
// epoch 500, add the same two runs from the zero start, and split each **w** into its part in the span of the training examples and
// the part outside it (the projection I − X⁺X, with X⁺ the pseudo-inverse of the 20 × 200 training matrix):

var XWd = trainXWd.to_type(ScalarType.Float64);
var unseen = torch.eye(numInputs, dtype: ScalarType.Float64) - torch.linalg.pinv(XWd).mm(XWd);   // projects onto the directions the examples do not span
double UnseenNorm(float[] w) => unseen.mv(torch.tensor(w).to_type(ScalarType.Float64)).norm().item<double>();
double ExpectedTestLoss(PenaltyRun r) =>                      // ½(‖w − w*‖² + (b − b*)² + σ²) for inputs x ~ N(0, I)
    0.5 * (r.W[^1].Sum(v => (v - 0.01) * (v - 0.01)) + (r.B - trueBWd) * (r.B - trueBWd) + noiseWd * noiseWd);
double decay = 1 - 0.003 * 3;
Console.WriteLine($"rank of the training matrix: {torch.linalg.matrix_rank(XWd).item<long>()} of {numInputs} directions; with λ = 3 every step multiplies the unseen part by 1 − ηλ = {decay}");

var long500 = new (string Name, PenaltyRun Run, string Color)[] {
    ("N(0, 1) start, λ = 0", noDecay, "#d62728"),                           // the two runs above, all 500 epochs
    ("N(0, 1) start, λ = 3", decay3, "#1f77b4"),
    ("zero start, λ = 3", TrainWithPenalty(3, L2Penalty, numEpochs: 500, zeroInit: true), "#2ca02c"),
    ("zero start, λ = 0", TrainWithPenalty(0, L2Penalty, numEpochs: 500, zeroInit: true), "#ff7f0e") };
foreach (var (name, r, _) in long500)
    Course.Record($"{name}, 500 epochs", "G3", ("‖w‖", Norm(r.W[^1])), ("unseen part", UnseenNorm(r.W[^1])),
        ("train loss", r.TrainLoss[^1]), ("test loss", r.TestLoss[^1]), ("expected test loss", ExpectedTestLoss(r)));

var Z = torch.cat(new[] { XWd, torch.ones(nTrainWd, 1, dtype: ScalarType.Float64) }, 1);        // [X, 1]: w and b in one solve
var noPenaltyOnB = torch.diag(torch.tensor(Enumerable.Repeat(1.0, numInputs).Append(0.0).ToArray()));
var exact = torch.linalg.solve(Z.T.mm(Z) / nTrainWd + 3 * noPenaltyOnB, Z.T.mm(trainYWd.to_type(ScalarType.Float64)) / nTrainWd);  // ∇ = 0
var exactW = exact[..numInputs].flatten();
double FromExact(PenaltyRun r) => (torch.tensor(r.W[^1]).to_type(ScalarType.Float64) - exactW).norm().item<double>();
Course.Record("exact minimum of the λ = 3 objective", "G3", ("‖w‖", exactW.norm().item<double>()),
    ("N(0, 1) start at 500 epochs, distance from it", FromExact(long500[1].Run)), ("zero start at 500 epochs, distance from it", FromExact(long500[2].Run)),
    ("zero start at 400 epochs, distance from it", (torch.tensor(long500[2].Run.W[long500[2].Run.Epochs.IndexOf(400)]).to_type(ScalarType.Float64) - exactW).norm().item<double>()));

var decayed = long500[1].Run;
var epochs = decayed.Epochs.ToArray();
double unseen0 = UnseenNorm(decayed.W[0]);
Curve NormCurve(string name, PenaltyRun r, string color)          // a log axis cannot show ‖w‖ = 0 at a zero start: leave it out
{
    var points = r.Epochs.Zip(r.W.Select(Norm)).Where(p => p.Second > 0).ToArray();
    return new Curve(name, points.Select(p => p.First).ToArray(), points.Select(p => p.Second).ToArray(), Color: color);
}
display(Plots.Curves(long500.Select(t => NormCurve($"{t.Name}: ‖w‖", t.Run, t.Color))
        .Append(new Curve("N(0, 1) start, λ = 3: unseen part (markers)", epochs, decayed.W.Select(UnseenNorm).ToArray(), Mark.Points, Color: "#1f77b4"))
        .Append(new Curve($"{unseen0:F1} · (1 − ηλ)^(4·epoch) (dashed)", epochs, epochs.Select(e => unseen0 * Math.Pow(decay, 4 * e)).ToArray(), Color: "black", Dashed: true)),
    xLabel: "epoch", yLabel: "norm (log scale)", title: "Weight decay removes what the data cannot see", logY: true, yRange: (1e-8, 30), width: 760, height: 440));

// The markers sit on the dashed line: outside the span of the examples, **w** shrinks by exactly 1 − ηλ per step, as the update rule
// says. By epoch 250 that leftover of the N(0, 1) start is below 0.002, and after 500 epochs both λ = 3 runs end at ‖**w**‖ ≈ 0.03
// with test losses below 0.01. The 0.3 after 100 epochs was mostly the initial weights on their way out. Without the penalty the unseen
// part of the N(0, 1) start stays ≈ 12 for ever — it is the whole of ‖**w**‖.
//
// Converged, though, the λ = 3 runs are not. The last record compares them with the exact minimum of their objective,
// ½·mean((X**w** + b − **y**)²) + 3/2·‖**w**‖², found in one linear solve by setting its gradient to 0 (bias unpenalized). That minimum
// has ‖**w**‖ ≈ 0.031. The zero-start run is ≈ 0.002 from it after 500 epochs and was ≈ 0.003 from it at epoch 400: still closing in.
// The N(0, 1) run is ≈ 0.01 from it, a third of ‖**w**‖. That distance cannot lie in the unseen directions (the unseen part is
// ≈ 2·10⁻⁷), so it lies in the 20 directions the data do see: there the start is not yet forgotten. For what follows the two runs are
// close enough (‖**w**‖ and test loss within 10 % of each other), but "trained to convergence" would claim too much.
//
// So what does "large weights go with overfitting" mean here, precisely? The notes ask exactly this:
//
// > 为什么权重取值范围过大会导致过拟合？如果某几个权重很大，远大于其他权重，那么这些权重对应的特征会大幅影响输出结果，导致整个模型偏向于这些权重，可能会偏离正确结果。
//
// (Why does too wide a range of the weights cause overfitting? If a few weights are very large, far larger than the others, the
// features they belong to sway the output strongly, the whole model leans towards those weights and may stray from the right result.)
// d2l 4.4 names the same factor. The measurement makes it precise. Because the inputs are independent standard normals, the expected loss of a linear model on a fresh example is exactly
//
// $$\mathbb E\left[\tfrac12(\hat y - y)^2\right] = \tfrac12\left(\|\mathbf w - \mathbf w^*\|^2 + (b - b^*)^2 + \sigma^2\right),$$
//
// the "expected test loss" of each record (the measured test loss, on only 100 test examples, scatters around it: 87.5 against 71 for
// the first run). Up to the constant noise, the test loss is the squared *distance from the true weights* over all 200 directions,
// while the training loss checks only the 20 directions the examples span. A weight vector of norm 12 when the truth has 0.14 is necessarily far from the truth, and every unit of that distance costs test
// loss however well the training data are fitted. So the model does stray from the right result, as the notes
// say, but not because a few weights dominate: the N(0, 1) start gives every one of the 200 weights a size around 1. The size of the
// weights is the symptom; the cause is weight the data never checked. Here it came from the random start, and weight decay removed it. Starting from zero avoids it too: plain SGD from **w** = 0 (the last
// record) never leaves the span of the examples (unseen part ≈ 0), fits the 20 examples exactly, and reaches a test loss about as low as
// weight decay's. (In the polynomial, the huge least-squares weights had the other origin: noise fitted along directions where the
// features are tiny.)
//
// That last run deserves a second look: it fits the 20 training examples exactly (training loss ≈ 10⁻¹⁶) and still has a test loss
// of about 0.01, the noise level. Its gap between training and test loss is the whole of its test loss, and yet there is nothing to fix.
// d2l 4.4 says so: “注意，过拟合并不总是一件坏事” (overfitting is not always a bad thing), and “我们通常更关心验证误差，而不是训练误差和验证误差之间的差距”
// (we usually care more about the validation error than about the gap between training and validation error). d2l's section on generalization in deep learning goes further: deep networks can usually fit
// every training example, and "despite fitting the training data perfectly, we can actually reduce the generalization error further
// by making the model even more expressive". A perfect fit of the training data is not itself the problem; a test loss far above the
// noise is.
//
// ### Turning the knob: weight decay on the polynomial
//
// The 200-feature problem is a special case: its true weights are tiny, so pulling towards 0 can hardly hurt. The polynomial shows the
// whole trade. For a linear model the penalized least-squares problem has a closed form: minimizing ½·mean((X**w** − **y**)²) + λ/2·‖**w**‖²,
// with the bias weight w₀ left out of the penalty as d2l leaves out biases, means solving (XᵀX/n + λD)**w** = Xᵀ**y**/n, where D is the
// identity with D₀₀ = 0 — ridge regression in one call of `torch.linalg.solve`. For each λ the cell fits the 20-feature model to the 100
// training examples and prints the losses, ‖**w**‖, and the number of turning points of the fitted curve between the smallest and the
// largest training x (the true cubic has none). The chart has a slider: move it to change λ.

var (Xp, yp) = (polyF64[..nTrain], polyY64[..nTrain]);
var D = torch.diag(torch.tensor(Enumerable.Range(0, maxDegree).Select(i => i == 0 ? 0.0 : 1.0).ToArray()));   // no penalty on w₀
Tensor Ridge(double lambd) => lambd == 0 ? LeastSquares(Xp, yp) : torch.linalg.solve(Xp.T.mm(Xp) / nTrain + lambd * D, Xp.T.mm(yp) / nTrain);
Tensor PolyFeatures64(double[] x) => torch.tensor(x).reshape(-1, 1).pow(powers.to_type(ScalarType.Float64)) / torch.tensor(factorials, ScalarType.Float64);
double[] Column(Tensor t) => t.flatten().data<double>().Select(v => Math.Round(v, 4)).ToArray();

var xs = Column(xPoly.to_type(ScalarType.Float64)); var ys = Column(polyY64);
double xLo = xs[..nTrain].Min(), xHi = xs[..nTrain].Max();
var fine = Enumerable.Range(0, 2001).Select(k => xLo + (xHi - xLo) * k / 2000).ToArray();   // for counting turning points
int TurningPoints(Tensor w)
{
    var f = PolyFeatures64(fine).mm(w).flatten().data<double>().ToArray();
    return Enumerable.Range(2, f.Length - 2).Count(k => (f[k] - f[k - 1]) * (f[k - 1] - f[k - 2]) < 0);
}
var grid = Enumerable.Range(0, 201).Select(k => xs.Min() + (xs.Max() - xs.Min()) * k / 200).ToArray();   // for drawing, over all 200 x
var points = new[] {
    new Curve("training data", xs[..nTrain], ys[..nTrain], Mark.Points, Color: "#1f77b4", Opacity: 0.6),
    new Curve("test data", xs[nTrain..], ys[nTrain..], Mark.Points, Color: "#ff7f0e", Opacity: 0.6) };
var truth = new Curve("true cubic (dashed, on top)", grid, Column(PolyFeatures64(grid).mm(trueWPoly.to_type(ScalarType.Float64))), Color: "black", Dashed: true);

double[] ridgeLambdas = { 0, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1, 10 };
var frames = new List<(string Label, IReadOnlyList<Curve> Curves)>();
var ridgeTest = new List<double>(); var ridgeTurns = new List<int>();
Console.WriteLine($"{"λ",8}{"train MSE",12}{"test MSE",12}{"‖w‖",10}{"turning points",16}");
foreach (var lambd in ridgeLambdas)
{
    var w = Ridge(lambd);
    string label = lambd is 0 or >= 1 ? $"{lambd}" : $"1e{Math.Log10(lambd):0}";
    ridgeTest.Add(Mse(polyF64[nTrain..], polyY64[nTrain..], w)); ridgeTurns.Add(TurningPoints(w));
    Console.WriteLine($"{label,8}{Mse(Xp, yp, w),12:G3}{ridgeTest[^1],12:G3}{w.norm().item<double>(),10:G3}{ridgeTurns[^1],16}");
    frames.Add((label, points.Append(new Curve($"fit, 20 features, λ = {label}", grid, Column(PolyFeatures64(grid).mm(w)), Color: "crimson", Width: 3)).Append(truth).ToArray()));
}
int At(double l) => Array.IndexOf(ridgeLambdas, l);
Course.Record("ridge, test MSE", "G3", ("λ = 0", ridgeTest[At(0)]), ("λ = 1e-4", ridgeTest[At(1e-4)]), ("λ = 10", ridgeTest[At(10)]));
Course.Record("ridge, turning points", "G3", ("λ = 0", ridgeTurns[At(0)]), ("largest for λ > 0", ridgeTurns.Skip(1).Max()));
Console.WriteLine($"weights at λ = 1e-4: {Weights(Ridge(1e-4).flatten().to_type(ScalarType.Float32).data<float>().Take(8))} …");
display(Plots.Slider("λ", frames, xLabel: "x", yLabel: "y", title: "Ridge regression on the degree-19 polynomial: move λ",
    yRange: (ys.Min() - 5, ys.Max() + 5), width: 760, height: 480));

// Move the slider from left to right. At λ = 0 (plain least squares) the curve threads the training points and swings between and beyond
// them: turning points the cubic does not have, weights in the billions, a test loss in the tens of thousands. The smallest penalty
// already removes the swings — it costs the huge weights the most, since the penalty grows with their square. Around λ = 10⁻⁶ … 10⁻⁴ the
// curve lies on the true cubic and the test loss is at the noise level, as good as the 4-feature model's, although all 20 features are
// in use. Further right the penalty starts to cost: at λ = 0.01 the curve pulls away from the data's extremes, and at λ = 1 and 10 it is
// flattened towards a constant, with training and test loss rising together — underfitting from too much penalty. Which λ is right
// cannot be read off the training loss, which is lowest at λ = 0; exercise 3 reads it off by cross-validation instead.
//
// ### Weight decay, concisely (简洁实现)
//
// `torch.optim.SGD` has a `weight_decay` argument: at every step it adds `weight_decay · w` to the gradient, which is the gradient of
// weight_decay/2 · ‖**w**‖². d2l decays only the weights, not the bias — a bias shifts the output and says nothing about how strongly any
// feature matters. For that the optimizer takes *parameter groups* with their own options: one group for the weight with `weight_decay`,
// one for the bias without. In TorchSharp a group is a `TorchSharp.Modules.SGD.ParamGroup` with `SGD.Options` (one C# trap: its other
// constructor, with plain numbers, defaults the learning rate to 0.001; giving `Options` leaves the learning rate to the optimizer). The
// cell ends with a check that `weight_decay` really is the L2 penalty: one step each way from the same weights, on the same batch —
// (a) the optimizer with `weight_decay = 3`, (b) plain SGD on MSE + 3/2·‖**w**‖² written out.

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
    Course.Record($"weight_decay = {wd}", "G4", ("train MSE", r.TrainLoss), ("test MSE", r.TestLoss), ("‖w‖", r.WNorm));
}

var probe = nn.Linear(numInputs, 1);                       // is weight_decay = 3 the penalty 3/2·‖w‖²? one step each way
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

// The concise version reproduces d2l's picture: without weight decay the training MSE is about 10⁻¹¹ and the test MSE about 110; with
// `weight_decay = 3` the test MSE is about 0.1 and ‖**w**‖ ≈ 0.3, against ≈ 12 without. After 100 epochs this is again mostly the N(0, 1)
// start on its way out of the unseen directions: there the decay per step is the same 1 − ηλ as in the scratch version, since
// `weight_decay` adds λ**w** to the gradient however the loss is scaled. The numbers differ in detail because `nn.Linear` draws other
// initial weights and `MSELoss` has no ½ (its data gradient is twice the scratch loss's, so in the directions the data does see the same
// λ = 3 is relatively half as strong). The line "parameter groups", printed from the optimizer's own groups, confirms that the 200
// weights decay and the bias does not. And the last line: the two updates are identical (largest difference 0), so `weight_decay = λ` is
// exactly the penalty λ/2·‖**w**‖² added to the loss.
//
// ## L1 versus L2
//
// The notes explain why L2 is used rather than L1 with the vector [0.1, 0.01, 3]: "L1 范数平方为 3.11，L2 范数平方为 9.010001"
// (“the squared L1 norm is 3.11, the squared L2 norm is 9.010001”), so squaring magnifies the outlier 3. Computing both norms and their
// squares, and the gradients of the two penalties, which are what training feels:

var v = torch.tensor(new double[] { 0.1, 0.01, 3 });
double l1 = v.abs().sum().item<double>(), l2Squared = v.pow(2).sum().item<double>();
Console.WriteLine($"L1 norm ‖v‖₁ = {l1:G6}      its square ‖v‖₁² = {l1 * l1:G6}");
Console.WriteLine($"L2 norm ‖v‖₂ = {Math.Sqrt(l2Squared):G6}   its square ‖v‖₂² = {l2Squared:G6}");
Console.WriteLine($"share of the penalty from the 3: L1 {3 / l1:P1}, squared L2 {9 / l2Squared:P2}");

var vGrad = v.clone().requires_grad_();
vGrad.abs().sum().backward();
Console.WriteLine($"∂‖v‖₁/∂v      = [{string.Join(", ", vGrad.grad!.data<double>())}]");
vGrad.grad!.zero_();
(vGrad.pow(2).sum() / 2).backward();
Console.WriteLine($"∂(½‖v‖₂²)/∂v  = [{string.Join(", ", vGrad.grad!.data<double>())}]");

// **Checking the notes' numbers.** The notes' 3.11 is ‖v‖₁ = 0.1 + 0.01 + 3 itself, not its square (that would be 9.6721). But
// the unsquared ‖v‖₁ is exactly what the L1 penalty adds, as ‖v‖₂² is what the L2 penalty adds: the notes compare the right two
// quantities, and only the word 平方 on the L1 side is wrong. The other number has a slip in its digits: 0.1² + 0.01² + 3² =
// 0.01 + 0.0001 + 9 = **9.0101**, not “9.010001”, which would need 0.01² to be 0.000001 (that is 0.001²). Neither slip touches the
// notes' point. The totals alone, 3.11 against 9.01, prove little — the two penalties are different functions, and λ rescales either —
// but the shares printed above bear it out: the 3 contributes 96.5 % of the L1 penalty and 99.89 % of the squared L2 penalty.
//
// The gradients say more. The L1 penalty pushes every weight towards 0 with the same force, 1 (times λ), whether it is 0.01 or 3. The L2
// penalty pushes each weight in proportion to its size: 3 for the large weight, 0.01 for the small one. So under L2 the large weight is
// pushed down hard while the small ones are almost left alone — the notes' "迫使第三个权重需要再降低，然后第一和第二权重可以适当提高" in
// gradient form — and no weight is ever pushed all the way to 0, since the push vanishes as the weight does. Under L1 a small weight is
// pushed as hard as a large one, so small weights reach 0.
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
Console.WriteLine($"on the L1 ball the loss is smallest at ({bestL1.X:F2}, {bestL1.Y:F2}); on the L2 ball at ({bestL2.X:F2}, {bestL2.Y:F2})");   // 720 points: 2 decimals

Curve Closed(string name, Func<double, (double X, double Y)> point, string color, bool dashed = false)
{
    var pts = thetas.Append(0).Select(point).ToArray();                // back to the first point: a closed curve
    return new Curve(name, pts.Select(p => p.X).ToArray(), pts.Select(p => p.Y).ToArray(), Color: color, Dashed: dashed);
}
Func<double, (double X, double Y)> Level(double value) => t => (c.X + Math.Sqrt(value / A.X) * Math.Cos(t), c.Y + Math.Sqrt(value / A.Y) * Math.Sin(t));
display(Plots.Curves(new[] {
        Closed("L1 ball ‖w‖₁ = 1", OnL1, "#d62728"),
        Closed("L2 ball ‖w‖₂ = 1", OnL2, "#1f77b4"),
        Closed("loss contour touching the L1 ball (dashed)", Level(Loss2(bestL1.X, bestL1.Y)), "#d62728", dashed: true),
        Closed("loss contour touching the L2 ball (dashed)", Level(Loss2(bestL2.X, bestL2.Y)), "#1f77b4", dashed: true),
        new Curve("loss minimum; touching points", new[] { c.X, bestL1.X, bestL2.X }, new[] { c.Y, bestL1.Y, bestL2.Y }, Mark.Points, Color: "black") },
    xLabel: "w₁", yLabel: "w₂", title: "The lowest loss on each ball", xRange: (-1.5, 3.5), yRange: (-1.5, 3.5), equalScale: true, width: 720, height: 560));

// The L2 ball is round, so the contour touches it at a point where both weights are non-zero: (0.97, 0.26), to the two decimals
// that a search over 720 points of the ball can give. The L1 ball is a diamond with corners on the axes; the contour meets it first at
// the corner (1, 0), where w₂ is exactly 0. A contour touches the round
// L2 ball on an axis only in special cases (e.g. when the loss's minimum itself lies on that axis), but it touches the diamond at a
// corner for a whole range of loss shapes — and in 200 dimensions the L1 ball has corners and edges in every direction where some
// weights are 0. That is why L1 gives sparse solutions (稀疏, many weights exactly 0).
//
// ### The weights each penalty learns
//
// Back to d2l's 200-feature problem, both penalties from **w** = 0 for 500 epochs (L1's pull is a constant lr·λ per step, too weak to
// undo an N(0, 1) start in that time; the L2 run is the zero-start λ = 3 run from above). λ is chosen per penalty so that both reach
// about the same test loss (λ = 3 for L2, λ = 0.03 for L1), so that we compare *how* they shrink, not how much:

var l2Run = long500[2].Run;                                                  // zero start, λ = 3, 500 epochs
var l1Run = TrainWithPenalty(0.03, L1Penalty, numEpochs: 500, zeroInit: true);
Console.WriteLine("weights near 0: |w| < 0.001 (of 200)");
foreach (var (name, r) in new[] { ("L2, λ = 3", l2Run), ("L1, λ = 0.03", l1Run) })
{
    var a = r.W[^1].Select(Math.Abs).ToArray();
    Course.Record(name, "G3", ("train loss", r.TrainLoss[^1]), ("test loss", r.TestLoss[^1]), ("weights near 0", a.Count(x => x < 0.001)),
        ("largest |w|", a.Max()), ("‖w‖₁", a.Sum()), ("‖w‖₂", Norm(r.W[^1])),
        ("‖w‖₂ at epoch 400", Norm(r.W[r.Epochs.IndexOf(400)])));
}
display(Plots.Histogram(new[] { ("L2 (λ = 3)", l2Run.W[^1].Select(x => (double)x).ToArray()), ("L1 (λ = 0.03)", l1Run.W[^1].Select(x => (double)x).ToArray()) },
    binStart: -0.025, binEnd: 0.025, binWidth: 0.001, xLabel: "learned weight wᵢ (bins of 0.001; 200 weights per penalty)",
    yLabel: "number of weights (log scale)", title: "L2 spreads the weight, L1 concentrates it", logY: true, width: 720, height: 400));

// Both runs end at about the same test loss (≈ 0.01), with very different weights:
//
// - **L2**: one smooth bump around 0. No weight stands out — the largest is about 0.006 — and about a third of the 200 are below 0.001
//   only because the bump is narrow. This is the notes' "L2 正则让各个权重更平均": the weight is spread over all features, none dominates.
// - **L1**: a spike at 0 and a thin tail, which only the log scale shows next to the spike. Over 180 of the 200 weights are within 0.001
//   of 0 (SGD with the L1 subgradient makes a weight hop back and forth across 0 rather than stop on it, so we count |w| < 0.001 instead of
//   exact zeros); the other weights carry the model, and the largest is almost four times L2's largest.
//
// **Where the notes are loose (1).** "L1 正则让权重整体更趋于 0" (L1 pulls the weights as a whole towards 0) is half right: ‖**w**‖₁ is
// smaller under L1 (about 0.16 against 0.36), but L1 does not shrink all weights alike — it sets most of them to 0 and lets a few grow
// *larger* than under L2. The word for that is sparse (稀疏), and what it does is **feature selection** (特征选择): the model ends up using
// only some of the features, the use d2l 4.5 names for L1. (The true weights here are all equal, 0.01; with 20 examples neither penalty
// can recover them, and L1's choice of features is one of many that fit the data about equally well. L1 is also the slower to settle:
// its ‖**w**‖₂ still grew by about 2 % over the last 100 epochs, L2's changed by less than 1 %; the picture does not change.)
//
// **Where the notes are loose (2): "L2 让模型更平滑".** The notes conclude
// "所以 L2 正则让各个权重更平均，也就是让模型更平滑，单个特征对整个模型的输出影响较小。而 L1 正则让权重整体更趋于 0，但并不一定平滑" — so L2 makes the weights more even, that is, the model smoother, and a single feature has little
// influence on the output; L1 pulls the weights towards 0 but is not necessarily smooth. Against the evidence on screen:
//
// - *True*: "a single feature has little influence". Changing feature i by 1 changes a linear model's output by wᵢ, so the table's largest
//   |w| is the worst case: about 0.006 under L2 against about 0.02 under L1.
// - *True, in the sense that can be measured*: a model is smooth when a small change of its input changes its output little. For a linear
//   model |f(**x**) − f(**x**′)| ≤ ‖**w**‖₂ ‖**x** − **x**′‖₂ (Cauchy–Schwarz), so ‖**w**‖₂ bounds how fast the output can change; and on the
//   polynomial the slider shows smoothness you can see: the least-squares curve has turning points the cubic does not have, and any
//   λ > 0 in the table removes them. On the polynomial, L2 makes the model smoother in both senses.
// - *Loose*: "more even, *that is*, smoother" joins two different things. The smooth polynomial fits have very *uneven* weights (w₀ … w₃
//   large, the higher powers small, printed for λ = 1e-4): what makes them smooth is that the weights the data does not need are small, not
//   that the weights are equal. And by the same bound ‖**w**‖₂ the L1 run (≈ 0.04) is about as smooth
//   as the L2 run (≈ 0.03). The fair baseline for both is plain SGD from the same zero start, whose ‖**w**‖₂ is also ≈ 0.04 (the
//   zero-start λ = 0 record above): on this problem, from w = 0, L2 lowers the bound by about a quarter and L1 not at all. The
//   hundredfold ‖**w**‖ ≈ 12 of the unpenalized N(0, 1) run came from its start, not from a missing penalty. The real difference
//   between L1 and L2 here is the one in the histogram: L2 spreads the weight, L1 concentrates it.

// ## Summary
//
// - The training set fits the weights, the validation set (or K-fold cross-validation, which stretches scarce data into one) judges
//   choices, and the test set is looked at once, at the very end. All three assume i.i.d. examples. This notebook, like d2l, compares
//   settings on the test set to show what they do; a real study would compare them on a validation set.
// - Underfitting: the training loss itself stays high — it converges, but far above the noise level (the straight line: ≈ 5.3 against
//   0.01). Overfitting: the training loss is low and the test loss much higher — a large generalization gap. A gap alone is not always
//   bad: plain SGD from **w** = 0 fits its 20 examples exactly and still reaches the noise level on the test set; what counts is the test
//   loss.
// - The gap grows with the number of parameters and shrinks with the number of examples; what matters is the ratio.
// - SGD from a small start, stopped after a fixed number of steps, regularizes implicitly: along directions where the loss is flat it
//   hardly moves, so the 20-feature polynomial overfits only mildly (its test loss falls, rises, and falls again), while its
//   least-squares fit explodes. Early stopping (早停) uses this on purpose.
// - Weight decay (ridge regression) adds λ/2·‖**w**‖² to the loss, or λ/2·‖**W**‖²_F for a weight matrix; each step multiplies **w** by
//   1 − ηλ. `optim.SGD(…, weight_decay: λ)` does the same, and parameter groups keep the bias undecayed. Too little λ leaves the wild
//   fit, too much flattens the model. In probability terms it is a Gaussian prior **w** ~ N(0, τ²I), and the penalized fit is the MAP
//   estimate, with λ = σ²/(nτ²).
// - "Large weights go with overfitting", precisely: in d2l's example the test loss is, up to the noise, the squared distance from the
//   true weights; the training data check only the directions they span, and weight in the other directions (there, from the random
//   start) costs test loss until weight decay removes it, exactly as (1 − ηλ)ᵗ. It is the total of that unchecked weight that costs,
//   not a few dominant weights.
// - L2 pushes each weight in proportion to its size: all weights become small, none exactly 0. L1 (the lasso) pushes every weight
//   equally: most become 0 and a few stay comparatively large — sparse, a feature selection, because the L1 ball's corners lie on the axes.
// - Corrections to the notes: an underfit model's loss does converge (to a high value); the notes compare the right penalties, but 3.11
//   is ‖[0.1, 0.01, 3]‖₁ unsquared and ‖[0.1, 0.01, 3]‖₂² = 9.0101, not “9.010001”; L1 does not pull all weights towards 0 evenly — it
//   zeroes most of them and keeps a few; and L2 makes a model smoother by making unneeded weights small, not by making weights equal —
//   by ‖**w**‖₂, the L1 run is about as smooth as the L2 run.
//
// ## Exercises
//
// Each checker prints ⏳ until you replace `null` with your answer, then ✅ or ❌ with a hint.
//
// **Exercise 1 — one step of weight decay by hand.** The weights are **w** = [2, −1], the gradient of the data loss at **w** is [0.5, 0.5],
// the learning rate is 0.1 and the loss carries the penalty λ/2·‖**w**‖² with λ = 3. Give **w** after one gradient step, as a tensor of 2 values.

Tensor answer1 = null; // replace null with your answer
display(Exercises.Notebook10.Exercise1(answer1));

// **Exercise 2 — the final model.** Suppose 5-fold cross-validation on the 100 training examples has chosen λ (exercise 3 does
// this): every candidate λ was fitted five times, each time on 80 examples, and scored on the other 20. Now you fit one final model with
// the chosen λ, to be scored once on the test set. Which examples do you fit it on: `"one fold"` (20 examples), `"four folds"` (80),
// `"all training"` (all 100 training examples) or `"training and test"` (all 200)?

string answer2 = null; // replace null with your answer
display(Exercises.Notebook10.Exercise2(answer2));

// **Exercise 3 — choose λ by cross-validation.** The ridge table above compared the values of λ on the test set. Do it the way a real
// study would: for λ = 1e-8, 1e-6, 1e-4, 1e-2 and 1, compute the 5-fold cross-validation MSE of the 20-feature ridge fit, using only the
// 100 training examples `Xp`, `yp` and the folds `folds100` from the start of the notebook. For each fold, fit on its 80 training rows
// (the penalized least squares of the slider cell, with its matrix `D`, on those rows only) and take the MSE on its 20 validation rows;
// average over the five folds. Which λ has the lowest average?

double? answer3 = null; // replace null with the λ you found, e.g. 1e-3
display(Exercises.Notebook10.Exercise3(answer3));

// **Exercise 4 — diagnose three runs.** Three polynomial models were fitted on a fresh draw of d2l's cubic, this time with label noise of
// standard deviation 0.2 (variance 0.04), 30 training and 30 validation examples. Their training and validation losses are below. Label
// each run `"underfit"`, `"good"` or `"overfit"`, in order.

foreach (var (run, (train, valid)) in Exercises.Notebook10.Exercise4Runs.Select((r, i) => (i + 1, r)))
    Console.WriteLine($"run {run}: training loss {train}, validation loss {valid}");
string[] answer4 = null; // replace null with your three labels, e.g. new[] { "…", "…", "…" }
display(Exercises.Notebook10.Exercise4(answer4));

// The types the lesson declares, from the cells above (a program declares its types after its statements).

record PolyFit(int Features, float[] Start, float[] Weights, List<double> Epochs, List<double> TrainLoss, List<double> TestLoss);

record PenaltyRun(double Lambda, List<double> Epochs, List<double> TrainLoss, List<double> TestLoss, List<float[]> W, double B);
