// Notebook 13 as a .NET program: notebooks/13-numerical-stability.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/13-numerical-stability.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/13/
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

// # 13 — Numerical stability and initialization (稳定性)
//
// This notebook follows the chapter **稳定性** of the notes (d2l section 4.8): exploding gradients (梯度爆炸), vanishing gradients
// (梯度消失), why sigmoid causes them and ReLU much less, and how the initialization of the weights (参数初始化) decides whether signals
// and gradients survive a deep network.
//
// In this notebook you will:
// - multiply 100 random 4 × 4 matrices (d2l's example) and watch the product's norm grow on a log scale;
// - plot sigmoid and its derivative from autograd, check where the derivative is nearly (or exactly) 0, and measure the gradient of every layer of a deep sigmoid net against a ReLU net;
// - see what autograd says ReLU's derivative is, and when a ReLU unit that outputs 0 really is lost;
// - train a small network whose weights all start equal and watch its hidden units stay identical (symmetry, 对称性);
// - derive Xavier initialization from the variances of the forward and backward pass, write it from scratch, check it against `nn.init`, find out what TorchSharp's default `nn.Linear` initialization is, and compare them, with Kaiming's N(0, 2/n_in), on a 15-layer net.

display(Course.Setup());

// ## 1. Exploding gradients (梯度爆炸)
//
// The notes: gradients that are too large make the parameters change too fast, so training has trouble converging
// ("梯度过大，参数更新过快，导致难以收敛"). Where do huge gradients come from? In a network of L layers, the gradient with respect to an early
// layer's parameters is, by the chain rule of notebook 12, a **product** of one Jacobian matrix per later layer (d2l 4.8.1). Products of
// many matrices are numerically fragile. d2l's example: start with one 4 × 4 matrix of N(0, 1) entries and multiply by 100 more.

torch.manual_seed(0);
var M = torch.randn(4, 4);
Console.WriteLine("a single matrix:\n" + ValuesText(M));
var factors = new List<double> { 1 };                    // how many matrices are in the product so far
double FrobeniusNorm(Tensor t) => t.to_type(ScalarType.Float64).norm().item<double>();   // in float64: see below
var productNorms = new List<double> { FrobeniusNorm(M) };
for (int i = 0; i < 100; i++)
{
    M = M.matmul(torch.randn(4, 4));
    factors.Add(i + 2);
    productNorms.Add(FrobeniusNorm(M));
}
Console.WriteLine("after multiplying by 100 more:\n" + ValuesText(M));
Console.WriteLine($"largest |entry| {M.abs().max().item<float>():0.00e+0}, smallest |entry| {M.abs().min().item<float>():0.00e+0}");

// The single matrix has entries of order 1. After 100 more multiplications every entry of the product is between 3.64·10²⁴ and
// 2.21·10²⁵ in absolute value. No single factor is large; the size comes from the number of factors. (Notice also that the four rows are nearly proportional: a long product of random matrices is dominated by one direction.)

double growthPerFactor = Math.Pow(productNorms[^1] / productNorms[0], 1.0 / 100);
Console.WriteLine($"norm of 1 matrix {productNorms[0]:F2}, of 101 matrices {productNorms[^1]:0.00e+0}: on average ×{growthPerFactor:F3} per factor");
Console.WriteLine($"the same norm computed in float32: {M.norm().item<float>()}");
display(Plots.Plot(factors.ToArray(), [new Series("‖product‖ (Frobenius)", productNorms.ToArray())],
    xLabel: "number of 4×4 N(0, 1) matrices multiplied", yLabel: "Frobenius norm of the product", logY: true,
    title: "A product of random matrices grows geometrically"));

// On the log axis the norm is close to a straight line: it grows **geometrically**, on average by a factor of 1.785 per matrix, from
// 3.66 for one matrix to 5.36·10²⁵ for 101. A gradient of that size times any ordinary learning rate throws the parameters far away,
// which is what the notes mean by "updating too fast".
//
// A small numerical-stability lesson hides in this very cell: the Frobenius norm squares the entries, and (2.21·10²⁵)² ≈ 4.9·10⁵⁰ is far beyond
// float32's range, so `norm()` in float32 returns ∞ (second line), although every entry is a finite float32. That is why `FrobeniusNorm`
// converts to float64 first. Multiplying further, the entries themselves overflow:

torch.manual_seed(1);                              // so that re-running this cell draws the same further factors
var longProduct = M.clone();                       // continue the same product, in float32
int firstInf = -1, firstNaN = -1;
for (int k = 102; k <= 300 && firstNaN < 0; k++)
{
    longProduct = longProduct.matmul(torch.randn(4, 4));
    if (firstInf < 0 && longProduct.isinf().any().item<bool>()) firstInf = k;
    if (firstNaN < 0 && longProduct.isnan().any().item<bool>()) firstNaN = k;
}
Console.WriteLine($"float32's largest value: {torch.finfo(ScalarType.Float32).max:0.00e+0}");
Console.WriteLine($"first ±∞ in the product after {firstInf} factors, first NaN after {firstNaN} factors");

// float32 cannot represent anything above 3.40·10³⁸. The first infinite entry appears after 153 factors, and one factor later
// the product contains NaN (∞ − ∞ inside the matrix product). So the notes' "难以收敛" is, if anything, mild: with exploding gradients
// training does not merely converge slowly, it can break down to ∞ and NaN, after which no amount of training recovers.

// ## 2. Vanishing gradients (梯度消失)
//
// The opposite failure: gradients too small, so parameters barely move and training is slow ("梯度过小，参数更新过慢，收敛速度慢"). The notes
// name sigmoid as one cause: its derivative is almost 0 when the input is very large or very small ("在输入很大或很小时导数几乎变 0").
// Here is sigmoid with its derivative, the derivative computed by autograd (backward through `torch.sigmoid` on a grid of inputs):

var xs = (torch.arange(-80, 81).to_type(ScalarType.Float32) / 10).requires_grad_();   // −8, −7.9, …, 8 (exactly 0 in the middle)
var sig = torch.sigmoid(xs);
sig.sum().backward();                                 // each output depends on its own input only, so x.grad = σ'(x)
display(Plots.Plot(Plots.ToArray(xs.detach()), [new Series("sigmoid(x)", Plots.ToArray(sig.detach())),
                                        new Series("derivative of sigmoid (autograd)", Plots.ToArray(xs.grad))],
    xLabel: "x", yLabel: "sigmoid(x) and its derivative", title: "Sigmoid and its gradient"));

// Sigmoid rises from 0 to 1; its derivative is a bump centred at 0 that falls off quickly on both sides. The notes' claim, read off
// exact values:

var points = torch.tensor(new float[] { -20, -10, -5, 0, 5, 10, 20 }, requires_grad: true);
torch.sigmoid(points).sum().backward();
var exact = torch.tensor(new double[] { -20, -10, -5, 0, 5, 10, 20 });
var exactDerivative = torch.sigmoid(exact) * (1 - torch.sigmoid(exact));      // σ'(x) = σ(x)(1 − σ(x)), in float64
Console.WriteLine("     x    σ'(x) autograd, float32    σ'(x) = σ(1−σ), float64    fraction of the maximum 0.25");
for (int i = 0; i < 7; i++)
    Console.WriteLine($"{points[i].item<float>(),6}    {points.grad[i].item<float>(),22:G4}    {exactDerivative[i].item<double>(),24:G4}    {exactDerivative[i].item<double>() / 0.25,14:G3}");
long argmax = xs.grad.argmax().item<long>();
Console.WriteLine($"on the grid −8…8 the derivative is largest at x = {xs[argmax].item<float>()}: {xs.grad.max().item<float>()}");

// The notes are right. The derivative's maximum is **0.25**, at x = 0 (also the largest value on the plotted grid). At ±5 it is
// 0.006648, 2.66% of that maximum; at ±10 it is 4.54·10⁻⁵ (0.0182% of it); at ±20 it is 2.061·10⁻⁹. And in float32 it becomes exactly 0
// for large positive inputs: at x = 20, sigmoid(20) rounds to 1 in float32, so σ(1 − σ) is computed as exactly 0, while at x = −20 the tiny
// value 2.061·10⁻⁹ survives. Even the best case matters: since σ' ≤ 0.25 everywhere, each sigmoid layer multiplies a gradient by a
// quarter at most.

// ### Vanishing through many layers: a sigmoid net against a ReLU net
//
// The notes continue with the chain rule: in backpropagation, once one gradient factor becomes 0, every gradient computed from it
// becomes 0 too ("反向传播过程中如果一个梯度变 0，后续计算的和它相关的梯度就全变 0 了"). That is right, and it does not even take an exact 0:
// each sigmoid layer multiplies the backward signal by σ'(z) ≤ 0.25, so through many layers the product shrinks geometrically — the
// mirror image of the matrix product above.
//
// To see it, we build deep fully connected nets: 15 layers of 256 units, each layer followed by an activation, fed a batch of 256
// standard-normal inputs. The loss is a stand-in, the sum of the last layer's outputs averaged over the batch, so the gradient that
// enters the top layer is the same for every net and any difference comes from the layers. For each layer we record the standard
// deviation of its output (activation) and the norm of the gradient of its weight matrix. One function does this for any activation and
// any initialization; the same seed gives every net the same input and, for the same initialization, the same weights.
// (`torch.set_num_threads(1)`: these operations are small, and on a shared machine one thread is faster than several waiting for
// each other, as notebook 08 explains. It applies to the whole kernel.)

torch.set_num_threads(1);

// Per layer of a deep MLP: the std of the layer's output and the norm of the gradient of its weight matrix.
// initWeight == null keeps nn.Linear's default initialization (weights and biases); otherwise the weights get
// initWeight and the biases 0.
(double[] ActivationStd, double[] GradientNorm) Probe(Func<Tensor, Tensor> activation, Action<Tensor> initWeight,
    int depth = 15, int width = 256, int batch = 256)
{
    using var scope = torch.NewDisposeScope();
    torch.manual_seed(0);
    var layers = Enumerable.Range(0, depth).Select(_ => nn.Linear(width, width)).ToArray();
    if (initWeight != null)
        using (torch.no_grad())
            foreach (var layer in layers) { initWeight(layer.weight); layer.bias.zero_(); }
    var h = torch.randn(batch, width);
    var activationStd = new double[depth];
    for (int i = 0; i < depth; i++)
    {
        h = activation(layers[i].forward(h));
        activationStd[i] = h.std().item<float>();
    }
    (h.sum() / batch).backward();
    var gradientNorm = layers.Select(layer => (double)layer.weight.grad.norm().item<float>()).ToArray();
    foreach (var layer in layers) layer.Dispose();
    return (activationStd, gradientNorm);
}

double[] layerNumbers = Enumerable.Range(1, 15).Select(i => (double)i).ToArray();

// Both nets get the same weights, drawn from N(0, 2/256) — a scale at which a ReLU layer passes a signal on with its size unchanged
// (section 4 explains why the variance has to depend on the width). Only the activation differs:

Action<Tensor> kaimingScale = w => w.normal_(0, Math.Sqrt(2.0 / 256));
var sigmoidNet = Probe(torch.sigmoid, kaimingScale);
var reluNet = Probe(t => t.relu(), kaimingScale);
Console.WriteLine($"sigmoid net: gradient norm at layer 15 {sigmoidNet.GradientNorm[^1]:0.00e+0}, at layer 1 {sigmoidNet.GradientNorm[0]:0.00e+0}  (ratio {sigmoidNet.GradientNorm[0] / sigmoidNet.GradientNorm[^1]:0.0e+0})");
Console.WriteLine($"ReLU net:    gradient norm at layer 15 {reluNet.GradientNorm[^1]:0.00e+0}, at layer 1 {reluNet.GradientNorm[0]:0.00e+0}  (ratio {reluNet.GradientNorm[0] / reluNet.GradientNorm[^1]:F2})");
display(Plots.Plot(layerNumbers, [new Series("sigmoid", sigmoidNet.GradientNorm, Markers: true), new Series("ReLU", reluNet.GradientNorm, Markers: true)],
    xLabel: "layer (1 = next to the input, 15 = last)", yLabel: "‖gradient of the layer's weights‖", logY: true,
    title: "Gradient norm per layer: 15-layer sigmoid net vs ReLU net, same weights"));

// With identical weights, the sigmoid net's gradient falls from 29.1 at the last layer to 3.90·10⁻⁷ at the first: a factor of
// 1.3·10⁻⁸ over 15 layers, so the first layers would barely learn. The ReLU net's gradient goes from 133 to 30.6, a factor of 0.23 — the
// same order of magnitude at every layer (between 30.6 and 216, the plot shows). From layer 15 down to layer 2 the sigmoid curve is nearly a
// straight line on the log axis, losing a factor of about 3 per layer (29.1 to 1.18·10⁻⁵ over 13 steps): the geometric decay that
// σ' ≤ 0.25 predicts. The last step, from layer 2 to layer 1, is steeper, a factor of about 30.

// ### ReLU's derivative
//
// The notes say ReLU's derivative is always 1, which makes it stable ("而 ReLU 的导数恒为 1，比较稳定"), and then, in parentheses, that
// for inputs below 0 the derivative is 0. Both halves together are the right statement: ReLU(x) = max(x, 0) has derivative **1 for x > 0
// and 0 for x < 0**; at x = 0 it has no derivative (the slopes from the left and from the right differ), and autograd has to return
// *something* there. Let us ask it:

var rx = torch.tensor(new float[] { -2f, -0.5f, -1e-6f, 0f, 1e-6f, 0.5f, 2f }, requires_grad: true);
rx.relu().sum().backward();
Console.WriteLine($"x          = {ValuesText(rx.detach())}");
Console.WriteLine($"d relu/dx  = {ValuesText(rx.grad)}   (autograd)");

// Autograd returns **0 at x = 0** (the slope of the left side; TorchSharp runs libtorch, so this is PyTorch's convention too), 0 for every negative input
// however close to 0, and 1 for every positive one. So "恒为 1" should read "1 wherever the unit is active". That is still the reason
// ReLU is stable: an active unit passes the gradient on unchanged, where a sigmoid unit passes on a quarter at most.

// ### Units that output 0: lost for this input, or lost for good?
//
// The notes' parenthesis goes on: when the input is below 0 the derivative is 0, but so is the output, so the unit has dropped out;
// later outputs do not depend on it, and even if its gradient vanishes it matters little ("输入小于 0 时，导数为 0，但输出也为 0，也就是该节点已经
// 失效了，后续输出和该节点没关系，就算梯度消失影响也不大"). For one example that is exactly right. But which units are off changes from
// example to example, so a unit that is off for some inputs still learns from the others. The real problem is a unit that is off for
// **every** input (a "dead" ReLU): it gets no gradient from any example, so gradient descent can never bring it back. We take one layer
// of the ReLU net above, count, then push one unit's bias far negative:

torch.manual_seed(0);
var reluLayer = nn.Linear(256, 256);
using (torch.no_grad()) { reluLayer.weight.normal_(0, Math.Sqrt(2.0 / 256)); reluLayer.bias.zero_(); }
var batchX = torch.randn(256, 256);

Tensor Relus() => reluLayer.forward(batchX).relu();
var off = Relus() == 0;                                                 // (example, unit): is the unit's output 0?
Console.WriteLine($"healthy layer: a unit outputs 0 for {off.to_type(ScalarType.Float32).mean().item<float>():P1} of (example, unit) pairs; " +
                  $"units that output 0 for all 256 examples: {off.all(0).sum().item<long>()}");

using (torch.no_grad()) reluLayer.bias[0].fill_(-10);                    // unit 0: pre-activation below 0 for every example
reluLayer.zero_grad();
var outputs = Relus();
Console.WriteLine($"after bias[0] = −10: unit 0 outputs 0 for {(outputs[.., 0] == 0).sum().item<long>()} of 256 examples");
outputs.sum().backward();
var rowNorms = reluLayer.weight.grad.norm(1);                           // gradient norm of each unit's weights
Console.WriteLine($"gradient of unit 0's weights: norm {rowNorms[0].item<float>()}, of its bias: {reluLayer.bias.grad[0].item<float>()}; " +
                  $"other units: mean weight-gradient norm {rowNorms[1..].mean().item<float>():F2}");

// In the healthy layer a unit outputs 0 for 50.2% of the (example, unit) pairs — about half, as expected for inputs symmetric around
// 0 — yet **none** of the 256 units is off for all 256 examples: every unit is active for some examples and gets gradient from those.
// The notes' reasoning holds per example.
//
// Unit 0, with its bias at −10, outputs 0 for all 256 examples, and the gradient of its weights and of its bias is **exactly 0**, while
// the other units' weight gradients have a mean norm of 207.93. Gradient descent therefore never changes unit 0 again: it is dead for good,
// and the layer has one unit fewer. So the effect is not always small: a ReLU unit that is off for every input (a too-large update can push
// a bias there) is lost capacity, not a harmless zero. This "dying ReLU" problem is why variants such as leaky ReLU exist.

// ## 3. Symmetry (对称性): why the weights must start different
//
// Before choosing *how large* the initial weights should be, d2l 4.8 makes a point the notes do not: they must not all be **equal**.
// If every weight of a layer starts at the same value, every hidden unit computes the same function of the input, receives the same
// gradient, and takes the same step — forever. The layer behaves like a single unit, however many it has.
//
// We train a small MLP, 2 inputs → 16 tanh units → 1 output, on an XOR-like task (label 1 where x₁·x₂ > 0, for 200 points in
// [−1, 1]²), with full-batch SGD for 500 steps: once with every parameter set to 0.3, once with the default random initialization.

torch.manual_seed(1);
var xorX = torch.rand(200, 2) * 2 - 1;
var xorY = (xorX[.., 0] * xorX[.., 1] > 0).to_type(ScalarType.Float32);
Console.WriteLine($"label 1 for {xorY.mean().item<float>():P1} of the 200 points");

(double Accuracy, Tensor HiddenWeights) TrainSmallMlp(bool allEqual, int steps = 500, double lr = 0.5)
{
    torch.manual_seed(2);
    var hidden = nn.Linear(2, 16);
    var output = nn.Linear(16, 1);
    var parameters = hidden.parameters().Concat(output.parameters()).ToArray();
    if (allEqual)
        using (torch.no_grad()) foreach (var p in parameters) p.fill_(0.3);
    Tensor Forward(Tensor x) => output.forward(hidden.forward(x).tanh()).squeeze(1);
    var optimizer = torch.optim.SGD(parameters, lr);
    for (int step = 0; step < steps; step++)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.binary_cross_entropy_with_logits(Forward(xorX), xorY).backward();
        optimizer.step();
    }
    using (torch.no_grad())
        return ((Forward(xorX) > 0).to_type(ScalarType.Float32).eq(xorY).to_type(ScalarType.Float32).mean().item<float>(),
                hidden.weight.detach().clone());
}

foreach (var allEqual in new[] { true, false })
{
    var (accuracy, w1) = TrainSmallMlp(allEqual);
    double spread = (w1 - w1[0]).abs().max().item<float>();           // largest difference between any row and row 0
    Console.WriteLine($"{(allEqual ? "all parameters 0.3" : "random (default) init")}: training accuracy {accuracy:F3}; " +
                      $"hidden weight rows differ from row 0 by at most {spread:G3}");
    Console.WriteLine("  first 4 rows of the 16 × 2 hidden weight matrix:\n  " + ValuesText(w1[..4]).Replace("\n", "\n  "));
}

// With every parameter at 0.3, the 16 rows of the hidden weight matrix are still **exactly equal** after 500 steps (largest
// difference 0): they moved together from (0.3, 0.3) to (0.2467, 0.2499). The 16 units act as one tanh unit, which cannot separate XOR,
// and the training accuracy is 0.550 — no better than always answering 1, since 55.0% of the labels are 1. With random initial weights the rows end up different (by up to
// 2.54) and the same network reaches 0.990. Gradient descent cannot break the symmetry; only the initialization (or randomness during
// training, such as dropout) can. This is the first reason to initialize randomly.

// ## 4. Initialization (参数初始化)
//
// ### The small normal used so far
//
// The notes close their discussion of the gradients with a parenthesis: "so" the book's earlier examples initialized the weights from a normal distribution with mean 0 and
// **variance** 0.01 ("所以本书之前的例子对权重的初始化都用了均值为 0，方差为 0.01 的正态分布生成"). d2l's code is `torch.normal(0, 0.01, …)`, and
// the second argument of `torch.normal` (like TorchSharp's `normal_(mean, std)`) is the **standard deviation**. The course's notebooks
// 07 and 08 wrote the same thing two ways, `torch.randn(…) * 0.01` and `normal_(0, 0.01)`. Sampling both:

torch.manual_seed(0);
var wRandn = torch.randn(784, 10) * 0.01;                               // notebook 08, from scratch
var wNormal = torch.empty(10, 784).normal_(0, 0.01);                   // notebooks 07 and 08, concise
foreach (var (name, w) in new[] { ("randn(784, 10) * 0.01", wRandn), ("normal_(0, 0.01)", wNormal) })
    Console.WriteLine($"{name,-22}: sample std {w.std().item<float>():F5}, sample variance {w.var().item<float>():0.00e+0}");
Console.WriteLine($"for comparison, variance 0.01 would mean std {Math.Sqrt(0.01)}");

// Both give a sample standard deviation of about 0.01 (0.01003 and 0.01007) and a variance of about 1.01·10⁻⁴ — a variance of
// **10⁻⁴**, not 0.01. The notes mixed up the two parameters: "方差为 0.01" should read "标准差为 0.01" (variance 0.0001); a variance of 0.01
// would mean a standard deviation of 0.1, ten times larger. The "所以" (therefore) is also generous: the models of notebooks 07 and 08 have one layer,
// where the scale hardly matters, and d2l's MLP adds only one hidden layer; below we see what this small normal does to a deep net.

// ### Xavier initialization (Xavier 初始化), derived from the variances
//
// d2l 4.8.2.2 derives a scale instead of guessing one. Take one fully connected layer without activation, $o_i = \sum_{j=1}^{n_\mathrm{in}} w_{ij} x_j$,
// with weights drawn independently with mean 0 and variance σ², and inputs with mean 0 and variance γ², independent of the weights.
// Then $E[o_i] = 0$ and
//
// $$\mathrm{Var}[o_i] = E[o_i^2] = \sum_{j=1}^{n_\mathrm{in}} E[w_{ij}^2]\,E[x_j^2] = n_\mathrm{in}\,\sigma^2\gamma^2 .$$
//
// The output's variance equals the input's only if $n_\mathrm{in}\sigma^2 = 1$. Backpropagation runs the same argument the other way:
// the gradient reaching the inputs is $W^\top$ times the gradient at the outputs, a sum over $n_\mathrm{out}$ terms, so its variance is kept
// only if $n_\mathrm{out}\sigma^2 = 1$. Both cannot hold unless $n_\mathrm{in} = n_\mathrm{out}$; Xavier initialization takes the compromise
// $\tfrac12(n_\mathrm{in} + n_\mathrm{out})\sigma^2 = 1$:
//
// $$\sigma^2 = \frac{2}{n_\mathrm{in} + n_\mathrm{out}}, \qquad\text{i.e. } N\!\left(0, \tfrac{2}{n_\mathrm{in} + n_\mathrm{out}}\right) \text{ or } U\!\left(-\sqrt{\tfrac{6}{n_\mathrm{in} + n_\mathrm{out}}}, \sqrt{\tfrac{6}{n_\mathrm{in} + n_\mathrm{out}}}\right),$$
//
// the uniform bound because U(−a, a) has variance a²/3. First a check of the two variance formulas on one layer with n_in = 256,
// n_out = 64 and σ = 0.05, forward with inputs of variance 1 and backward with an output gradient of variance 1:

torch.manual_seed(0);
long nIn = 256, nOut = 64; double sigma = 0.05;
var layerW = torch.randn(nOut, nIn) * sigma;                  // nn.Linear's layout: (out, in)
var layerX = torch.randn(4096, nIn, requires_grad: true);
var layerO = layerX.matmul(layerW.t());
layerO.backward([torch.randn_like(layerO)]);                    // an output gradient with variance 1
Console.WriteLine($"forward:  Var[o] measured {layerO.var().item<float>():F4}, n_in·σ²  = {nIn * sigma * sigma:F4}");
Console.WriteLine($"backward: Var[∂L/∂x] measured {layerX.grad.var().item<float>():F4}, n_out·σ² = {nOut * sigma * sigma:F4}");

// Measured 0.6464 against n_in·σ² = 256 · 0.05² = 0.64 forward, and 0.1612 against n_out·σ² = 64 · 0.05² = 0.16 backward:
// the same weights shrink the forward signal by one factor and the backward signal by another, and they agree only when
// n_in = n_out. Now Xavier from scratch, compared with TorchSharp's `nn.init` for a 784 → 256 layer:

// Xavier initialization from scratch, for a weight of shape (fanOut, fanIn) as nn.Linear stores it.
Tensor XavierNormal(long fanOut, long fanIn) => torch.randn(fanOut, fanIn) * Math.Sqrt(2.0 / (fanIn + fanOut));
Tensor XavierUniform(long fanOut, long fanIn)
{
    double a = Math.Sqrt(6.0 / (fanIn + fanOut));
    return torch.rand(fanOut, fanIn) * (2 * a) - a;                   // U(0, 1) stretched to U(−a, a)
}

torch.manual_seed(0);
long fanIn = 784, fanOut = 256;
double xavierStd = Math.Sqrt(2.0 / (fanIn + fanOut)), xavierBound = Math.Sqrt(6.0 / (fanIn + fanOut));
var candidates = new[]
{
    ("from scratch, normal", XavierNormal(fanOut, fanIn)),
    ("nn.init.xavier_normal_", nn.init.xavier_normal_(torch.empty(fanOut, fanIn))),
    ("from scratch, uniform", XavierUniform(fanOut, fanIn)),
    ("nn.init.xavier_uniform_", nn.init.xavier_uniform_(torch.empty(fanOut, fanIn))),
};
Console.WriteLine($"theory for n_in = {fanIn}, n_out = {fanOut}: std √(2/(n_in+n_out)) = {xavierStd:F5}; uniform bound √(6/(n_in+n_out)) = {xavierBound:F5}");
foreach (var (name, w) in candidates)
    Console.WriteLine($"{name,-24} std {w.std().item<float>():F5}   min {w.min().item<float>(),8:F5}   max {w.max().item<float>(),8:F5}   " +
                      $"beyond ±2σ: {(w.abs() > 2 * xavierStd).to_type(ScalarType.Float32).mean().item<float>():P2}   " +
                      $"within ±σ: {(w.abs() <= xavierStd).to_type(ScalarType.Float32).mean().item<float>():P2}");
Console.WriteLine($"a normal distribution has {torch.special.erfc(torch.tensor(Math.Sqrt(2))).item<double>():P2} of its values beyond ±2σ " +
                  $"and {1 - torch.special.erfc(torch.tensor(Math.Sqrt(0.5))).item<double>():P2} within ±σ;");
Console.WriteLine($"a uniform U(−a, a) has none beyond ±2σ (2σ = 1.15·a) and 1/√3 = {1 / Math.Sqrt(3):P2} within ±σ (σ = a/√3)");

// All four have the standard deviation the formula asks for: 0.04383 to 0.04386 against 0.04385. The uniform ones stay inside
// ±0.07596 as they should. But look at `nn.init.xavier_normal_`: its minimum and maximum are exactly the *uniform* bound ±0.07596, and
// none of its values lies beyond 2σ, where a normal distribution puts 4.55% of its values (our from-scratch normal: 4.52%, with
// extremes near ±0.2). The share within ±σ tells the two laws apart inside the interval as well: 57.67% for `xavier_normal_`, as for
// both uniform samples (57.76%, 57.67%) and the uniform's 1/√3 = 57.74%, against 68.27% for a normal (ours: 68.22%). In TorchSharp
// 0.107, `xavier_normal_` draws from the **uniform** Xavier distribution. The variance is right, so
// the scale argument of this section is unaffected, but the shape is not what the name promises. That is one more reason to know the
// formula: from here on this notebook uses its own `XavierNormal`.

// ### TorchSharp's default initialization
//
// What does `nn.Linear` do when we do not initialize it ourselves? TorchSharp's `nn.Linear` follows PyTorch's rule: its constructor
// calls Kaiming-uniform (He) initialization with the parameter a = √5, `kaiming_uniform_(w, a: √5)`. Its bound is gain·√(3/n_in) with gain
// √(2/(1 + a²)) = √(1/3), which works out to **U(−1/√n_in, 1/√n_in)**, variance 1/(3 n_in); the bias is drawn from the same interval.
// Rather than trust that, we sample a fresh `nn.Linear(784, 256)`:

torch.manual_seed(0);
var defaultLayer = nn.Linear(784, 256);
var kaiming = nn.init.kaiming_uniform_(torch.empty(256, 784), a: Math.Sqrt(5));
double bound = 1 / Math.Sqrt(784);
Console.WriteLine($"theory: U(−1/√784, 1/√784) = U(−{bound:F5}, {bound:F5}), std 1/√(3·784) = {1 / Math.Sqrt(3 * 784):F5}");
foreach (var (name, t) in new[] { ("nn.Linear weight", defaultLayer.weight.detach()), ("nn.Linear bias", defaultLayer.bias.detach()), ("kaiming_uniform_(a: √5)", kaiming) })
    Console.WriteLine($"{name,-24} min {t.min().item<float>(),9:F5}   max {t.max().item<float>(),8:F5}   std {t.std().item<float>():F5}");

// The weights fill exactly ±0.03571 = 1/√784 with standard deviation 0.02062 = 1/√(3·784), matching `kaiming_uniform_` with a = √5;
// the bias stays inside the same interval (−0.03549 to 0.03509). Compare the variances for a square layer of width n: the default
// 1/(3n) is a third of Xavier's 2/(n + n) = 1/n. So each default layer multiplies the scale of a signal that passes through it linearly
// by about √(1/3) ≈ 0.58.

// ### Four initializations through a 15-layer net
//
// Now the comparison that matters: the same 15-layer, 256-unit net with tanh activations (tanh is the activation Xavier's derivation
// fits best: near 0 it is the identity), initialized four ways — the small normal N(0, 0.01²), TorchSharp's default, Xavier
// (normal, our own from-scratch function, for the reason just seen) and, for comparison, the N(0, 2/n_in) of section 2 (Kaiming or He
// initialization, derived like Xavier's but for ReLU, which zeroes half of its inputs) — and the standard deviation of each layer's output:

var inits = new (string Name, Action<Tensor> Init)[]
{
    ("small normal N(0, 0.01²)", w => w.normal_(0, 0.01)),
    ("TorchSharp default", null),
    ("Xavier normal (from scratch)", w => w.copy_(XavierNormal(w.shape[0], w.shape[1]))),
    ("Kaiming N(0, 2/n_in)", kaimingScale),
};
var tanhProbes = inits.Select(i => Probe(t => t.tanh(), i.Init)).ToArray();
for (int k = 0; k < inits.Length; k++)
    Console.WriteLine($"{inits[k].Name,-28} output std at layer 1 {tanhProbes[k].ActivationStd[0]:F3}, layer 3 {tanhProbes[k].ActivationStd[2]:G3}, layer 15 {tanhProbes[k].ActivationStd[^1]:0.00e+0}");
Console.WriteLine($"std of TorchSharp's default biases for width 256: 1/√(3·256) = {1 / Math.Sqrt(3 * 256):F4}");
display(Plots.Plot(layerNumbers, inits.Select((init, k) => new Series(init.Name, tanhProbes[k].ActivationStd, Markers: true)).ToArray(),
    xLabel: "layer (1 = next to the input)", yLabel: "std of the layer's output", logY: true,
    title: "15-layer tanh net: activation scale per layer for four initializations"));

// - **Small normal N(0, 0.01²)**: each layer multiplies the scale by about 0.01·√256 = 0.16, so the output's standard deviation is
//   0.156 after one layer, 0.00401 after three and 1.12·10⁻¹² after 15: the signal is gone.
// - **TorchSharp default**: 0.458 after one layer and 0.145 after three — shrinking, but still a usable signal in the one- to
//   three-layer models of this course. From about layer 8 on it levels off near 0.043 (4.32·10⁻² at layer 15): by then what passes
//   through the weights is smaller than the default's random biases (standard deviation 0.0361, the last printed line), and the biases set the size.
// - **Xavier**: 0.625, 0.409, and 0.185 after 15 layers; tanh's saturation still costs a little per layer, but the scale stays of order 1.
// - **Kaiming N(0, 2/n_in)**: a little larger everywhere, 0.719, 0.596 and 0.558.
//
// The gradients tell the same story:

display(Plots.Plot(layerNumbers, inits.Select((init, k) => new Series(init.Name, tanhProbes[k].GradientNorm, Markers: true)).ToArray(),
    xLabel: "layer (1 = next to the input)", yLabel: "‖gradient of the layer's weights‖", logY: true,
    title: "15-layer tanh net: gradient norm per layer for four initializations"));

// With the small normal every layer's gradient is around 10⁻¹⁰: nothing can learn. With the default, the gradient falls steadily
// from 11.3 at the last layer to 5.28·10⁻³ at the first, 4.7·10⁻⁴ of it — vanishing gradients caused by initialization alone, with an activation that
// is not saturated. With Xavier the gradient is about the same at every layer (between 3.33 and 3.90; ratio 1.1), which is exactly what the derivation
// asked for; Kaiming's larger weights give gradients that grow mildly towards the input (7.87 to 17.3).

// The notes end the chapter with: initialization is a research subject of its own, but today's frameworks generate it automatically,
// so one generally does not think about it ("参数初始化也是需要研究的一门学科。目前深度学习框架都会自动生成，一般不考虑这些"). d2l says much the same
// for problems of moderate difficulty. The same four initializations with tanh, sigmoid and ReLU, summarized by the first and last
// layers' activation scale, and by the gradient at the last and the first layer and their ratio:

var activations = new (string Name, Func<Tensor, Tensor> F)[] { ("tanh", t => t.tanh()), ("sigmoid", torch.sigmoid), ("ReLU", t => t.relu()) };
Console.WriteLine($"{"activation",-10} {"initialization",-28} {"std layer 1",12} {"std layer 15",13} {"‖grad‖ layer 15",16} {"‖grad‖ layer 1",15} {"layer 1 / layer 15",19}");
foreach (var (actName, act) in activations)
    foreach (var (initName, init) in inits)
    {
        var (std, grad) = actName == "tanh" ? tanhProbes[Array.FindIndex(inits, i => i.Name == initName)] : Probe(act, init);
        Console.WriteLine($"{actName,-10} {initName,-28} {std[0],12:0.00e+0} {std[^1],13:0.00e+0} {grad[^1],16:0.00e+0} {grad[0],15:0.00e+0} {grad[0] / grad[^1],19:0.0e+0}");
    }

// - **tanh**: as plotted. Default initialization in a 15-layer tanh net loses a factor of 10 in activation scale and a factor of
//   about 2000 in gradient (ratio 4.7·10⁻⁴); Xavier (ratio 1.1) and Kaiming (2.2) keep both.
// - **sigmoid**: every initialization leaves the first layer with a vanishing gradient: ratios from 3.5·10⁻²¹ (small normal) through
//   1.5·10⁻¹³ (default) and 2.1·10⁻¹⁰ (Xavier) to 1.3·10⁻⁸ (Kaiming, the net of section 2). Xavier's derivation assumes an activation with
//   slope 1 at 0; sigmoid's is 0.25, so no standard scale rescues it. Here the activation, not the initialization, is the fix.
// - **ReLU**: with zero biases, scaling all weights by the same factor scales every layer's gradient by the same total factor, so the
//   ratio is 0.23 for all three normal initializations; what differs is the absolute scale. The activations at layer 15 are 4.78·10⁻¹⁵
//   (small normal), 4.15·10⁻³ (Xavier, which halves the variance at each ReLU) and 0.751 (Kaiming: constant, as section 2 promised).
//   TorchSharp's default, whose biases are not zero, shrinks the activations to 2.11·10⁻² and the first layer's gradient to
//   8.6·10⁻⁶ of the last's.
//
// So, kindly: frameworks do always initialize, and for the shallow models so far the default is fine. But the default is one fixed
// choice (U(−1/√n_in, 1/√n_in)), not an automatic adaptation to the network, and in a deep tanh, sigmoid or ReLU net it shrinks signals
// and gradients layer after layer. For deep networks the initialization is worth a thought: Xavier for tanh-like activations, Kaiming
// for ReLU — and, for sigmoid, preferably a different activation.

// ## Summary
//
// - A deep net's gradient is a product of one factor per layer; products of many factors explode or vanish geometrically. 101 random
//   4 × 4 N(0, 1) matrices multiply to entries near 10²⁵ (×1.785 per factor); after 153 factors float32 overflows to ∞, then NaN.
// - Sigmoid's derivative is at most 0.25 (at 0) and nearly 0 for large |x| (0.006648 at ±5, 4.54·10⁻⁵ at ±10; exactly 0 in float32 at
//   x = 20). Through 15 sigmoid layers the gradient fell by a factor of 1.3·10⁻⁸; through the same ReLU layers by only 0.23.
// - ReLU's derivative is 1 for x > 0 and 0 for x < 0; at 0 autograd returns 0. A unit that is 0 for one example still learns from others;
//   a unit that is 0 for every example gets exactly zero gradient and never recovers.
// - Weights must start different: with all parameters equal, hidden units stay identical through training (accuracy 0.550 against
//   0.990 on XOR-like data).
// - The course's earlier initialization is N(0, 0.01²): standard deviation 0.01, variance 10⁻⁴ (not variance 0.01).
// - Xavier: keeping the forward variance needs n_in·σ² = 1, the backward one n_out·σ² = 1; the compromise is σ² = 2/(n_in + n_out).
//   TorchSharp 0.107's `nn.init.xavier_normal_` actually samples the uniform version (same variance). TorchSharp's default `nn.Linear`
//   initialization is U(−1/√n_in, 1/√n_in) (Kaiming-uniform with a = √5), variance 1/(3 n_in).
// - Frameworks initialize automatically, but the default is not tuned to depth: in 15-layer tanh and ReLU nets it shrinks activations
//   and gradients; Xavier (tanh) and Kaiming (ReLU) keep them at scale.
//
// ## Exercises

// **Exercise 1 — Xavier's scale.** What standard deviation does Xavier (normal) initialization give the weights of `nn.Linear(784, 512)`?

double? answer1 = null; // replace null with your answer
display(Exercises.Notebook13.Exercise1(answer1));

// **Exercise 2 — ReLU's derivative, as autograd computes it.** Write ReLU's derivative as a function of x, giving at x = 0 the value
// autograd returns. The checker calls your function on several inputs, 0 among them.

Func<double, double> answer2 = null; // replace null with your function, e.g. x => ...
display(Exercises.Notebook13.Exercise2(answer2));

// **Exercise 3 — symmetry (conceptual).** An MLP with one hidden layer of 16 units starts with **every** weight and bias equal to the same
// constant c ≠ 0 and is trained with minibatch SGD for many epochs. How many *different* hidden units (distinct rows of the hidden weight
// matrix) does it have after training?

int? answer3 = null; // replace null with your answer
display(Exercises.Notebook13.Exercise3(answer3));

// **Exercise 4 — how much can sigmoid shrink a gradient?** Ignore the weights. By what factor, at most, can the sigmoid derivatives of
// 10 stacked sigmoid layers scale a gradient on its way back (the product of the ten σ'(z) factors at best)?

double? answer4 = null; // replace null with your answer
display(Exercises.Notebook13.Exercise4(answer4));
