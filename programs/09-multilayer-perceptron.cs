// Notebook 09 as a .NET program: notebooks/09-multilayer-perceptron.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/09-multilayer-perceptron.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/09/
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

// # 09 — Multilayer perceptron (多层感知机)
//
// This notebook follows the chapter **多层感知机** of the notes (d2l sections 4.1–4.3): a hidden layer (隐藏层) between input and
// output, its inputs, outputs and parameters, and why it needs an activation function (激活函数) to be worth having.
//
// In this notebook you will:
// - see a linear model fail on XOR-like data, and a tiny multilayer perceptron (MLP) fit it;
// - check the notes' description of a hidden layer against a real `nn.Module`: the shape of every layer's output for a minibatch, every layer's parameter count, and how d2l counts layers;
// - collapse a stack of linear layers into one linear map numerically, and see an activation break the collapse;
// - build a one-hidden-layer network by hand that follows a curve as closely as you like — the universal approximation theorem — and see what that theorem does not promise;
// - plot ReLU, pReLU, sigmoid and tanh with their derivatives from autograd, check what the notes say about those derivatives, and see why ReLU became the default;
// - train d2l's MLP (784-256-10) on Fashion-MNIST from scratch and concisely, with a live training plot, compare it with notebook 08's softmax regression on the same data, and try a narrower, a wider and a deeper MLP.

display(Course.Setup());

// ## Why one linear layer is not enough
//
// Softmax regression (notebook 08) scores each class with an affine function of the input, **o** = **xW** + **b**. Its decision
// between two classes is therefore a straight line (a hyperplane in more dimensions): one side one class, the other side the other.
// d2l 4.1 says hidden units can compute "basic logic operations on a pair of inputs"; the classic one that no line can
// separate is XOR (exclusive or): label a point 1 when its two coordinates have *different* signs
// and 0 when they have the same sign. Four clouds of 50 points around (±1, ±1):

string Shape(Tensor t) => string.Join("×", t.shape);

torch.manual_seed(0);
var corners = torch.tensor(new float[,] { { 1, 1 }, { -1, -1 }, { 1, -1 }, { -1, 1 } });
var xorX = corners.repeat(50, 1) + 0.3f * torch.randn(200, 2);                    // 200 points, 50 around each corner
var xorY = (xorX[.., 0] * xorX[.., 1] < 0).to_type(ScalarType.Int64);           // 1 when the signs differ (XOR), else 0
Console.WriteLine($"X {Shape(xorX)}, y {Shape(xorY)}; points with label 1: {xorY.sum().item<long>()} of {xorY.shape[0]}");

// Two models, trained the same way — full batch, cross-entropy, 500 steps of SGD with learning rate 0.5: a linear model
// `nn.Linear(2, 2)`, which is softmax regression on two inputs, and a tiny MLP with one hidden layer of 8 ReLU units. The loop is
// the library's `Trainer.TrainFullBatch`: notebook 07's training step (forward, loss, `backward()`, update) on all 200 points at
// once, repeated; it returns the loss of every step.

torch.manual_seed(1);
var linearXor = nn.Linear(2, 2);
var mlpXor = nn.Sequential(("hidden", nn.Linear(2, 8)), ("relu", nn.ReLU()), ("output", nn.Linear(8, 2)));
var ce = nn.CrossEntropyLoss();
var linearLosses = Trainer.TrainFullBatch(linearXor, xorX, xorY, ce.forward, steps: 500, lr: 0.5);
var mlpLosses = Trainer.TrainFullBatch(mlpXor, xorX, xorY, ce.forward, steps: 500, lr: 0.5);

double XorAccuracy(nn.Module<Tensor, Tensor> model)
{
    using var noGrad = torch.no_grad();
    return Metrics.Accuracy(model.forward(xorX), xorY) / xorY.shape[0];
}
Tensor pLinear;
using (torch.no_grad()) pLinear = torch.softmax(linearXor.forward(xorX), 1)[.., 1];
Console.WriteLine($"ln 2 = {Math.Log(2):F4}: the loss of answering 50 : 50 everywhere");
Course.Record("linear model", ("loss", linearLosses[^1]), ("accuracy", XorAccuracy(linearXor)),
    ("lowest P(label 1)", pLinear.min().item<float>()), ("highest P(label 1)", pLinear.max().item<float>()));
Course.Record("tiny MLP", ("loss", mlpLosses[^1]), ("accuracy", XorAccuracy(mlpXor)));
var steps = Enumerable.Range(1, linearLosses.Count).Select(i => (double)i).ToArray();
display(Plots.Plot(steps, new[] { new Series("linear model", linearLosses.ToArray()), new Series("MLP, 8 hidden ReLU units", mlpLosses.ToArray()) },
    xLabel: "SGD step (full batch of 200 points)", yLabel: "cross-entropy loss", title: "XOR: a linear model stays at chance", logY: true));

// The linear model barely moves: its loss ends a hair below ln 2 = 0.6931, the loss of answering 50 : 50 everywhere, and every
// probability it gives stays between about 0.46 and 0.55 — it has learned nothing. Its accuracy, about 0.42, is no better than a coin
// flip. By symmetry the best it can do with cross-entropy is to stay undecided: whatever a line gains in one quadrant it loses in the
// opposite one. The MLP drives its loss below 0.01 and classifies all 200 points correctly (accuracy 1.0000). Its decision,
// over the plane:

var grid = Enumerable.Range(0, 61).Select(i => -2 + i * 4.0 / 60).ToArray();            // −2 … 2 in steps of 1/15
var gridPoints = torch.tensor(grid.SelectMany(b => grid.SelectMany(a => new[] { (float)a, (float)b })).ToArray()).reshape(-1, 2);
float[] pGrid;
using (torch.no_grad()) pGrid = torch.softmax(mlpXor.forward(gridPoints), 1)[.., 1].data<float>().ToArray();
double PLabel1(double a, double b) => pGrid[(int)Math.Round((b + 2) * 15) * 61 + (int)Math.Round((a + 2) * 15)];
Curve XorPoints(long label, string name, string color)
{
    var points = xorX.index_select(0, xorY.eq(label).nonzero().flatten());
    return new Curve(name, Plots.ToArray(points[.., 0]), Plots.ToArray(points[.., 1]), Mark.Points, Color: color);
}
display(Contours.Plot(PLabel1, grid, grid, new[] { XorPoints(0, "label 0 (same signs)", "deepskyblue"), XorPoints(1, "label 1 (signs differ)", "crimson") },
    title: "Tiny MLP: contours of P(label 1); x1 and x2 are the two inputs", contours: 10, valueLabel: "P(label 1)"));

// The MLP's probability of label 1 (the colour bar reads it off) is high in the two quadrants where the signs differ and low in the other two: its hidden ReLU
// units have cut the plane into pieces and the output layer combines them — something no single straight line can do.
//
// ## Hidden layers (隐藏层)
//
// An MLP puts one or more fully connected layers between the input and the output layer. d2l 4.2's MLP for Fashion-MNIST has one
// hidden layer of 256 units: 784 inputs → 256 hidden units → 10 outputs, with an activation function after the hidden layer.
//
// The notes describe a hidden layer like this:
//
// > 输入为 **X** ∈ ℝ<sup>n×d</sup>，表示 n 个样本，每个样本 d 个特征。一层有 h 个输入单元。每个单元权重参数量为 d，与样本特征相同，也就是一层共有 d × h 个权重参数（偏置 b 也别忘了）。假设单个单元输出的特征个数为 q，该层的输出为 h × q。对于分类问题最后要通过输出层（g 个单元）将输出限制为 g 个标量，再通过 softmax 转为每个类别的概率。
//
// (Input **X** ∈ ℝ<sup>n×d</sup>: n examples of d features. A layer has h *input* units; each unit has d weights, one per feature, so the
// layer has d × h weights — plus the biases. If each unit outputs q features, the layer's output is h × q. For classification an
// output layer of g units gives g numbers, turned into class probabilities by softmax.)
//
// Let us build d2l's MLP as an `nn.Module` and push a real minibatch through it, one layer at a time. A minibatch of n = 32 images
// (not 256, so that n and h = 256 cannot be confused in the shapes):

var fashion = FashionMnist.Load();
var batch = fashion.TrainImages[0..32];
torch.manual_seed(0);
var mlp = nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("output", nn.Linear(256, 10)));
Console.WriteLine($"{"layer",-8}{"output shape",-16}{"parameters",12}   (each parameter's shape)");
Console.WriteLine($"{"input",-8}{Shape(batch),-16}");
var activation = batch;
var outputs = new Dictionary<string, Tensor>();
foreach (var (name, layer) in mlp.named_children())
{
    activation = ((nn.Module<Tensor, Tensor>)layer).forward(activation);
    outputs[name] = activation;
    long count = layer.parameters().Sum(p => p.numel());
    var shapes = string.Join(", ", layer.named_parameters().Select(p => $"{p.Item1} {Shape(p.Item2)}"));
    Console.WriteLine($"{name,-8}{Shape(activation),-16}{count,12}   {shapes}");
}
Console.WriteLine($"total parameters: {mlp.parameters().Sum(p => p.numel())}");
Console.WriteLine($"modules in the Sequential: {mlp.children().Count()}; layers with weights: {mlp.children().Count(m => m.parameters().Any())}");

// Every layer keeps the first axis: **32 rows, one per example**, all the way through. The hidden layer turns each example's 784
// pixels into 256 numbers (one per hidden unit), ReLU keeps that shape, and the output layer turns the 256 numbers into 10 scores.
// Only the two linear layers have parameters: 200960 in the hidden layer and 2570 in the output layer, 203530 in all — 26 times
// the 7850 of softmax regression. (TorchSharp stores a weight as outputs × inputs, 256 × 784, and computes **XW**ᵀ.)
//
// **How many layers is that?** The `Sequential` holds four modules, but d2l counts only the layers that compute with weights: the
// input layer "does not involve any calculations", so for an MLP with one hidden layer "the number of layers in this MLP is 2" —
// the hidden layer and the output layer. `Flatten` only reshapes, and ReLU is the hidden layer's activation, not a layer of its own.
// An MLP with L layers in this count has L − 1 hidden layers.
//
// The notes' counts, computed from their own formulas, next to what the module has:

long n = 32, d = 784, h = 256, g = 10;
Console.WriteLine($"hidden layer: notes' d × h = {d * h} weights, + h = {h} biases → {d * h + h}; nn.Linear(784, 256) has {nn.Linear(784, 256).parameters().Sum(p => p.numel())}");
Console.WriteLine($"output layer: h × g = {h * g} weights, + g = {g} biases → {h * g + g}");
Console.WriteLine($"hidden output for n = {n} examples: n × h = {n}×{h}; measured {Shape(outputs["hidden"])}");
Console.WriteLine($"output layer for n = {n} examples: n × g = {n}×{g}; measured {Shape(outputs["output"])}");

// **What the notes get right:** each unit has d = 784 weights, the layer has d × h = 200704 weights, and with the h = 256 biases the notes
// remind us of, 200960 parameters — exactly what `nn.Linear(784, 256)` holds. The output layer likewise has 256 × 10 + 10 = 2570.
//
// **Where the notes are loose.** Two things, kindly:
// - "一层有 h 个输入单元" (a layer has h *input* units): the h units are the layer's *hidden* units; the inputs are the d features.
// - "假设单个单元输出的特征个数为 q，该层的输出为 h × q" (if each unit outputs q features, the layer's output is h × q): a unit outputs
//   exactly **one number per example** (q = 1), and the examples stay on the first axis. For n examples the hidden layer's output is
//   **n × h** — 32 × 256 above — one row per example, one column per unit. Likewise the output layer gives g = 10 scalars *per example*,
//   an n × g = 32 × 10 matrix, and softmax turns each row into class probabilities.
//
// ## Stacked linear layers collapse into one (去线性化)
//
// The notes: "注意不管隐藏层有多少，都会退化成一个线性模型，所有必须引入去线性化（激活函数）" — however many hidden layers there are,
// without an activation they degenerate into one linear model, so a nonlinearity is needed. The algebra for two layers:
// **H** = **XW**₁ + **b**₁ and **O** = **HW**₂ + **b**₂ give **O** = **X**(**W**₁**W**₂) + (**b**₁**W**₂ + **b**₂) — one weight matrix and one bias.
// For three layers 784 → 256 → 64 → 10 without activations, compute the single equivalent weight and bias (TorchSharp stores
// weights as outputs × inputs, so the product is **W**₃**W**₂**W**₁) and compare the outputs on the minibatch:

torch.manual_seed(0);
var l1 = nn.Linear(784, 256); var l2 = nn.Linear(256, 64); var l3 = nn.Linear(64, 10);
var stack = nn.Sequential(nn.Flatten(), l1, l2, l3);
Tensor W, bEq, stackOut, singleOut;
using (torch.no_grad())
{
    W = l3.weight!.mm(l2.weight!).mm(l1.weight!);                            // 10 × 784
    bEq = l3.weight!.mv(l2.weight!.mv(l1.bias!) + l2.bias!) + l3.bias!;      // 10
    stackOut = stack.forward(batch);
    singleOut = batch.flatten(1).mm(W.T) + bEq;
}
Console.WriteLine($"equivalent W {Shape(W)}, b {Shape(bEq)}: {W.numel() + bEq.numel()} parameters; the stack has {stack.parameters().Sum(p => p.numel())}");
Console.WriteLine($"outputs {Shape(stackOut)}; largest |stack − single layer| = {(stackOut - singleOut).abs().max().item<float>():G3} (outputs up to {stackOut.abs().max().item<float>():F3})");

// The three layers, with 218058 parameters, compute the same outputs as one layer **W** (10 × 784) plus **b** (10) — 7850 parameters,
// exactly softmax regression's count from notebook 08. The largest difference, of the order of 10⁻⁷ on outputs of size up to about 0.38, is
// float32 rounding. So the notes are right (their "所有必须引入去线性化" is a slip for 所以, "so"): however deep, a stack of linear layers is
// one affine map, and it can fit nothing that softmax regression cannot.
//
// An affine map g satisfies g(**a** + **b**) − g(**a**) − g(**b**) + g(**0**) = **0** for all inputs. The stack passes this test; put a
// ReLU after each hidden layer (same weights) and it fails:

var withRelu = nn.Sequential(nn.Flatten(), l1, nn.ReLU(), l2, nn.ReLU(), l3);
double AffinityGap(nn.Module<Tensor, Tensor> f)
{
    using var scope = torch.NewDisposeScope();
    using var noGrad = torch.no_grad();
    var a = batch[0..16]; var b = batch[16..32];
    return (f.forward(a + b) - f.forward(a) - f.forward(b) + f.forward(torch.zeros_like(a))).abs().max().item<float>();
}
Console.WriteLine($"linear stack:        max |g(a+b) − g(a) − g(b) + g(0)| = {AffinityGap(stack):G3}");
Console.WriteLine($"stack with ReLUs:    max |g(a+b) − g(a) − g(b) + g(0)| = {AffinityGap(withRelu):G3}");

// For the linear stack the gap is of the order of 10⁻⁷, rounding again; with the ReLUs it is about 0.04, far beyond rounding (the
// linear stack's outputs above are at most about 0.38). The nonlinearity is what stops the layers from collapsing, and what let
// the tiny MLP above solve XOR.
//
// ## What one hidden layer can do: the universal approximation theorem (通用近似定理)
//
// How far does an activation take us? d2l 4.1: "多层感知机是通用近似器。即使是网络只有一个隐藏层，给定足够的神经元和正确的权重，
// 我们可以对任意函数建模" (MLPs are universal approximators: even with a single hidden layer, given enough neurons and the right
// weights, we can model any function; the English edition, 5.1, says "given enough nodes (possibly absurdly many)"). The precise
// statement (proved by Cybenko
// for sigmoid units, and by Leshno, Lin, Pinkus and Schocken for any activation that is not a polynomial, ReLU included): for every
// continuous function g on a closed, bounded region of inputs and every tolerance ε > 0, there is a network with **one** hidden
// layer of some finite width h whose output stays within ε of g everywhere in that region.
//
// For ReLU and one input the idea fits in a cell. The hidden unit ReLU(x − t) is zero up to t and rises with slope 1 after it: a bend
// at t. The output layer adds such bends with weights, so the network draws a broken line. Put h bends at equally spaced points
// t₀ < t₁ < … of [−3, 3], and choose the output weights so that the line meets g at every bend and at 3: the first weight is the first
// piece's slope, each further weight is the change of slope at its bend, and the output bias is g(−3). The weights are written down
// from g, not learned. The curve g(x) = sin(2x) + 0.3x² is just some continuous function:

// In this program the block's h is h2: cell 12 declares h for the whole program.
double Target(double x) => Math.Sin(2 * x) + 0.3 * x * x;

nn.Module<Tensor, Tensor> BrokenLine(int h, double a = -3, double b = 3)   // h ReLU units whose broken line meets g at h + 1 points
{
    var knots = Enumerable.Range(0, h + 1).Select(k => a + k * (b - a) / h).ToArray();
    var slopes = Enumerable.Range(0, h).Select(k => (Target(knots[k + 1]) - Target(knots[k])) / (knots[k + 1] - knots[k])).ToArray();
    var hidden = nn.Linear(1, h, dtype: ScalarType.Float64);
    var output = nn.Linear(h, 1, dtype: ScalarType.Float64);
    using (torch.no_grad())
    {
        hidden.weight!.fill_(1);                                                         // unit k computes ReLU(x − t_k)
        hidden.bias!.copy_(torch.tensor(knots[..h].Select(t => -t).ToArray()));
        output.weight!.copy_(torch.tensor(slopes.Select((s, k) => k == 0 ? s : s - slopes[k - 1]).ToArray()).reshape(1, h));
        output.bias!.fill_(Target(a));
    }
    return nn.Sequential(("hidden", hidden), ("relu", nn.ReLU()), ("output", output));
}

var xWide = Enumerable.Range(0, 801).Select(i => -4 + i * 0.01).ToArray();           // [−4, 4]: a little beyond the bends
var inside = xWide.Select((x, i) => (x, i)).Where(p => Math.Abs(p.x) <= 3 + 1e-9).Select(p => p.i).ToArray();
double[] NetworkOn(double[] x, nn.Module<Tensor, Tensor> net)
{
    using var noGrad = torch.no_grad();
    return net.forward(torch.tensor(x).reshape(-1, 1)).flatten().data<double>().ToArray();
}
Console.WriteLine($"{"hidden units h",14}   max |network − g| on [−3, 3]");
foreach (int h2 in new[] { 2, 4, 8, 16, 32, 64, 128 })
{
    var y = NetworkOn(xWide, BrokenLine(h2));
    Console.WriteLine($"{h2,14}   {inside.Max(i => Math.Abs(y[i] - Target(xWide[i]))),10:G3}");
}
display(Plots.Curves(new[]
{
    new Curve("g(x) = sin(2x) + 0.3x²", xWide, xWide.Select(Target).ToArray(), Width: 4, Opacity: 0.5),
    new Curve("network, h = 4", xWide, NetworkOn(xWide, BrokenLine(4)), Color: "crimson"),
    new Curve("network, h = 16", xWide, NetworkOn(xWide, BrokenLine(16)), Color: "black", Dashed: true),
}, xLabel: "input x", yLabel: "output", title: "One hidden layer of ReLU units draws a broken line (bends in [−3, 3])"));

// From h = 4 on, each doubling of h divides the largest error by about 4 (the table): the broken line's pieces get shorter, and a
// short piece of a smooth curve is nearly straight. Pick any ε and some h gets below it — the theorem at work, for one input.
//
// What the theorem does **not** promise is as important as what it does:
// - **How many units.** It says some finite h exists, nothing about how large. Here a gentle curve of one input needs a few dozen
//   bends to get within a few hundredths; this construction cuts the input range into pieces, and with d inputs a grid of pieces as fine would need about h<sup>d</sup>
//   of them — hopeless for 784 pixels. Hence d2l-en's "possibly absurdly many", and d2l's remark that deeper networks can approximate many
//   functions much more compactly than one wide layer.
// - **That training finds the weights.** Here g was known and the weights were computed from it. Training sees only examples and
//   must find weights by SGD from a random start, which can stall or settle for something worse; d2l: "实际中学习该函数是很困难的"
//   (in practice, learning that function is hard). (The XOR MLP above did find good weights; nothing guaranteed it.)
// - **Anything about new data.** The theorem is about approximating a function we know, on a region we chose. A network fitted to
//   finitely many training examples can match them all and still be wrong between and beyond them — generalization, the subject of
//   notebook 10. The chart shows the simplest case: outside [−3, 3], where no bend was placed, the network goes on as a straight line
//   (flat on the left) while g curves away.
//
// ## Activation functions (激活函数)
//
// d2l 4.1 introduces three, and a variant. ReLU(x) = max(x, 0) keeps positive inputs and zeroes negative ones; the parametric ReLU,
// pReLU(x) = max(0, x) + α min(0, x) (He et al.), lets a fraction α of a negative input through, where α is a parameter
// that training learns (`nn.PReLU` starts it at 0.25; here it is fixed at 0.25, with TorchSharp's `torch.nn.functional.prelu`);
// sigmoid(x) = 1/(1 + e<sup>−x</sup>) squashes any input into (0, 1); tanh(x) = (1 − e<sup>−2x</sup>)/(1 + e<sup>−2x</sup>)
// squashes into (−1, 1). Their derivatives come from autograd, exactly as in notebook 05: make **x** require a gradient, sum the
// outputs, call `backward()`; since every output depends only on its own input, **x**.grad holds each point's derivative.

var xs = torch.linspace(-8, 8, 161, dtype: ScalarType.Float64);
(Tensor Y, Tensor Grad) ValueAndDerivative(Func<Tensor, Tensor> f, Tensor x0)
{
    var x = x0.detach().clone().requires_grad_();
    var y = f(x);
    y.sum().backward();
    return (y.detach(), x.grad!.detach());
}
var alpha = torch.tensor(0.25, dtype: ScalarType.Float64);
var activations = new (string Name, Func<Tensor, Tensor> F)[]
{
    ("ReLU", x => torch.nn.functional.relu(x)), ("pReLU", x => torch.nn.functional.prelu(x, alpha)),
    ("sigmoid", x => torch.sigmoid(x)), ("tanh", x => torch.tanh(x)),
};
var curves = activations.Select(a => (a.Name, ValueAndDerivative(a.F, xs))).ToList();
var xArr = Plots.ToArray(xs);
display(Plots.Curves(curves.Select(c => new Curve(c.Name + "(x)", xArr, Plots.ToArray(c.Item2.Y), Dashed: c.Name == "pReLU")),
    xLabel: "input x", yLabel: "activation f(x)", title: "Activation functions (pReLU with α = 0.25, dashed)"));

display(Plots.Curves(curves.Select(c => new Curve(c.Name + "′(x) from autograd", xArr, Plots.ToArray(c.Item2.Grad), Dashed: c.Name == "pReLU")),
    xLabel: "input x", yLabel: "derivative f′(x)", title: "Their derivatives (autograd)"));

// ReLU is 0 for negative inputs and the identity for positive ones, and pReLU tilts its negative half to slope α = 0.25; sigmoid and
// tanh are S-shaped, sigmoid between 0 and 1 and tanh between −1 and 1 (tanh is a stretched sigmoid: tanh(x) = 2 sigmoid(2x) − 1).
// In the second plot ReLU′ is a step from 0 to 1 and pReLU′ a step from α to 1; the derivatives of sigmoid and tanh are bells that
// peak at x = 0 — at 0.25 and at 1 — and fade towards 0 on both sides.
//
// The derivatives have closed forms: ReLU′(x) = 0 for x < 0 and 1 for x > 0; pReLU′(x) = α for x < 0 and 1 for x > 0;
// sigmoid′(x) = sigmoid(x)(1 − sigmoid(x)); tanh′(x) = 1 − tanh²(x). Autograd against the formulas, and the values at a few points:

var formulas = new Func<Tensor, Tensor>[]
{
    x => (x > 0).to_type(ScalarType.Float64),
    x => torch.where(x > 0, torch.ones_like(x), alpha.expand_as(x)),
    x => torch.sigmoid(x) * (1 - torch.sigmoid(x)),
    x => 1 - torch.tanh(x).pow(2),
};
double[] probe = { -6, -2, -0.5, 0, 0.5, 2, 6 };
var probeX = torch.tensor(probe);
Console.WriteLine($"{"",-9}{"max |autograd − formula|",26}   derivative at x = {string.Join(", ", probe)}");
for (int i = 0; i < activations.Length; i++)
{
    double gap = (curves[i].Item2.Grad - formulas[i](xs)).abs().max().item<double>();
    var atProbe = ValueAndDerivative(activations[i].F, probeX).Grad.data<double>().Select(v => v.ToString("F4", CultureInfo.InvariantCulture));
    Console.WriteLine($"{activations[i].Name,-9}{gap,26:G3}   {string.Join(", ", atProbe)}");
}

// Autograd and the formulas agree to rounding (at most about 10⁻¹⁶ in float64). At x = 0, where ReLU and pReLU have a kink and no
// derivative, autograd returns the slope on the left — 0 for ReLU, α for pReLU — PyTorch's convention, as d2l notes for ReLU.
//
// The notes' chapter on this subject is 稳定性 (numerical stability, notebook 13), which says two things about these derivatives.
// "sigmoid 函数……在输入很大或很小时导数几乎变 0" (sigmoid's derivative almost vanishes for very large or very small inputs): the table
// agrees — 0.25 at x = 0, 0.1050 at ±2, 0.0025 at ±6, a hundredth of its peak. tanh behaves the same way (0.0707 at ±2, 0.0000 to four
// decimals at ±6). And "ReLU 的导数恒为 1" (ReLU's derivative is always 1) holds only for x > 0: for every negative input it is 0, as
// the table shows and as the notes' own parenthesis goes on to say.
//
// **Why ReLU became the default.** d2l's reasons: it is simple to implement (max(x, 0) is a comparison, where sigmoid and
// tanh need an exponential) and it performs well on a wide range of tasks; its derivatives are "particularly well behaved: either they vanish or
// they just let the argument through", which the table shows (exactly 0 or exactly 1); and that "mitigated the well-documented
// problem of vanishing gradients". Backpropagation multiplies a gradient, layer by layer, by the weights and by the activation's
// derivative (notebook 12 derives it). sigmoid′ is never above 0.25, so across ten sigmoid layers the activation factors alone shrink
// a gradient at least 4¹⁰-fold, about a millionfold; an active ReLU unit's factor is exactly 1. So, in d2l's words, the sigmoid "has
// mostly been replaced by the simpler and more easily trainable ReLU" in hidden layers; it stays where an output must be a
// probability. pReLU keeps a slope α on the negative side, "so some information still gets through, even when the argument is
// negative". Notebook 13 looks at what all this means for deep networks.

// ## An MLP from scratch (多层感知机的从零开始实现)
//
// d2l 4.2 writes the MLP for Fashion-MNIST by hand: parameters **W**₁ (784 × 256), **b**₁ (256), **W**₂ (256 × 10), **b**₂ (10), the
// weights drawn from N(0, 0.01²) (a scaled `randn`) and the biases zero; ReLU written as max(X, 0); the model
// **H** = ReLU(**XW**₁ + **b**₁), **O** = **HW**₂ + **b**₂. `nn.Parameter` marks each tensor as a parameter that requires a gradient,
// so that `torch.optim.SGD` can update the list, as d2l does.

int numInputs = 784, numHiddens = 256, numOutputs = 10;
Tensor Relu(Tensor X) => torch.maximum(X, torch.zeros_like(X));

TorchSharp.Modules.Parameter W1 = null, b1 = null, W2 = null, b2 = null;
void InitScratch()
{
    W1 = nn.Parameter(torch.randn(numInputs, numHiddens) * 0.01);
    b1 = nn.Parameter(torch.zeros(numHiddens));
    W2 = nn.Parameter(torch.randn(numHiddens, numOutputs) * 0.01);
    b2 = nn.Parameter(torch.zeros(numOutputs));
}
Tensor Net(Tensor X)
{
    X = X.reshape(-1, numInputs);
    var H = Relu(X.mm(W1) + b1);
    return H.mm(W2) + b2;
}

torch.manual_seed(0);
InitScratch();
Console.WriteLine($"ReLU of [-2, -0.5, 0, 1.5]: [{string.Join(", ", Relu(torch.tensor(new float[] { -2, -0.5f, 0, 1.5f })).data<float>())}]");
Console.WriteLine($"Net(32 images) → {Shape(Net(batch))}; parameters {new[] { W1, b1, W2, b2 }.Sum(p => p.numel())}");

// The hand-written ReLU zeroes the negative entries and keeps 1.5; the model maps 32 images to 32 × 10 scores, with the 203530
// parameters counted above.
//
// The training loop is the one of notebook 08 — from here on it is the library's `Trainer.Train` (d2l's `train_ch3`): per
// minibatch forward, loss, backward, update, then the test accuracy after each epoch, drawn by an Animator. The loss is d2l's
// `nn.CrossEntropyLoss(reduction='none')`, one loss per example, which the training step averages over the batch before calling `backward()` (d2l:
// `l.mean().backward()`); the optimizer itself does not average. d2l's settings: batch 256, learning rate 0.1, 10 epochs.
//
// **A word on "test" accuracy.** Like d2l's `train_ch3`, the loop reports the accuracy on the test set after every epoch, and this
// notebook goes on to compare models by it. That is for illustration. Notebook 10 explains why a true test set is looked at once, at
// the very end: a set that we use to compare models and choose settings is, strictly, a *validation* set. d2l says the same of its own
// experiments: "the accuracy reported in each experiment of the book is really the validation accuracy and not a true test set
// accuracy".

int batchSize = 256, numEpochs = 10; double lr = 0.1;
torch.manual_seed(0);                                                    // the same initial weights on every re-run ...
InitScratch();
var (trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize);   // ... and the same batch order (fresh, seeded loaders)
var lossPerExample = nn.CrossEntropyLoss(reduction: nn.Reduction.None);
var updater = torch.optim.SGD(new[] { W1, b1, W2, b2 }, lr);
var scratchHistory = Trainer.Train(Net, trainIter, testIter, lossPerExample.forward, numEpochs, updater, Animator.ForTraining(numEpochs, yLim: (0.3, 1.2)));
Course.Record("from scratch", ("train loss", scratchHistory.TrainLoss[^1]), ("train acc", scratchHistory.TrainAccuracy[^1]), ("test acc", scratchHistory.TestAccuracy[^1]));
Console.WriteLine($"{scratchHistory.SecondsPerEpoch.Average():F2} s per epoch on this machine");

// After 10 epochs the MLP from scratch has a training loss of about 0.38 and a test accuracy of about 0.85 (the recorded line gives
// four decimals). Those last digits depend on the machine: libtorch picks its arithmetic kernels by the CPU's instruction set and
// splits its sums over the CPU's threads. One CPU running this notebook with its own kernels and then with AVX2 kernels only, and
// again with one thread instead of two, gave accuracies that differed in the fourth decimal. That is why the text gives such results
// to two decimals, or as a range where runs fall on either side of a rounding boundary (the concise MLP's accuracy rounds to 0.84
// with the CPU's own kernels and to 0.85 with AVX2 ones). The seconds per epoch are those of the machine that ran this copy; the
// hidden layer makes an epoch costlier than one of softmax regression (compare the time printed further below).
//
// ## The MLP, concisely (多层感知机的简洁实现)
//
// d2l 4.3: the same model from library parts — `Flatten`, `Linear(784, 256)`, `ReLU`, `Linear(256, 10)` in a `Sequential`, the
// weights re-drawn from N(0, 0.01²) (d2l's `init_weights`; the biases keep `nn.Linear`'s default initialization, as in d2l),
// the mean `nn.CrossEntropyLoss()` and `torch.optim.SGD` over `net.parameters()`.

torch.manual_seed(0);
(trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize);
var net = nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(numInputs, numHiddens)), ("relu", nn.ReLU()),
    ("output", nn.Linear(numHiddens, numOutputs)));
using (torch.no_grad())
    foreach (var (name, p) in net.named_parameters())
        if (name.EndsWith("weight")) p.normal_(0, 0.01);
var loss = nn.CrossEntropyLoss();
var conciseHistory = Trainer.Train(net, trainIter, testIter, loss.forward, numEpochs, torch.optim.SGD(net.parameters(), lr),
    Animator.ForTraining(numEpochs, yLim: (0.3, 1.2)));
Course.Record("concise", ("train loss", conciseHistory.TrainLoss[^1]), ("train acc", conciseHistory.TrainAccuracy[^1]), ("test acc", conciseHistory.TestAccuracy[^1]));
Console.WriteLine($"{conciseHistory.SecondsPerEpoch.Average():F2} s per epoch on this machine");

// The concise MLP ends within a few thousandths of the model from scratch (compare the two recorded lines): the same model, the
// same learning rate and batch order; only the initial values differ, because `nn.Linear` first draws its own default
// initialization (which moves the random stream) and keeps its default biases.
//
// ## Against softmax regression
//
// Notebook 08 trained softmax regression on the same data. For a fair comparison it is trained here again exactly like the
// concise MLP — same loaders and batch order, weights from N(0, 0.01²), lr 0.1, 10 epochs — with the hidden layer left out:

torch.manual_seed(0);
(trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize);
var softmaxNet = nn.Sequential(("flatten", nn.Flatten()), ("linear", nn.Linear(numInputs, numOutputs)));
using (torch.no_grad())
    foreach (var (name, p) in softmaxNet.named_parameters())
        if (name.EndsWith("weight")) p.normal_(0, 0.01); else p.zero_();
var softmaxHistory = Trainer.Train(softmaxNet, trainIter, testIter, loss.forward, numEpochs, torch.optim.SGD(softmaxNet.parameters(), lr));
Course.Record("softmax regression", ("train loss", softmaxHistory.TrainLoss[^1]), ("train acc", softmaxHistory.TrainAccuracy[^1]), ("test acc", softmaxHistory.TestAccuracy[^1]));
Console.WriteLine($"{softmaxHistory.SecondsPerEpoch.Average():F2} s per epoch on this machine");
Console.WriteLine($"parameters: softmax regression {softmaxNet.parameters().Sum(p => p.numel())}, MLP {net.parameters().Sum(p => p.numel())}");
var epochs = Enumerable.Range(1, numEpochs).Select(e => (double)e).ToArray();
display(Plots.Plot(epochs, new[]
{
    new Series("softmax regression", softmaxHistory.TestAccuracy.ToArray(), Markers: true),
    new Series("MLP from scratch", scratchHistory.TestAccuracy.ToArray(), Markers: true),
    new Series("MLP concise", conciseHistory.TestAccuracy.ToArray(), Markers: true),
}, xLabel: "epoch", yLabel: "test accuracy", title: "Test accuracy per epoch on Fashion-MNIST"));

// Softmax regression ends at a training loss of about 0.45 and a test accuracy of about 0.83; both MLPs end higher, between
// 0.84 and 0.85, with a training loss lower by about 0.06. The per-epoch picture is less tidy than the last line: the MLPs start slower (the
// next section measures why), and all three curves dip and recover along the way. One epoch's test accuracy is a noisy measurement
// of a noisy SGD path, so a difference of a point or so between two models is worth reading over several epochs, not from one. The
// two MLP curves lie almost on top of each other (markers show both). The MLP's advantage costs parameters — 203530 against 7850 —
// and time per epoch (the printed seconds).
//
// ## Narrower, wider, deeper
//
// How much does the hidden layer's size matter, and would a second hidden layer help? (d2l 4.2's exercises ask both.) Three more
// MLPs, trained exactly like the concise one — same loaders and batch order, weights from N(0, 0.01²), lr 0.1 — but for 3 epochs
// to keep the cost down: 64 hidden units, 1024 hidden units, and two hidden layers of 256. The concise MLP above is the 256-unit
// run: its first 3 epochs are a 3-epoch run of it. The seconds per epoch are those of the machine running this copy:

int expEpochs = 3;
nn.Module<Tensor, Tensor> Mlp(params int[] hidden)   // the concise MLP with any list of hidden layer widths
{
    var layers = new List<nn.Module<Tensor, Tensor>> { nn.Flatten() };
    int width = numInputs;
    foreach (int h in hidden) { layers.Add(nn.Linear(width, h)); layers.Add(nn.ReLU()); width = h; }
    layers.Add(nn.Linear(width, numOutputs));
    var model = nn.Sequential(layers);
    using (torch.no_grad())
        foreach (var (name, p) in model.named_parameters())
            if (name.EndsWith("weight")) p.normal_(0, 0.01);
    return model;
}
var experiment = Stopwatch.StartNew();
var variants = new List<(string Name, long Parameters, TrainingHistory History)> { ("784-256-10", net.parameters().Sum(p => p.numel()), conciseHistory) };
foreach (var hidden in new[] { new[] { 64 }, new[] { 1024 }, new[] { 256, 256 } })
{
    torch.manual_seed(0);
    (trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize);
    var model = Mlp(hidden);
    var history = Trainer.Train(model, trainIter, testIter, loss.forward, expEpochs, torch.optim.SGD(model.parameters(), lr));
    variants.Add(($"784-{string.Join("-", hidden)}-10", model.parameters().Sum(p => p.numel()), history));
}
experiment.Stop();
variants = variants.OrderBy(v => v.Name.Count(c => c == '-')).ThenBy(v => v.Parameters).ToList();   // by depth, then by size

Console.WriteLine($"{"model",-16}{"parameters",11}{"s per epoch",13}");
foreach (var v in variants)
    Console.WriteLine($"{v.Name,-16}{v.Parameters,11}{v.History.SecondsPerEpoch.Take(expEpochs).Average(),13:F2} s");
Console.WriteLine($"the three new runs, 3 epochs each, took {experiment.Elapsed.TotalSeconds:F0} s in all; the concise MLP's 10 epochs took {conciseHistory.SecondsPerEpoch.Sum():F0} s");
foreach (var v in variants)
    Course.Record($"{v.Name} after {expEpochs} epochs", ("train loss", v.History.TrainLoss[expEpochs - 1]), ("test acc", v.History.TestAccuracy[expEpochs - 1]));
var expAxis = Enumerable.Range(1, expEpochs).Select(e => (double)e).ToArray();
display(Plots.Plot(expAxis, variants.Select(v => new Series(v.Name, v.History.TrainLoss.Take(expEpochs).ToArray(), Markers: true)).ToArray(),
    xLabel: "epoch", yLabel: "training loss", title: "Narrower, wider, deeper: training loss per epoch"));

// **Width.** The wider the hidden layer, the lower the training loss in every epoch, but the gain is small for the price: from 64
// to 1024 units — 16 times the parameters — the training loss after 3 epochs drops by a few hundredths, and the test accuracies
// after 3 epochs lie within about a point of each other (the recorded lines). On this data and this budget a hidden layer of 64
// units already gets most of what width gives; a wider one fits the training data a little faster, at a cost that grows with it:
// 1024 units have 4 times the parameters of the 256-unit MLP and do 4 times its multiply-adds per example. (The seconds per epoch
// in the table are one run each on a machine that may be doing other work, too noisy to measure that cost; the line below the
// table compares the three new runs with the concise MLP's 10 epochs on the machine running this copy.)
//
// **Depth.** The second hidden layer does not help here: its first epoch ends far behind the others, and it is still behind after
// 3. It is not short of capacity: it has more parameters than the 256-unit MLP and can compute everything that one can (make the
// extra layer the identity: ReLU leaves the non-negative outputs of the first hidden layer as they are). What holds it back is the
// start. Every weight comes from N(0, 0.01²), and a layer of such small weights passes on only a small part of what comes in. At
// initialization, on the 32 images from before: how much the 10 scores vary from image to image (their standard deviation across
// the images, averaged over the classes), and the size of the gradient that reaches the first layer's weights:

double ScoreSpread(nn.Module<Tensor, Tensor> model)
{
    using var noGrad = torch.no_grad();
    return model.forward(batch).std(0).mean().item<float>();
}
double FirstLayerGradient(nn.Module<Tensor, Tensor> model)
{
    model.zero_grad();
    loss.forward(model.forward(batch), fashion.TrainLabels[0..32]).backward();
    return model.children().OfType<TorchSharp.Modules.Linear>().First().weight!.grad!.norm().item<float>();
}
torch.manual_seed(0);
foreach (var hidden in new[] { new int[0], new[] { 64 }, new[] { 256 }, new[] { 1024 }, new[] { 256, 256 } })
{
    var model = Mlp(hidden);
    string name = hidden.Length == 0 ? "784-10 (softmax regression)" : $"784-{string.Join("-", hidden)}-10";
    Course.Record($"{name} at initialization", "G3", ("score spread", ScoreSpread(model)), ("first-layer gradient norm", FirstLayerGradient(model)));
}

// Each layer of small weights makes the scores roughly ten times less sensitive to the input, and the gradient that reaches the
// first layer roughly ten times smaller (compare softmax regression, one and two hidden layers of 256). With so little gradient, SGD
// moves the early layers slowly until the weights have grown. The same measurement explains two things seen above: both MLPs started
// slower than softmax regression, and a wider layer, whose scores sum over more hidden units, starts faster than a narrow one.
// Depth pays off with an initialization scaled to the layer sizes, the subject of notebook 13 (Xavier initialization). So d2l's
// exercise of adding a hidden layer has no answer in general; with d2l's settings and 3 epochs, here, a second hidden layer made
// things worse.

// ## Summary
//
// - A linear model cannot separate XOR-like data: trained on it, it stays at ln 2 and at chance. One hidden layer of 8 ReLU units fits it.
// - A hidden layer of h units on n examples of d features has d × h weights and h biases, and outputs an **n × h** matrix — one row
//   per example, one number per unit (not the notes' h × q). d2l's 784-256-10 MLP has 200960 + 2570 = 203530 parameters, and in
//   d2l's count, which counts the layers with weights and not the input, it has 2 layers.
// - Without activations, stacked linear layers are one affine map: three layers with 218058 parameters computed the same outputs as
//   one 10 × 784 layer plus bias, up to float32 rounding.
// - With an activation, one hidden layer is a universal approximator: for a continuous function on a bounded region and any
//   tolerance, some finite width gets within it. The theorem does not say how wide, does not say that SGD will find the weights,
//   and says nothing about data the network has not seen.
// - ReLU′ is 0 for x < 0 and 1 for x > 0 (pReLU′: α, then 1); sigmoid′ = σ(1 − σ) peaks at 0.25 and tanh′ = 1 − tanh² at 1, both
//   nearly 0 for large |x|. Simple and with a derivative that passes gradients on unchanged, ReLU replaced them in hidden layers.
// - On Fashion-MNIST the MLP reaches a test accuracy of about 0.85 after 10 epochs, against about 0.83 for softmax regression on the
//   same schedule — ahead at the end, though not in every epoch. A wider hidden layer lowers the training loss a little, at a
//   growing cost; a second hidden layer, with d2l's small initial weights, starts slowly, because each such layer of 256 units
//   shrinks the signal and the gradient about tenfold (a narrower one more, a wider one less). These test accuracies served to
//   compare models, so strictly they are validation accuracies.
//
// ## Exercises
//
// Each checker prints ⏳ until you replace `null` with your answer, then ✅ or ❌ (with a hint after a wrong answer).
//
// **Exercise 1 — parameter count.** An MLP for 32 × 32 colour images (3072 inputs) with two hidden layers of 512 and 128 units and
// 100 classes: 3072 → 512 → 128 → 100. How many parameters does it have?

long? answer1 = null; // replace null with your answer
display(Exercises.Notebook09.Exercise1(answer1));

// **Exercise 2 — a hidden layer's output shape.** A minibatch **X** of 64 examples with 20 features goes through `nn.Linear(20, 32)`,
// a hidden layer of 32 units. What is the shape of its output? Give it as an array, e.g. `new long[] { 1, 2 }`.

long[] answer2 = null; // replace null with your answer
display(Exercises.Notebook09.Exercise2(answer2));

// **Exercise 3 — collapse two layers by hand.** The two layers below (weights stored outputs × inputs, as in `nn.Linear`) compute
// **h** = **W**₁**x** + **b**₁ and **o** = **W**₂**h** + **b**₂ with no activation. Give the weight **W** (1 × 2) and bias **b** (1) of the single
// layer **o** = **Wx** + **b** that computes the same outputs.

var (exW1, exB1, exW2, exB2) = Exercises.Notebook09.Exercise3Layers();
string Mat(Tensor t) => "[" + (t.dim() == 1 ? string.Join(", ", t.data<double>()) : string.Join(", ", Enumerable.Range(0, (int)t.shape[0]).Select(i => Mat(t[i])))) + "]";
Console.WriteLine($"W1 = {Mat(exW1)}   b1 = {Mat(exB1)}\nW2 = {Mat(exW2)}   b2 = {Mat(exB2)}");
Tensor answer3W = null, answer3B = null; // replace null with your answers
display(Exercises.Notebook09.Exercise3(answer3W, answer3B));

// **Exercise 4 — a derivative without autograd.** The Swish activation (used in some newer networks) is swish(x) = x · sigmoid(x).
// Write its derivative as a function of a tensor, without calling `backward()`. The checker compares it with autograd at 41 points in [−5, 5].

Func<Tensor, Tensor> answer4 = null; // replace null with your answer, e.g. x => ...
display(Exercises.Notebook09.Exercise4(answer4));

// **Exercise 5 — what an MLP can compute.** Which statements are true? Answer with the letters of all true ones.
//
// (a) Without activation functions, a stack of ten linear layers of 1000 units each can separate the XOR data, given enough training.
// (b) `nn.Sequential(nn.Linear(2, 8), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2))`, with no activation between its first two
// layers, can compute every function that the tiny XOR MLP above can.
// (c) By the universal approximation theorem, one hidden layer of 1000 ReLU units can approximate any continuous function of one
// input on [−3, 3] to within 0.01.
// (d) A ReLU activation adds parameters that training must learn.
// (e) An MLP whose only activation is ReLU, with any number of hidden layers and inputs, computes a continuous, piecewise-linear
// function of its input.

string answer5 = null; // replace null with the letters of all true statements, e.g. "ac"
display(Exercises.Notebook09.Exercise5(answer5));

// **Exercise 6 — the gradient that learns α.** In `nn.PReLU` the slope α of pReLU(x) = max(0, x) + α min(0, x) is a parameter, so
// SGD needs the derivative of pReLU with respect to α — not the derivative with respect to x plotted above. Write ∂pReLU(x)/∂α as a
// function of a tensor x (element by element, for any α), without calling `backward()`. The checker compares it with autograd at 25
// points in [−3, 3].

Func<Tensor, Tensor> answer6 = null; // replace null with your answer, e.g. x => ...
display(Exercises.Notebook09.Exercise6(answer6));
