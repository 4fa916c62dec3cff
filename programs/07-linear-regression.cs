// Notebook 07 as a .NET program: notebooks/07-linear-regression.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/07-linear-regression.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/07/
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

// # 07 — Linear regression (线性回归)
//
// This notebook follows the chapter **线性回归** of the notes (d2l sections 3.1–3.3): the loss function, the analytic
// solution, minibatch stochastic gradient descent and maximum likelihood.
//
// In this notebook you will:
// - write the linear model ŷ = Xw + b and the squared loss (平方损失) for a synthetic data set whose true parameters you know;
// - solve the problem exactly with the notes' analytic solution (解析解) s = (XᵀX)⁻¹Xᵀy, with the bias folded into X as a column of ones;
// - see why `lstsq` is the better way to compute that solution, on a design whose features nearly repeat;
// - train the same model from scratch with minibatch stochastic gradient descent (小批量随机梯度下降), then concisely with `nn.Linear`, `MSELoss` and `optim.SGD`, and compare the three answers;
// - turn the learning rate with a slider and watch SGD crawl, converge or diverge;
// - time a C# loop against one vectorized `+`, and see why everything below is written with whole tensors;
// - check numerically the notes' claim that maximum likelihood (极大似然) with Gaussian noise is the same as least squares.

display(Course.Setup());

// ## Regression and the linear model
//
// Regression (回归) predicts a number — a price, a temperature — where classification (分类, next notebook) picks a category.
// The notes state the goal: find a weight vector (权重) **w** and a bias (偏置) b so that the predictions
//
// $$\hat{\mathbf y} = \mathbf X \mathbf w + b$$
//
// deviate from the true values **y** as little as possible. Each row of **X** is one example (样本) with its features.
//
// To know whether a method finds the right answer, we make data whose answer we know, as d2l does: true parameters
// **w** = [2, −3.4] and b = 4.2, 1000 examples with features drawn from N(0, 1), and Gaussian noise (噪声) of standard deviation 0.01
// added to every label. This is d2l's `synthetic_data`, written out here.

(Tensor X, Tensor y) SyntheticData(Tensor w, double b, long n, double noise = 0.01)
{
    var X = torch.randn(n, w.shape[0]);                     // features ~ N(0, 1)
    var y = X.mv(w) + b;                                     // the exact linear relation
    y += torch.randn(y.shape) * noise;                       // plus Gaussian noise
    return (X, y.reshape(-1, 1));                            // labels as a column, shape (n, 1)
}

var trueW = torch.tensor(new float[] { 2f, -3.4f });
double trueB = 4.2;
torch.manual_seed(0);
var (features, labels) = SyntheticData(trueW, trueB, 1000);
Console.WriteLine($"features {string.Join("×", features.shape)}, labels {string.Join("×", labels.shape)}");
Console.WriteLine($"first example: x = [{features[0, 0].item<float>():F4}, {features[0, 1].item<float>():F4}], y = {labels[0, 0].item<float>():F4}");

// Two C# details: `X.mv(w)` multiplies a matrix by a vector, PyTorch's `X @ w` for a 1-d w (`mm` is the matrix × matrix product, used
// below; the course writes these rather than `matmul`, whose shape errors end the session, as notebook 01 warns), and `y += …` does **not** add in place in C# — it builds a new tensor and
// rebinds `y` (use `y.add_(…)` when you really want in-place). A scatter plot of the second feature against the label shows the
// linear relation that the model is meant to find (slope ≈ −3.4; the first feature's contribution shows up as spread around the line):

display(Plots.Scatter(features[.., 1], labels.flatten(), name: "examples", xLabel: "feature x₂", yLabel: "label y",
    title: "Synthetic data: y = 2·x₁ − 3.4·x₂ + 4.2 + noise"));

// ## The loss function (损失函数)
//
// The notes describe the loss as the measure of how far the model's outputs are from the training labels: the labels are the
// reliable reference, and the parameters are adjusted until the model fits them. For regression the usual choice is the
// squared loss (平方损失) of one example,
//
// $$l^{(i)}(\mathbf w, b) = \tfrac12\left(\hat y^{(i)} - y^{(i)}\right)^2,$$
//
// averaged (or summed) over the data set. The ½ only makes the derivative tidy. Written as a function, from scratch:

Tensor LinReg(Tensor X, Tensor w, Tensor b) => X.mm(w) + b;
Tensor SquaredLoss(Tensor yHat, Tensor y) => (yHat - y.reshape(yHat.shape)).pow(2) / 2;

var lossAtTruth = SquaredLoss(LinReg(features, trueW.reshape(-1, 1), torch.tensor(trueB)), labels).mean().item<float>();
var lossAtZero = SquaredLoss(LinReg(features, torch.zeros(2, 1), torch.tensor(0.0)), labels).mean().item<float>();
Console.WriteLine($"mean squared loss with the true parameters: {lossAtTruth:G4}");
Console.WriteLine($"mean squared loss with w = 0, b = 0:        {lossAtZero:G4}");

// With the true parameters the mean loss is about 4.6·10⁻⁵ — that is the noise alone: half the mean square of this sample's noise, whose expected value is σ²/2 = 0.01²/2 = 5·10⁻⁵; with all parameters zero it is about 16. Training has to move from the second number towards the first.
//
// The notes add a fair caveat: this only works if the data really can be described by the model; labels that are pure noise
// cannot be fitted, whatever the parameters.
//
// ## The analytic solution (解析解)
//
// The notes fold the bias into the weights: append a column of ones to **X** and the element b to **w**, so that
// **s** = [w₁, …, wₙ, b]ᵀ and ŷ = **X s**. The loss ‖**Xs** − **y**‖² is a bowl in **s**; setting its gradient
// 2**X**ᵀ(**Xs** − **y**) to zero gives the normal equations and the notes' formula
//
// $$\mathbf s = (\mathbf X^\top \mathbf X)^{-1}\mathbf X^\top \mathbf y.$$
//
// Solving it in float64 for our 1000 examples:

var Xd = torch.cat(new[] { features, torch.ones(features.shape[0], 1) }, dim: 1).to_type(ScalarType.Float64); // [x₁, x₂, 1]
var yd = labels.to_type(ScalarType.Float64);
var s = torch.linalg.inv(Xd.T.mm(Xd)).mm(Xd.T).mm(yd);                                      // (XᵀX)⁻¹Xᵀy
var sTrue = torch.tensor(new double[] { 2, -3.4, 4.2 }).reshape(-1, 1);
Console.WriteLine($"analytic s = [{string.Join(", ", s.flatten().data<double>().Select(v => v.ToString("F5", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"true     s = [2, -3.4, 4.2]");
Console.WriteLine($"largest error |s - s_true| = {(s - sTrue).abs().max().item<double>():G3}");
var gradAtS = 2 * Xd.T.mm(Xd.mm(s) - yd);
Console.WriteLine($"gradient 2Xᵀ(Xs − y) at s: largest entry {gradAtS.abs().max().item<double>():G3} (zero up to rounding)");
Console.WriteLine($"loss ‖Xs − y‖² at s: {(Xd.mm(s) - yd).pow(2).sum().item<double>():G4}, i.e. a mean squared loss ½‖Xs − y‖²/n of {(Xd.mm(s) - yd).pow(2).sum().item<double>() / (2 * Xd.shape[0]):G4}");
var sLstsq = torch.linalg.lstsq(Xd, yd).Solution;                                                         // without forming the inverse
Console.WriteLine($"torch.linalg.lstsq gives the same s: largest difference below 1e-12: {(sLstsq - s).abs().max().item<double>() < 1e-12}");   // rounding-level, and it varies from run to run

// The analytic **s** agrees with the true [2, −3.4, 4.2] to within 3·10⁻⁴; the small difference is the noise in the labels, not an error of the method. The gradient at **s** is zero up to float64 rounding (about 10⁻¹¹), which is exactly the condition the notes derive the formula from.
//
// The notes say "当然 v = 0 就是最小的，但较难求解" (v = 0 is of course the smallest, but hard to solve for); with noisy labels no **s** reaches 0 — the minimum is the
// loss printed above, 0.0925, close to the noise's expected sum of squares (1000 × 0.01² = 0.1). The derivative-equals-zero route gives that minimum
// exactly. The last line solved the same problem a second way, with `torch.linalg.lstsq`, which never forms (**X**ᵀ**X**)⁻¹ and gets the same **s**
// here. Which way is better shows only on a harder problem; we come back to it below.
//
// A small slip in the notes: they describe **s** as **w** with "多加了一个值为 1 的元素" (one more element of value 1). The ones go into
// **X**; the element added to **w** is b, as the notes' own **s** = [w₁, …, wₙ, b]ᵀ says — the third entry printed above, 4.19972, is the bias.
//
// **Where the notes are loose.** The notes say that for a linear model the analytic solution can be derived "甚至不需要训练数据"
// (without even needing training data). The formula itself says otherwise: **s** is computed *from* **X** and **y**. With too
// few examples it does not even exist — with only 2 examples the 3×3 matrix **X**ᵀ**X** has rank 2 and cannot be inverted:

var twoExamples = Xd[0..2, ..];
var gram = twoExamples.T.mm(twoExamples);
Console.WriteLine($"rank of XᵀX with 2 examples: {torch.linalg.matrix_rank(gram).item<long>()} (needs 3)");
Console.WriteLine($"rank of XᵀX with all 1000:   {torch.linalg.matrix_rank(Xd.T.mm(Xd)).item<long>()}");

// What the notes probably mean is that no *iterative training* is needed: the answer comes in one step from the data, without
// choosing a learning rate or a number of epochs. The data is needed either way.

// ### Which solver? Conditioning (条件数)
//
// The formula (**X**ᵀ**X**)⁻¹**X**ᵀ**y** is how the notes derive **s**, not how it is best computed. Three ways to compute it:
// invert **X**ᵀ**X** and multiply (the formula literally), solve the normal equations **X**ᵀ**X s** = **X**ᵀ**y** with
// `torch.linalg.solve` (no inverse), or hand **X** and **y** to `torch.linalg.lstsq`, which factorizes **X** itself (on the CPU by a QR
// factorization with column pivoting) and never forms **X**ᵀ**X**. How much rounding error a method amplifies is measured by the
// **condition number** of the matrix it works on: the ratio of its largest to its smallest singular value. Forming **X**ᵀ**X** squares
// it, cond(**X**ᵀ**X**) = cond(**X**)², so the first two methods work on a problem far more sensitive than the one we were given.
//
// For the data above **X** is well conditioned and all three agree. To see the difference, make a design whose second feature nearly
// repeats the first (x₂ = x₁ plus noise of size 10⁻⁶), compute labels *without* noise from s = [2, −3.4, 4.2], so that s itself is the
// exact least-squares solution, and measure how far each method lands from it:

torch.manual_seed(4);
var x1Ill = torch.randn(1000, 1, dtype: ScalarType.Float64);
var XIll = torch.cat(new[] { x1Ill, x1Ill + 1e-6 * torch.randn(1000, 1, dtype: ScalarType.Float64), torch.ones(1000, 1, dtype: ScalarType.Float64) }, dim: 1);
var yIll = XIll.mm(sTrue);                                          // exact labels: sTrue is the least-squares solution
var gramIll = XIll.T.mm(XIll);
Console.WriteLine($"condition numbers: X {torch.linalg.cond(XIll).item<double>():G2},  XᵀX {torch.linalg.cond(gramIll).item<double>():G2},  cond(X)² {Math.Pow(torch.linalg.cond(XIll).item<double>(), 2):G2}");
double SolveError(Tensor solution) => (solution - sTrue).abs().max().item<double>();
// Errors at round-off level change their last digits from process to process: below a bound, show only the bound.
string RoundOff(double value, int power) => value < Math.Pow(10, power) ? $"below 1E{power}" : value.ToString("G2");
Console.WriteLine($"largest error in s: inverse of XᵀX {SolveError(torch.linalg.inv(gramIll).mm(XIll.T).mm(yIll)):G2},  " +
                  $"solve on XᵀX {SolveError(torch.linalg.solve(gramIll, XIll.T.mm(yIll))):G2},  lstsq on X {RoundOff(SolveError(torch.linalg.lstsq(XIll, yIll).Solution), -9)}");
Console.WriteLine($"the same three on the well-conditioned data above (cond(X) = {torch.linalg.cond(Xd).item<double>():G2}): " +
                  $"largest difference from lstsq {RoundOff((torch.linalg.inv(Xd.T.mm(Xd)).mm(Xd.T).mm(yd) - sLstsq).abs().max().item<double>(), -13)} (inverse), " +
                  $"{RoundOff((torch.linalg.solve(Xd.T.mm(Xd), Xd.T.mm(yd)) - sLstsq).abs().max().item<double>(), -13)} (solve)");

// cond(**X**) is about 2·10⁶ and cond(**X**ᵀ**X**) about 4·10¹², its square. float64 carries about 16 significant digits, and a
// method can lose roughly as many digits as the power of ten of the condition number it works on. `lstsq`, working on **X**, lands
// within 10⁻⁹ of s (its error is round-off, about 10⁻¹⁰, whose digits change from one process to the next); the inverse and `solve`, both working on **X**ᵀ**X**, are off by thousandths, some 10⁷ to 10⁸ times more
// (compare the printed errors; their last digits vary from machine to machine, their sizes do not). `solve` avoids the explicit inverse, which is good practice, but it cannot undo the squaring that
// happened when **X**ᵀ**X** was formed.
//
// So the method to prefer is `torch.linalg.lstsq` (or another solver that factorizes **X** itself, by QR or SVD). The normal
// equations are cheaper, but only by about half: forming **X**ᵀ**X** already costs about n·d² floating-point operations (using its
// symmetry; n = 1000 examples, d = 3 columns), a QR factorization of **X** about 2·n·d², and the 3 × 3 solve that follows is
// negligible next to either. They are fine when **X** is well conditioned, as our data set
// is: its cond(**X**) is about 1.1, and there all three methods agree to better than 10⁻¹³, as the last line shows (the
// differences are round-off of about 10⁻¹⁵, whose digits change from one process to the next).

// ## Minibatch stochastic gradient descent (小批量随机梯度下降)
//
// The notes' recipe: compute the gradient (梯度) of the loss with respect to the parameters **w** and b (not **x** and y — those are
// fixed data), and move the parameters a small step against it. Using all 1000 examples for every step is slow on big data sets,
// so each step uses a random minibatch (小批量) of examples. Three ingredients, written from scratch as in d2l 3.2.
//
// First, a reader that shuffles the examples and hands them out in batches. Each batch is a new pair of tensors, and C# has no
// reference counting to free them when nobody uses them any more, so the reader frees a batch itself once the loop has moved on to
// the next one (a batch you leave the loop with, as with `First()` below, stays yours):

IEnumerable<(Tensor X, Tensor y)> DataIter(int batchSize, Tensor X, Tensor y)
{
    int n = (int)X.shape[0];
    var order = torch.randperm(n);                                       // a fresh random order every epoch
    (Tensor X, Tensor y) batch = default;
    for (int i = 0; i < n; i += batchSize)
    {
        batch.X?.Dispose(); batch.y?.Dispose();                          // the loop has moved on: free the previous batch
        var idx = order[i..Math.Min(i + batchSize, n)];
        batch = (X.index_select(0, idx), y.index_select(0, idx));
        yield return batch;
    }
    batch.X?.Dispose(); batch.y?.Dispose();                              // the epoch is over: free the last one
}

torch.manual_seed(1);
var (xb, yb) = DataIter(10, features, labels).First();
Console.WriteLine($"one minibatch: X {string.Join("×", xb.shape)}, y {string.Join("×", yb.shape)}; first rows:");
display(xb[0..3, ..]);

// Second, the update: minibatch SGD subtracts the learning rate (学习率) times the gradient of the *summed* batch loss divided by
// the batch size, i.e. the gradient of the mean. It runs under `torch.no_grad()` so that the update itself is not recorded, and it
// zeroes the gradients afterwards, because `backward()` adds to `.grad` (notebook 05):

void Sgd(Tensor[] parameters, double lr, int batchSize)
{
    using (torch.no_grad())
        foreach (var p in parameters)
        {
            p.sub_(p.grad * (lr / batchSize));
            p.grad.zero_();
        }
}

// Third, the training loop with d2l's settings: weights drawn from N(0, 0.01²), bias 0, batch size 10, learning rate 0.03,
// 3 epochs. Each step runs inside `torch.NewDisposeScope()`, which frees the step's temporary tensors (predictions, losses,
// gradients of intermediate results) when the step ends; the reader frees the batches. After every step we also record the loss
// on the whole data set, for the plot below.

torch.manual_seed(2);
var w = (torch.randn(2, 1) * 0.01).requires_grad_();
var b = torch.zeros(1).requires_grad_();
double lr = 0.03; int batchSize = 10, numEpochs = 3;
var stepLosses = new List<double>();

for (int epoch = 0; epoch < numEpochs; epoch++)
{
    foreach (var (Xb, yb2) in DataIter(batchSize, features, labels))
    {
        using var scope = torch.NewDisposeScope();
        var l = SquaredLoss(LinReg(Xb, w, b), yb2);   // per-example losses, shape (10, 1)
        l.sum().backward();                           // gradient of the summed loss
        Sgd(new[] { w, b }, lr, batchSize);
        using (torch.no_grad()) stepLosses.Add(SquaredLoss(LinReg(features, w, b), labels).mean().item<float>());
    }
    using (torch.no_grad())
        Console.WriteLine($"epoch {epoch + 1}, loss {SquaredLoss(LinReg(features, w, b), labels).mean().item<float>():F6}");
}
var wScratch = w.detach().flatten(); double bScratch = b.item<float>();
Console.WriteLine($"error in estimating w: [{(trueW - wScratch)[0].item<float>():G3}, {(trueW - wScratch)[1].item<float>():G3}]");
Console.WriteLine($"error in estimating b: {trueB - bScratch:G3}");

// The loss on the whole data set falls from about 0.04 after the first epoch to 1.5·10⁻⁴ and then 4.7·10⁻⁵ — the noise floor seen above. The learned parameters differ from the true ones by less than 10⁻³, the same order as the analytic solution's error.
//
// The loss curve over all 300 steps (log scale) shows where the work is done:

foreach (int step in new[] { 100, 150, 200, 300 })
    Console.WriteLine($"after step {step}: loss {stepLosses[step - 1]:G2}");
display(Plots.Plot(Enumerable.Range(1, stepLosses.Count).Select(i => (double)i).ToArray(),
    new[] { new Series("loss on all 1000 examples", stepLosses.ToArray()) },
    xLabel: "SGD step (batch of 10)", yLabel: "mean squared loss", title: "Minibatch SGD from scratch", logY: true));

// The first epoch (the first 100 steps) takes the loss from about 16 (the loss at w = 0 printed earlier) down to a few hundredths.
// On a linear axis that would look like all of the work, but the log scale shows the rest: the second and third epochs cut the
// loss by about three more powers of ten, to about 2·10⁻³ at step 150, 1.5·10⁻⁴ at step 200 and 5·10⁻⁵ by step 300 (the lines
// above the chart). Only there does the curve flatten, just above the least-squares minimum printed with the analytic solution,
// the smallest mean loss any parameters can reach on this sample. That floor lies a little below the true parameters' loss,
// because the best-fitting line also fits a little of this sample's noise; both are close to σ²/2 = 5·10⁻⁵, the loss the noise
// causes on average.
//
// ### The learning rate, a knob to turn
//
// d2l's learning rate 0.03 is one choice. The next cell trains the same model from scratch again, with the same initial weights and
// the same minibatches (the same seed), once for each of several learning rates, and draws each run's loss curve as one frame of a
// chart with a slider under it: move the slider to change the learning rate. d2l's 0.03 stays in every frame as a dashed grey line
// for comparison, and the axes stay fixed.

List<double> LossCurve(double rate, int epochs = 3)
{
    torch.manual_seed(2);                                          // the seed of the training above: same w, b and minibatches
    var wRun = (torch.randn(2, 1) * 0.01).requires_grad_();
    var bRun = torch.zeros(1).requires_grad_();
    var losses = new List<double>();
    for (int epoch = 0; epoch < epochs; epoch++)
        foreach (var (Xb, yb2) in DataIter(batchSize, features, labels))
        {
            using var scope = torch.NewDisposeScope();
            SquaredLoss(LinReg(Xb, wRun, bRun), yb2).sum().backward();
            Sgd(new[] { wRun, bRun }, rate, batchSize);
            using (torch.no_grad()) losses.Add(SquaredLoss(LinReg(features, wRun, bRun), labels).mean().item<float>());
            if (!(losses[^1] < 1e6)) return losses;                // diverged: stop this run (NaN fails the test too)
        }
    return losses;
}

var rates = new[] { 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 2.0 };
var curves = rates.Select(r => LossCurve(r)).ToArray();
Console.WriteLine($"lr 0.03 repeats the training above exactly: {curves[Array.IndexOf(rates, 0.03)].SequenceEqual(stepLosses)}");
foreach (var (rate, curve) in rates.Zip(curves))
    Console.WriteLine($"lr {rate,-5}: loss after step 100 {(curve.Count >= 100 ? curve[99].ToString("G2") : "-"),-8} after step {curve.Count} {curve[^1]:G2}");
double[] Steps(int n) => Enumerable.Range(1, n).Select(i => (double)i).ToArray();
var frames = rates.Zip(curves, (rate, curve) => (Label: rate.ToString(CultureInfo.InvariantCulture),
    Curves: (IReadOnlyList<Curve>)new[] { new Curve($"lr = {rate.ToString(CultureInfo.InvariantCulture)}", Steps(curve.Count), curve.ToArray(), Color: "royalblue") })).ToList();
var reference = new Curve("lr = 0.03 (d2l), in every frame", Steps(stepLosses.Count), stepLosses.ToArray(), Color: "grey", Dashed: true);
display(Plots.Slider("learning rate", frames, xLabel: "SGD step (batch of 10)", yLabel: "mean squared loss (log scale)",
    title: "Minibatch SGD from scratch: the loss for each learning rate", logY: true, yRange: (1e-5, 1e6),
    active: Array.IndexOf(rates, 0.03), fixedCurves: new[] { reference }));

// Move the knob. At 0.003 the loss is still near 3 after 300 steps, and at 0.01 still above 0.04: every step is too small, and
// these runs would need many more epochs. d2l's 0.03 reaches the noise floor by the end of the third epoch; 0.1 gets there within
// the first epoch and 0.3 within a few dozen steps. At 1 the loss drops fastest of all, but then jitters above the floor instead of
// settling: each step, computed from only 10 examples, overshoots. At 2 the first steps already overshoot so far that the loss grows
// instead of shrinking, to thousands within a few steps; the run is stopped when the loss passes 10⁶, and the curve leaves the
// chart. Is that the minibatches' fault? Notebook 05's gradient descent on a bowl diverged for η above 2/λ_max, where λ_max is the
// largest curvature (the largest eigenvalue of the Hessian). Our loss, the mean of ½(ŷ − y)² over the data, has the Hessian
// **X**ᵀ**X**/n, with **X** = [x₁, x₂, 1] as in the analytic solution. Its eigenvalues, and the same start run with full-batch
// gradient descent (every step on all 1000 examples) for 24 steps, as long as the minibatch run at 2 lasted:

var hessian = Xd.T.mm(Xd) / Xd.shape[0];                            // Hessian of the mean of ½(ŷ − y)² in (w₁, w₂, b)
var curvatures = torch.linalg.eigvalsh(hessian);                     // ascending
double lambdaMax = curvatures[-1].item<double>();
Console.WriteLine($"eigenvalues of XᵀX / n: {TensorFormatter.ValuesText(curvatures)}   2 / λ_max = {2 / lambdaMax:F2}");
var batchLambdas = Xd.split(10).Select(Xb => torch.linalg.eigvalsh(Xb.T.mm(Xb) / Xb.shape[0])[-1].item<double>()).Order().ToArray();
Console.WriteLine($"λ_max of XᵀX / 10 for the 100 batches of 10 rows: median {batchLambdas[50]:F2}, smallest {batchLambdas[0]:F2}, largest {batchLambdas[^1]:F2}");

double FullBatchLoss(double rate, int steps)                         // gradient descent on all examples at once
{
    torch.manual_seed(2);                                            // the same start as the minibatch runs
    var wRun = (torch.randn(2, 1) * 0.01).requires_grad_();
    var bRun = torch.zeros(1).requires_grad_();
    for (int step = 0; step < steps; step++)
    {
        using var scope = torch.NewDisposeScope();
        SquaredLoss(LinReg(features, wRun, bRun), labels).sum().backward();
        Sgd(new[] { wRun, bRun }, rate, (int)features.shape[0]);
    }
    using (torch.no_grad()) return SquaredLoss(LinReg(features, wRun, bRun), labels).mean().item<float>();
}
foreach (double rate in new[] { 1.0, 2.0 })
    Console.WriteLine($"full batch, lr {rate}: loss after 24 steps {FullBatchLoss(rate, 24):G2}   (minibatches of 10: {curves[Array.IndexOf(rates, rate)][Math.Min(23, curves[Array.IndexOf(rates, rate)].Count - 1)]:G2})");

// The curvature is close to 1 in every direction (the features are standard normal, the bias's input is 1), but not exactly:
// the largest eigenvalue is a little above 1, so the limit 2/λ_max printed above lies below 2. Full-batch gradient descent at
// η = 2 therefore diverges too — the limit is crossed whatever the batch size, and minibatches are not the reason. What they
// change is how fast it happens: a batch of 10 examples has its own Hessian, whose largest eigenvalue varies from batch to batch: from
// about 1 to above 3, with a median of about 1.6 (the second line). So many minibatch steps overshoot far more than a full-batch step does: after 24 steps the minibatch loss
// is over a thousand times the full-batch one (compare the two numbers on the last line). The same variation keeps the minibatch run
// at 1 jittering above the noise floor in the chart, while full-batch gradient descent at 1 sits on the floor after 24 steps.

// ### The library keeps these functions
//
// d2l saves the functions written in this section (`synthetic_data`, `linreg`, `squared_loss`, `sgd`) in its `d2l` module, so
// later chapters call them instead of writing them again. The course library D2lSharp does the same: it holds the same code, plus
// checks that name a wrong argument, as `Synthetic.SyntheticData`, `Models.LinReg`, `Losses.SquaredLoss`, `Optimizers.Sgd`, and
// `Minibatches.DataIter` for the reader (with one difference: it shuffles with its own seeded generator, so a re-run gives the same
// batches). From here on we use them. Same seed, same code, same numbers:

torch.manual_seed(0);
var (featuresLib, labelsLib) = Synthetic.SyntheticData(trueW, trueB, 1000);
Console.WriteLine($"Synthetic.SyntheticData, seed 0: largest difference from the data above {(featuresLib - features).abs().max().item<float>()} (features), {(labelsLib - labels).abs().max().item<float>()} (labels)");
using (torch.no_grad())
    Console.WriteLine($"Losses.SquaredLoss(Models.LinReg(X, w, b), y) with the trained w, b: mean {Losses.SquaredLoss(Models.LinReg(features, w, b), labels).mean().item<float>():F6}");

// Both differences are 0: the library's function draws the same numbers in the same order. The loss computed through the
// library's `Models.LinReg` and `Losses.SquaredLoss`, 0.000047, is the third epoch's loss printed by the training cell.
//
// ## Why vectorize (矢量化加速)
//
// Every function above works on whole tensors: `X.mm(w)` handles a batch in one call. d2l 3.1 shows why with two
// 10000-element vectors. In C#, as in Python, indexing a tensor element by element is expensive: each `a[i]` creates
// a new `Tensor` object around native memory, which a dispose scope then has to free.

int n = 10000;
var a = torch.ones(n); var bb = torch.ones(n);

double LoopMs()
{
    var c = torch.zeros(n);
    var timer = Stopwatch.StartNew();
    using (var loopScope = torch.NewDisposeScope())
        for (int i = 0; i < n; i++)
            c[i] = a[i] + bb[i];                               // one element at a time
    return timer.Elapsed.TotalMilliseconds;
}
double VectorizedMs()
{
    var timer = Stopwatch.StartNew();
    using var d = a + bb;                                      // one vectorized call
    return timer.Elapsed.TotalMilliseconds;
}
LoopMs(); VectorizedMs();                                      // warm up once (first calls pay for JIT compilation)
double loopMs = Enumerable.Range(0, 3).Select(_ => LoopMs()).Min();
double vecMs = Enumerable.Range(0, 100).Select(_ => VectorizedMs()).Min();
Console.WriteLine($"for-loop: {loopMs:F1} ms   vectorized +: {vecMs:F4} ms   → about {loopMs / vecMs:N0}× faster (best of 3 and of 100 runs)");

// On the machine that ran this copy, the element-by-element loop took the milliseconds printed above and the single `+` only microseconds — faster by the factor at the end of the line. That factor is a timing of this run on this machine, not a constant of nature: it changes from run to run, from machine to machine and with how busy the machine is, so this lesson promises no particular size for it. What does not change is the reason for it: the loop makes 10 000 separate tensor calls from C#, each paying the cost of a call into libtorch and a new one-element tensor, while `+` makes one call that runs through all the numbers in native code. This is why minibatches are processed as matrices, never example by example.
//
// ## The same model, concisely (简洁实现)
//
// d2l 3.3 builds the same model from library pieces: the data reader (d2l's `load_array`; here the library's
// `Minibatches.DataIter`, the reader written above), a fully connected layer `nn.Linear(2, 1)`, the loss `nn.MSELoss()` and the optimizer `torch.optim.SGD`.
// One difference to keep in mind: `MSELoss` is the mean of (ŷ − y)² *without* the ½, so its numbers are twice the loss above and
// its gradient is twice as large — with the same learning rate 0.03 it takes steps twice as big as the from-scratch SGD.

torch.manual_seed(3);
var net = nn.Linear(2, 1);
using (torch.no_grad()) { net.weight!.normal_(0, 0.01); net.bias!.fill_(0); }   // d2l's initialization
var mse = nn.MSELoss();
var trainer = torch.optim.SGD(net.parameters(), 0.03);
var batches = Minibatches.DataIter(10, features, labels, seed: 3);
Console.WriteLine($"{batches.Count} batches of 10 per epoch");

for (int epoch = 0; epoch < 3; epoch++)
{
    foreach (var (Xb, yb2) in batches)
    {
        using var scope = torch.NewDisposeScope();
        var l = mse.forward(net.forward(Xb), yb2);
        trainer.zero_grad();
        l.backward();
        trainer.step();
    }
    using (torch.no_grad())
        Console.WriteLine($"epoch {epoch + 1}, loss {mse.forward(net.forward(features), labels).item<float>():F6}");
}
var wConcise = net.weight!.detach().flatten(); double bConcise = net.bias!.item<float>();
Console.WriteLine($"error in estimating w: [{(trueW - wConcise)[0].item<float>():G3}, {(trueW - wConcise)[1].item<float>():G3}]");
Console.WriteLine($"error in estimating b: {trueB - bConcise:G3}");

// The concise model ends at the same place: its printed loss, 0.000093, is the mean of (ŷ − y)² without the ½. Halved it is about 4.6–4.7·10⁻⁵, the level of the from-scratch run (0.000047) just above the least-squares minimum 4.627·10⁻⁵; unhalved it is close to σ² = 10⁻⁴. Its parameter errors are again below 10⁻³.
//
// C# notes: `net.weight!` — the `!` tells the compiler that this layer does have a weight (the property is nullable because some
// layers have none); `mse.forward(ŷ, y)` is Python's `loss(ŷ, y)`.
//
// ## Three solutions side by side

string F(double v) => v.ToString("F5", CultureInfo.InvariantCulture).PadLeft(10);
var sA = s.flatten().data<double>().ToArray();
Console.WriteLine($"{"",-22}{"w₁",10}{"w₂",10}{"b",10}");
Console.WriteLine($"{"true",-22}{F(2)}{F(-3.4)}{F(4.2)}");
Console.WriteLine($"{"analytic (XᵀX)⁻¹Xᵀy",-22}{F(sA[0])}{F(sA[1])}{F(sA[2])}");
Console.WriteLine($"{"SGD from scratch",-22}{F(wScratch[0].item<float>())}{F(wScratch[1].item<float>())}{F(bScratch)}");
Console.WriteLine($"{"nn.Linear + optim.SGD",-22}{F(wConcise[0].item<float>())}{F(wConcise[1].item<float>())}{F(bConcise)}");

// All three agree with each other and with the truth to about three decimals. None of them recovers [2, −3.4, 4.2] exactly, and none can: with noisy labels the best fit to *this* sample is the analytic solution, and the two SGD runs land within about 10⁻³ of it.
//
// ## Maximum likelihood (极大似然)
//
// The notes now look at the noise. Real data is rarely exactly linear; model the deviation as Gaussian noise ε:
//
// $$y = \mathbf w^\top \mathbf x + b + \epsilon, \qquad \epsilon \sim \mathcal N(0, \sigma^2).$$
//
// The normal distribution (正态分布) with mean μ and standard deviation σ has density
//
// $$p(x) = \frac{1}{\sqrt{2\pi\sigma^2}} \exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right).$$
//
// Changing μ shifts the bell, changing σ widens and flattens it (d2l's figure, for three (μ, σ) pairs):

double Normal(double x, double mu, double sigma) => Math.Exp(-0.5 / (sigma * sigma) * (x - mu) * (x - mu)) / Math.Sqrt(2 * Math.PI * sigma * sigma);
var xs = Enumerable.Range(0, 1401).Select(i => -7 + i * 0.01).ToArray();
var pairs = new (double Mu, double Sigma)[] { (0, 1), (0, 2), (3, 1) };
display(Plots.Plot(xs, pairs.Select(p => new Series($"mean {p.Mu}, std {p.Sigma}", xs.Select(x => Normal(x, p.Mu, p.Sigma)).ToArray())).ToArray(),
    xLabel: "x", yLabel: "p(x)", title: "Normal densities"));

// **Where the notes are loose.** The notes then rewrite the model as "y = ε, ε ~ N(wᵀx + b, σ²)". The intent is right but the
// symbols are mixed up: the noise ε is centred at 0, ε ~ N(0, σ²), and it is the *label* that, for a given **x**, follows
// y ~ N(wᵀx + b, σ²). Our synthetic data shows the difference: the noise (label minus the true linear part) has mean ≈ 0 and
// standard deviation ≈ 0.01, while y itself is nowhere near mean 0:

var eps = labels - Models.LinReg(features, trueW.reshape(-1, 1), torch.tensor(trueB));
Console.WriteLine($"ε = y − (wᵀx + b):  mean {eps.mean().item<float>():F5}, std {eps.std().item<float>():F5}");
Console.WriteLine($"y itself:          mean {labels.mean().item<float>():F3}, std {labels.std().item<float>():F3}");

// The noise ε has mean ≈ 0 and standard deviation ≈ 0.0096 ≈ 0.01: ε ~ N(0, 0.01²). The labels y have mean ≈ 4 and standard deviation ≈ 4 — they are Gaussian only *around* wᵀx + b, one x at a time.
//
// So the likelihood (似然) of one label is the notes' formula with μ = wᵀx + b:
//
// $$P(y \mid \mathbf x) = \frac{1}{\sqrt{2\pi\sigma^2}} \exp\left(-\frac{1}{2\sigma^2}(y - \mathbf w^\top \mathbf x - b)^2\right),$$
//
// and, as the notes say, the likelihood of all labels is the product over examples. Products of 1000 small numbers underflow, so
// one takes the negative logarithm and gets a sum, the negative log-likelihood (负对数似然):
//
// $$-\log P(\mathbf y \mid \mathbf X) = \sum_{i=1}^{n} \tfrac12\log(2\pi\sigma^2) + \frac{1}{\sigma^2}\cdot\tfrac12\left(y^{(i)} - \mathbf w^\top \mathbf x^{(i)} - b\right)^2.$$
//
// The first term does not depend on **w** or b; the second is the summed squared loss times 1/σ². So the notes' claim — maximum
// likelihood and least squares find the same point — should hold exactly. Let us check it numerically, computing the NLL with
// TorchSharp's own `Normal(μ, σ).log_prob` (not with the formula) for several parameter choices, σ = 0.01:

double sigma = 0.01;
long nEx = features.shape[0];
var candidates = new (string Name, double[] S)[]
{
    ("true parameters", new[] { 2, -3.4, 4.2 }),
    ("analytic solution", sA),
    ("SGD from scratch", new[] { (double)wScratch[0].item<float>(), wScratch[1].item<float>(), bScratch }),
    ("w = [1, -3], b = 4", new[] { 1, -3.0, 4 }),
    ("all zero", new[] { 0, 0.0, 0 }),
};
Console.WriteLine($"{"parameters",-20}{"NLL (log_prob)",18}{"n/2·log(2πσ²) + L/σ²",24}{"difference",12}");
foreach (var (name, sv) in candidates)
{
    var yHat = Xd.mm(torch.tensor(sv).reshape(-1, 1));
    double nll = -torch.distributions.Normal(yHat, torch.tensor(sigma, ScalarType.Float64)).log_prob(yd).sum().item<double>();
    double squared = Losses.SquaredLoss(yHat, yd).sum().item<double>();                     // L = Σ ½(ŷ − y)²
    double viaLoss = nEx / 2.0 * Math.Log(2 * Math.PI * sigma * sigma) + squared / (sigma * sigma);
    Console.WriteLine($"{name,-20}{nll,18:G8}{viaLoss,24:G8}{nll - viaLoss,12:G2}");
}

// The two columns agree to the last printed digit for every candidate; the differences (at most a few 10⁻⁸, on numbers as large as 1.6·10⁸) are float64 rounding. So −log-likelihood = constant + squared loss / σ², as the notes claim, and ranking parameters by likelihood is ranking them by squared loss. Note that the analytic solution has an even higher likelihood (lower NLL) than the true parameters: it is the best fit to this particular noisy sample.
//
// The same equality along a line: vary w₁ with w₂ and b at their analytic values. The NLL minus its constant and the squared loss
// divided by σ² are one curve, and they have the same minimizer:

var w1s = Enumerable.Range(0, 81).Select(i => 1.96 + i * 0.001).ToArray();
double constant = nEx / 2.0 * Math.Log(2 * Math.PI * sigma * sigma);
var nllCurve = new double[w1s.Length]; var lossCurve = new double[w1s.Length];
for (int i = 0; i < w1s.Length; i++)
{
    var yHat = Xd.mm(torch.tensor(new[] { w1s[i], sA[1], sA[2] }).reshape(-1, 1));
    nllCurve[i] = -torch.distributions.Normal(yHat, torch.tensor(sigma, ScalarType.Float64)).log_prob(yd).sum().item<double>() - constant;
    lossCurve[i] = Losses.SquaredLoss(yHat, yd).sum().item<double>() / (sigma * sigma);
}
Console.WriteLine($"argmin of the NLL: w₁ = {w1s[Array.IndexOf(nllCurve, nllCurve.Min())]:F3};  argmin of the squared loss: w₁ = {w1s[Array.IndexOf(lossCurve, lossCurve.Min())]:F3}");
display(Plots.Curves(new[] {   // the two curves coincide: a wide pale band under a thin dashed line keeps both visible
        new Curve("NLL − n/2·log(2πσ²) (wide band)", w1s, nllCurve, Color: "lightskyblue", Width: 9),
        new Curve("squared loss / σ² (dashed)", w1s, lossCurve, Color: "darkorange", Width: 2, Dashed: true) },
    xLabel: "w₁", yLabel: "value", title: "Negative log-likelihood and squared loss along w₁"));

// The dashed curve runs exactly along the middle of the wide band — the two curves coincide — and both are smallest at w₁ = 2.000: maximizing the likelihood and minimizing the squared loss find the same point.

// ## Linear regression as a neural network (神经网络)
//
// d2l (3.1.4) draws the same model as a network: each input feature is a unit of the **input layer** (输入层), the prediction is the
// one unit of the **output layer** (输出层), and every input is connected to the output by its weight. Here, with our two features:

display(NetworkDiagram.Draw(
    new NetworkDiagram.Layer("input layer", "x₁", "x₂"),
    new NetworkDiagram.Layer("output layer", "o₁")));

// The output unit computes $o_1 = w_1 x_1 + w_2 x_2 + b$: a weighted sum of everything below it plus a bias. d2l counts this as a
// network of **one layer**, because only the output layer does any computing (the inputs are given); it is a single artificial
// neuron (神经元). The number of inputs is the *feature dimension*; with d features the picture has d input units and still one output.
// Stacking such layers, with something between them that is not linear, is where notebook 09 goes.

// ## Summary
//
// - Linear regression predicts ŷ = **Xw** + b; the squared loss ½(ŷ − y)² measures how far the predictions are from the labels.
// - Folding b into **X** as a column of ones gives the closed form **s** = (**X**ᵀ**X**)⁻¹**X**ᵀ**y** — computed from the data, and only when **X**ᵀ**X** is invertible.
// - Compute that closed form with `torch.linalg.lstsq` on **X**, not by inverting **X**ᵀ**X** or solving the normal equations: forming **X**ᵀ**X** squares
//   the condition number, and on a nearly repeated feature that costs most of the digits.
// - Minibatch SGD reaches nearly the same parameters iteratively; it is what scales to models without a closed form. From scratch it is
//   three small functions (data reader, loss, update); concisely it is `nn.Linear`, `nn.MSELoss` and `optim.SGD`.
// - The learning rate decides how SGD behaves: too small and the loss falls slowly, too large and it oscillates or diverges.
// - Vectorized tensor code is orders of magnitude faster than element-by-element loops.
// - With Gaussian noise ε ~ N(0, σ²), i.e. y ~ N(wᵀx + b, σ²), the negative log-likelihood equals the summed squared loss / σ²
//   plus a constant, so maximum likelihood and least squares pick the same parameters.
//
// ## Exercises
//
// Each checker prints ⏳ until you replace `null` with your answer, then ✅ or ❌ with a hint.
//
// **Exercise 1 — the analytic solution by hand.** For the four examples below, fold the bias into **X** as a column of ones and
// compute **s** = [w₁, w₂, b] with the normal equations. Give a float64 tensor of 3 values (shape (3) or (3, 1)).

var exX = torch.tensor(new double[,] { { 1, 2 }, { 2, 0 }, { 0, 1 }, { 3, 1 } });
var exY = torch.tensor(new double[] { 3, 5, 1, 8 });
Tensor answer1 = null; // replace null with your answer
display(Exercises.Notebook07.Exercise1(exX, exY, answer1));

// **Exercise 2 — one SGD step by hand.** Start from **w** = [0, 0], b = 0 and take one minibatch SGD step with learning rate 0.1
// on the four examples of Exercise 1 (one batch of 4, squared loss ½(ŷ − y)², update with the gradient of the mean). Give the new [w₁, w₂, b].

Tensor answer2 = null; // replace null with your answer
display(Exercises.Notebook07.Exercise2(exX, exY, answer2));

// **Exercise 3 — the negative log-likelihood of one label.** A model predicts ŷ = 2 for an example whose label is y = 3, and the
// noise has σ = 0.5. What is −log P(y | x) in natural logarithms?

double? answer3 = null; // replace null with your answer
display(Exercises.Notebook07.Exercise3(answer3));

// **Exercise 4 — averaging and the learning rate.** Which statements are true? Answer with the letters of all true ones.
//
// (a) Minibatch SGD divides the summed gradient by the batch size (equivalently, it averages the loss) so that the size of a step
// does not grow with the batch size.
// (b) Without that division, doubling the batch size would roughly double every step for the same learning rate.
// (c) Averaging the loss instead of summing it moves the parameters at which the loss is smallest.
// (d) A learning rate that is too large can make the loss grow from step to step instead of shrink.

string answer4 = null; // replace null with your letters, e.g. "ac"
display(Exercises.Notebook07.Exercise4(answer4));
