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
// - plot sigmoid and its derivative from autograd, check where the derivative is nearly (or exactly) 0, and follow the gradient backwards through a deep sigmoid net and a ReLU net, layer by layer: the gradient at each layer's output (kept with `retain_grad()`) and the gradient of its weights;
// - see what autograd says ReLU's derivative is, and when a ReLU unit that outputs 0 really is lost;
// - train a small network whose weights all start equal and watch its hidden units stay identical (permutation symmetry, 对称性);
// - derive Xavier initialization from the variances of the forward and backward pass, write it from scratch, check it against `nn.init`, find out what TorchSharp's default `nn.Linear` initialization is, and compare them, with Kaiming's N(0, 2/n_in), on a 15-layer net;
// - move a slider through the weights' scale and see at which scale tanh, sigmoid and ReLU nets pass a gradient back through 15 layers, build a sigmoid net that passes it like a tanh net, and meet initializations beyond Xavier (orthogonal matrices).

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
    M = M.mm(torch.randn(4, 4));
    factors.Add(i + 2);
    productNorms.Add(FrobeniusNorm(M));
}
Console.WriteLine("after multiplying by 100 more:\n" + ValuesText(M));
Console.WriteLine($"largest |entry| {M.abs().max().item<float>():0.00e+0}, smallest |entry| {M.abs().min().item<float>():0.00e+0}");

// The single matrix has entries of order 1. After 100 more multiplications every entry of the product is between 3.64·10²⁴ and
// 2.21·10²⁵ in absolute value. No single factor is large; the size comes from the number of factors. (Notice also that the four rows are nearly proportional: a long product of random matrices is dominated by one direction.)

double growthPerFactor = Math.Pow(productNorms[^1] / productNorms[0], 1.0 / 100);
Course.Record("Frobenius norm", "G4", ("1 matrix", productNorms[0]), ("101 matrices", productNorms[^1]), ("growth per factor", growthPerFactor));
Course.Record("the same norm computed in float32", M.norm().item<float>());
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
    longProduct = longProduct.mm(torch.randn(4, 4));
    if (firstInf < 0 && longProduct.isinf().any().item<bool>()) firstInf = k;
    if (firstNaN < 0 && longProduct.isnan().any().item<bool>()) firstNaN = k;
}
Console.WriteLine($"float32's largest value: {torch.finfo(ScalarType.Float32).max:0.00e+0}");
Course.Record("factors in the product", "F0", ("at the first ±∞", firstInf), ("at the first NaN", firstNaN));

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
Console.WriteLine("     x    σ'(x) autograd, float32    σ'(x) = σ(1−σ), float64    % of the maximum 0.25");
for (int i = 0; i < 7; i++)
    Console.WriteLine($"{points[i].item<float>(),6}    {points.grad[i].item<float>(),22:G4}    {exactDerivative[i].item<double>(),24:G4}    {100 * exactDerivative[i].item<double>() / 0.25,18:G3} %");
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
// enters the top layer is the same for every net and any difference comes from the layers. For each layer $l$, with pre-activation
// $\mathbf{z}_l = \mathbf{W}_l \mathbf{h}_{l-1} + \mathbf{b}_l$ and output $\mathbf{h}_l = \sigma(\mathbf{z}_l)$, we record the
// standard deviation and the mean of its output and two gradients:
//
// - $\|\partial L/\partial \mathbf{h}_l\|$, the gradient at the layer's output: the backward signal itself, what the chain rule has
//   carried down to layer $l$;
// - $\|\partial L/\partial \mathbf{W}_l\|$, the gradient of its weight matrix, what SGD uses. It is a product of two signals: by
//   notebook 12, $\partial L/\partial \mathbf{W}_l$ is the sum over the batch of $(\partial L/\partial \mathbf{z}_l)\,\mathbf{h}_{l-1}^\top$,
//   the backward signal at the layer times the forward signal that enters it. A weight gradient can shrink because either of
//   them shrinks; the gradient at the outputs isolates the backward pass.
//
// Autograd fills `.grad` only for leaf tensors (the parameters, and tensors we create with `requires_grad`). For an intermediate
// tensor such as $\mathbf{h}_l$ we have to ask before `backward()`, with `h.retain_grad()`, as in PyTorch. (PyTorch could also attach
// a hook to the tensor; TorchSharp 0.107 has no tensor hooks, only forward hooks on modules, so `retain_grad` it is.) One function
// does this for any activation and any initialization; the same seed gives every net the same input and, for the same
// initialization, the same weights.

// Per layer l of a deep MLP: the std and mean of its output h_l, ‖∂L/∂h_l‖ (the backward signal at the layer's output) and
// ‖∂L/∂W_l‖ (the gradient of its weight matrix). initWeight == null keeps nn.Linear's default initialization (weights and
// biases); otherwise the weights get initWeight and the biases 0.
(double[] OutputStd, double[] OutputMean, double[] OutputGradient, double[] WeightGradient) Probe(Func<Tensor, Tensor> activation,
    Action<Tensor> initWeight, int depth = 15, int width = 256, int batch = 256)
{
    using var scope = torch.NewDisposeScope();         // frees this run's tensors at the end: the results are plain doubles
    torch.manual_seed(0);
    var layers = Enumerable.Range(0, depth).Select(_ => nn.Linear(width, width)).ToArray();
    if (initWeight != null)
        using (torch.no_grad())
            foreach (var layer in layers) { initWeight(layer.weight); layer.bias.zero_(); }
    var h = torch.randn(batch, width);
    var outputs = new Tensor[depth];
    for (int i = 0; i < depth; i++)
    {
        h = activation(layers[i].forward(h));
        h.retain_grad();                               // an intermediate tensor: keep its gradient when backward() runs
        outputs[i] = h;
    }
    (h.sum() / batch).backward();
    double[] PerLayer(Func<int, Tensor> value) => Enumerable.Range(0, depth).Select(i => (double)value(i).item<float>()).ToArray();
    var result = (PerLayer(i => outputs[i].std()), PerLayer(i => outputs[i].mean()),
                  PerLayer(i => outputs[i].grad.norm()), PerLayer(i => layers[i].weight.grad.norm()));
    foreach (var layer in layers) layer.Dispose();     // a module's parameters live outside dispose scopes: free them by hand
    return result;
}

double[] layerNumbers = Enumerable.Range(1, 15).Select(i => (double)i).ToArray();

// Both nets get the same weights, drawn from N(0, 2/256) — a scale at which a ReLU layer passes a signal on with its size unchanged
// (section 4 explains why the variance has to depend on the width). Only the activation differs. Solid lines are the gradients at the
// layers' outputs, dashed lines the gradients of their weights:

Action<Tensor> kaimingScale = w => w.normal_(0, Math.Sqrt(2.0 / 256));
var sigmoidNet = Probe(torch.sigmoid, kaimingScale);
var reluNet = Probe(t => t.relu(), kaimingScale);
foreach (var (name, net) in new[] { ("sigmoid net", sigmoidNet), ("ReLU net", reluNet) })
    Course.Record(name, "G3", ("‖∂L/∂h‖ layer 15", net.OutputGradient[^1]), ("‖∂L/∂h‖ layer 2", net.OutputGradient[1]),
        ("‖∂L/∂h‖ layer 1", net.OutputGradient[0]), ("‖∂L/∂W‖ layer 15", net.WeightGradient[^1]),
        ("‖∂L/∂W‖ layer 2", net.WeightGradient[1]), ("‖∂L/∂W‖ layer 1", net.WeightGradient[0]));
Course.Record("sigmoid net, mean output of a layer", "G3", ("lowest", sigmoidNet.OutputMean.Min()), ("highest", sigmoidNet.OutputMean.Max()));
display(Plots.Curves([
        new Curve("sigmoid: ‖∂L/∂h_l‖", layerNumbers, sigmoidNet.OutputGradient, Mark.LineAndPoints, Color: "crimson"),
        new Curve("sigmoid: ‖∂L/∂W_l‖", layerNumbers, sigmoidNet.WeightGradient, Mark.LineAndPoints, Color: "crimson", Dashed: true),
        new Curve("ReLU: ‖∂L/∂h_l‖", layerNumbers, reluNet.OutputGradient, Mark.LineAndPoints, Color: "royalblue"),
        new Curve("ReLU: ‖∂L/∂W_l‖", layerNumbers, reluNet.WeightGradient, Mark.LineAndPoints, Color: "royalblue", Dashed: true)],
    xLabel: "layer l (1 = next to the input, 15 = last)", yLabel: "gradient norm", logY: true,
    title: "15 layers, same weights: sigmoid net vs ReLU net"));

// With identical weights, the sigmoid net's backward signal falls from $\|\partial L/\partial \mathbf{h}_{15}\| = 1$ (the same for every
// net, by the choice of loss) to 1.32·10⁻⁷ at layer 1, steadily: on the log axis the solid red curve is a straight line, a factor of
// about 3.1 per layer. That is the geometric decay σ' ≤ 0.25 predicts. Going down one layer multiplies the gradient by σ'(z) and by the transposed
// weights, which sum over the layer's 256 outputs; with Var[w] = 2/256, the weights multiply its squared norm by 256 · 2/256 = 2 on
// average and σ'² by at most 1/16, so the norm falls by a factor of at least √8 ≈ 2.8 per layer. (Section 4 shows that the backward
// pass counts a layer's outputs, n_out, where the forward pass counts its inputs, n_in; these layers are square, so here both are 256.)
//
// The weight gradients, which SGD uses, fall from 29.1 at layer 15 to 3.90·10⁻⁷ at layer 1: the first layers would barely learn. They
// follow the backward signal from layer 15 down to layer 2 (1.18·10⁻⁵), and then take one steeper step, a factor of about 30 to layer 1.
// The solid curve has no such step (4.10·10⁻⁷ at layer 2, 1.32·10⁻⁷ at layer 1), so the step comes mainly not from the backward pass but
// from the forward factor $\mathbf{h}_{l-1}$: layer 1's input is the data, with mean 0, while every other layer's input is the output of a sigmoid
// layer, whose mean is near 0.5 (between 0.469 and 0.519, printed). In the sum over the batch that makes $\partial L/\partial \mathbf{W}_l$,
// inputs that share a mean add up where zero-mean inputs partly cancel. (Mainly: $\partial L/\partial \mathbf{W}_l$ also carries σ'(z_l), and layer 1's
// pre-activations, computed from the data, spread wider than the others', so its σ' is smaller on average.) A plot of the weight
// gradients alone would have blamed the backward pass for what the input did.
//
// The ReLU net's backward signal does not vanish at all: it grows mildly, from 1 at layer 15 to 2.50 at layer 1. Its weight gradients
// go from 133 to 30.6, staying between 30.6 and 216 at every layer (the dashed blue curve): the same order of magnitude throughout.

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
// **every** input (a "dead" ReLU): it gets no gradient from any example, so gradient descent cannot move its weights or its bias. We
// take one layer of the ReLU net above, count, then push one unit's bias far negative:

torch.manual_seed(0);
var reluLayer = nn.Linear(256, 256);
using (torch.no_grad()) { reluLayer.weight.normal_(0, Math.Sqrt(2.0 / 256)); reluLayer.bias.zero_(); }
var batchX = torch.randn(256, 256);

Tensor Relus() => reluLayer.forward(batchX).relu();
var off = Relus() == 0;                                                 // (example, unit): is the unit's output 0?
Course.Record("healthy layer", "G4", ("share of (example, unit) pairs at 0", off.to_type(ScalarType.Float32).mean().item<float>()),
    ("units at 0 for all 256 examples", off.all(0).sum().item<long>()));

using (torch.no_grad()) reluLayer.bias[0].fill_(-10);                    // unit 0: pre-activation below 0 for every example
reluLayer.zero_grad();
var outputs = Relus();
outputs.sum().backward();
var rowNorms = reluLayer.weight.grad.norm(1);                           // gradient norm of each unit's weights
Course.Record("after bias[0] = −10", "G4", ("examples where unit 0 outputs 0", (outputs[.., 0] == 0).sum().item<long>()),
    ("‖gradient of unit 0's weights‖", rowNorms[0].item<float>()), ("gradient of its bias", reluLayer.bias.grad[0].item<float>()),
    ("mean ‖gradient‖ of the other units' weights", rowNorms[1..].mean().item<float>()));

// In the healthy layer a unit outputs 0 for a share of 0.502 of the (example, unit) pairs — about half, as expected for inputs
// symmetric around 0 — yet **none** of the 256 units is off for all 256 examples: every unit is active for some examples and gets
// gradient from those. The notes' reasoning holds per example.
//
// Unit 0, with its bias at −10, outputs 0 for all 256 examples, and the gradient of its weights and of its bias is **exactly 0**, while
// the other units' weight gradients have a mean norm of 207.9. No step of gradient descent changes unit 0's parameters, so it can only
// come back if its *inputs* change. Here they are fixed data, and on this batch the unit stays dead. In a deep net, though, a unit's
// inputs are the outputs of the layers below it, and those keep changing while their own weights learn; once they move so that some
// example gives the unit a positive pre-activation, it is active again and learns again. (New inputs unlike the training data can
// switch it on as well.) So a dead ReLU is not always lost for good, but while it is dead it is lost capacity, not a harmless zero:
// a layer whose units die, for example after a too-large update pushed their biases far negative, computes with fewer units. This
// "dying ReLU" problem is one reason for variants such as leaky ReLU, whose small slope for x < 0 keeps the gradient from being exactly 0.

// ## 3. Symmetry (对称性): why the weights must start different
//
// Before choosing *how large* the initial weights should be, d2l 4.8 makes a point the notes do not: they must not all be **equal**.
// The hidden units of a layer are interchangeable. Reorder them — the rows of the hidden layer's weights and its biases, and in the
// same way the columns of the next layer's weights — and the network computes exactly the same function. d2l calls this
// **permutation symmetry** (排列对称性) among the hidden units. In itself it is harmless, but it becomes a trap when the units start out
// identical: if every weight of a layer starts at the same value, every hidden unit computes the same function of the input, receives
// the same gradient, and takes the same step — forever. The layer behaves like a single unit, however many it has.
//
// We train a small MLP, 2 inputs → 16 tanh units → 1 output, on an XOR-like task (label 1 where x₁·x₂ > 0, for 200 points in
// [−1, 1]²), with full-batch SGD for 500 steps, once with every parameter set to 0.3, once with the default random initialization.
// The loop is the library's `Trainer.TrainFullBatch(model, X, y, loss, steps, lr)`: at every step it computes the loss over all 200
// points, takes one `torch.optim.SGD` step, and records the loss. Our model ends in `nn.Flatten(0)`, which turns its output of shape (200, 1) into
// the 200 logits that `binary_cross_entropy_with_logits` compares with the 200 labels.

torch.manual_seed(1);
var xorX = torch.rand(200, 2) * 2 - 1;
var xorY = (xorX[.., 0] * xorX[.., 1] > 0).to_type(ScalarType.Float32);
Console.WriteLine($"label 1 for {xorY.mean().item<float>():P1} of the 200 points");

// 2 inputs → 16 tanh units → 1 logit per example; allEqual sets every weight and bias to 0.3.
(nn.Module<Tensor, Tensor> Net, TorchSharp.Modules.Linear Hidden, TorchSharp.Modules.Linear Output) SmallMlp(bool allEqual)
{
    torch.manual_seed(2);
    var hidden = nn.Linear(2, 16);
    var output = nn.Linear(16, 1);
    var net = nn.Sequential(hidden, nn.Tanh(), output, nn.Flatten(0));
    if (allEqual)
        using (torch.no_grad()) foreach (var p in net.parameters()) p.fill_(0.3);
    return (net, hidden, output);
}
Func<Tensor, Tensor, Tensor> logisticLoss = (logits, labels) => nn.functional.binary_cross_entropy_with_logits(logits, labels);

var xorNets = new Dictionary<string, (nn.Module<Tensor, Tensor> Net, TorchSharp.Modules.Linear Hidden, TorchSharp.Modules.Linear Output)>();
foreach (var (name, allEqual) in new[] { ("all parameters 0.3", true), ("random (default) init", false) })
{
    var mlp = SmallMlp(allEqual);
    Trainer.TrainFullBatch(mlp.Net, xorX, xorY, logisticLoss, steps: 500, lr: 0.5);
    double accuracy;
    using (torch.no_grad())
        accuracy = ((mlp.Net.forward(xorX) > 0).to_type(ScalarType.Float32) == xorY).to_type(ScalarType.Float32).mean().item<float>();
    var w1 = mlp.Hidden.weight.detach();
    Course.Record(name, ("training accuracy", accuracy), ("largest difference between a hidden weight row and row 0", (w1 - w1[0]).abs().max().item<float>()));
    Console.WriteLine("  first 4 rows of the 16 × 2 hidden weight matrix:\n  " + ValuesText(w1[..4]).Replace("\n", "\n  "));
    xorNets[name] = mlp;
}

// With every parameter at 0.3, the 16 rows of the hidden weight matrix are still **exactly equal** after 500 steps (largest
// difference 0): they moved together from (0.3, 0.3) to (0.2467, 0.2499). The 16 units act as one tanh unit, which cannot separate XOR,
// and the training accuracy is 0.55 — no better than always answering 1, since 55.0% of the labels are 1. With random initial weights
// the rows end up different (by up to 2.54) and the same network reaches a training accuracy of 0.99. Gradient descent cannot break
// the symmetry; only the initialization (or randomness during training, such as dropout) can. This is the first reason to initialize
// randomly.
//
// Permutation symmetry itself remains after training: the random net's 16 units are all different, but their order means nothing.
// Reorder them at random, rows of the hidden layer and columns of the output layer together, and compare the outputs:

var (trained, hiddenLayer, outputLayer) = xorNets["random (default) init"];
torch.manual_seed(3);
var order = torch.randperm(16);                                          // a random new order of the 16 hidden units
Tensor Logits(Tensor w1, Tensor b1, Tensor w2) => (xorX.mm(w1.t()) + b1).tanh().mm(w2.t()).squeeze(1) + outputLayer.bias;
using (torch.no_grad())
{
    var reordered = Logits(hiddenLayer.weight.index_select(0, order), hiddenLayer.bias.index_select(0, order), outputLayer.weight.index_select(1, order));
    var original = trained.forward(xorX);
    Console.WriteLine($"new order of the hidden units: {ValuesText(order)}");
    Course.Record("trained net vs its units reordered", "G3", ("largest |logit|", original.abs().max().item<float>()),
        ("largest difference of the 200 logits", (reordered - original).abs().max().item<float>()));
}

// The 200 logits agree up to float32 rounding (a matrix product that adds the 16 terms in another order rounds differently, in the
// last digits): a network has 16! orderings of this one layer's units that all compute the same function, so there is no "first" hidden
// unit, and nothing in the gradient could tell two units apart that start equal.

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
    Course.Record(name, "G4", ("sample std", w.std().item<float>()), ("sample variance", w.var().item<float>()));
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
var layerO = layerX.mm(layerW.t());
layerO.backward([torch.randn_like(layerO)]);                    // an output gradient with variance 1
Console.WriteLine($"theory: forward n_in·σ² = {nIn * sigma * sigma:F4}, backward n_out·σ² = {nOut * sigma * sigma:F4}");
Course.Record("measured", ("forward Var[o]", layerO.var().item<float>()), ("backward Var[∂L/∂x]", layerX.grad.var().item<float>()));

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
double Percent(Tensor inside) => 100 * inside.to_type(ScalarType.Float32).mean().item<float>();
foreach (var (name, w) in candidates)
    Course.Record(name, "G4", ("std", w.std().item<float>()), ("min", w.min().item<float>()), ("max", w.max().item<float>()),
        ("% beyond ±2σ", Percent(w.abs() > 2 * xavierStd)), ("% within ±σ", Percent(w.abs() <= xavierStd)));
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
    Course.Record(name, "G4", ("min", t.min().item<float>()), ("max", t.max().item<float>()), ("std", t.std().item<float>()));

// The weights fill exactly ±0.03571 = 1/√784 with standard deviation 0.02062 = 1/√(3·784), matching `kaiming_uniform_` with a = √5;
// the bias stays inside the same interval (−0.03549 to 0.03509). Compare the variances for a square layer of width n: the default
// 1/(3n) is a third of Xavier's 2/(n + n) = 1/n. So each default layer multiplies the scale of a signal that passes through it linearly
// by about √(1/3) ≈ 0.58.

// ### Four initializations through a 15-layer net
//
// Now the comparison that matters: the same 15-layer, 256-unit net with tanh activations, initialized four ways — the small normal
// N(0, 0.01²), TorchSharp's default, Xavier (normal, our own from-scratch function, for the reason just seen) and, for comparison, the
// N(0, 2/n_in) of section 2 (Kaiming or He initialization, derived like Xavier's but for ReLU, which zeroes half of its inputs) — and
// the standard deviation of each layer's output. Tanh is the activation Xavier's derivation fits best, on both of its assumptions
// about the signal: near 0 tanh is the identity (slope 1), and it is odd, tanh(−z) = −tanh(z), so for inputs symmetric around 0 its
// outputs have mean 0, as the derivation assumed of every layer's inputs.

var inits = new (string Name, Action<Tensor> Init)[]
{
    ("small normal N(0, 0.01²)", w => w.normal_(0, 0.01)),
    ("TorchSharp default", null),
    ("Xavier normal (from scratch)", w => w.copy_(XavierNormal(w.shape[0], w.shape[1]))),
    ("Kaiming N(0, 2/n_in)", kaimingScale),
};
var tanhProbes = inits.Select(i => Probe(t => t.tanh(), i.Init)).ToArray();
for (int k = 0; k < inits.Length; k++)
    Course.Record($"tanh, {inits[k].Name}", "G3", ("output std layer 1", tanhProbes[k].OutputStd[0]),
        ("layer 3", tanhProbes[k].OutputStd[2]), ("layer 8", tanhProbes[k].OutputStd[7]), ("layer 15", tanhProbes[k].OutputStd[^1]));
Console.WriteLine($"std of TorchSharp's default biases for width 256: 1/√(3·256) = {1 / Math.Sqrt(3 * 256):F4}");
display(Plots.Plot(layerNumbers, inits.Select((init, k) => new Series(init.Name, tanhProbes[k].OutputStd, Markers: true)).ToArray(),
    xLabel: "layer (1 = next to the input)", yLabel: "std of the layer's output", logY: true,
    title: "15-layer tanh net: activation scale per layer for four initializations"));

// - **Small normal N(0, 0.01²)**: each layer multiplies the scale by about 0.01·√256 = 0.16, so the output's standard deviation is
//   0.156 after one layer, 0.00401 after three and 1.12·10⁻¹² after 15: the signal is gone.
// - **TorchSharp default**: 0.458 after one layer and 0.145 after three — shrinking, but still a usable signal in the one- to
//   three-layer models of this course. From about layer 8 on it levels off near 0.043 (4.32·10⁻² at layer 15): by then what passes
//   through the weights is smaller than the default's random biases (standard deviation 0.0361, the last printed line), and the biases set the size.
// - **Xavier**: 0.625, 0.409, and 0.185 after 15 layers; tanh's slope, 1 at 0 and below 1 everywhere else, still costs a little per layer, but the scale stays of order 1.
// - **Kaiming N(0, 2/n_in)**: a little larger everywhere, 0.719, 0.596 and 0.558.
//
// The gradients tell the same story:

display(Plots.Plot(layerNumbers, inits.Select((init, k) => new Series(init.Name, tanhProbes[k].WeightGradient, Markers: true)).ToArray(),
    xLabel: "layer (1 = next to the input)", yLabel: "‖∂L/∂W_l‖, gradient of the layer's weights", logY: true,
    title: "15-layer tanh net: gradient norm per layer for four initializations"));

// With the small normal every layer's *weight* gradient is around 10⁻¹⁰: no weight can learn from this start. (The biases can:
// the last layer's 256 tanh units sit at slope 1, so its bias gradient has norm about √256 = 16. But with all weights near 0 the net
// gives nearly the same output for every input, and biases alone cannot change that.) With the default, the gradient falls steadily
// from 11.3 at the last layer to 5.28·10⁻³ at the first, 4.7·10⁻⁴ of it — vanishing gradients caused by initialization alone, with an activation that
// is not saturated. With Xavier the gradient is about the same at every layer (between 3.33 and 3.90; ratio 1.1), which is exactly what the derivation
// asked for; Kaiming's larger weights give gradients that grow mildly towards the input (7.87 to 17.3).

// The notes end the chapter with: initialization is a research subject of its own, but today's frameworks generate it automatically,
// so one generally does not think about it ("参数初始化也是需要研究的一门学科。目前深度学习框架都会自动生成，一般不考虑这些"). d2l says much the same:
// the framework's default random initialization usually works well for problems of moderate size (“对于中等规模的问题，这种方法通常很有效”). The same four initializations with tanh, sigmoid and ReLU, summarized by the first and last
// layers' activation scale, and by the gradient at the last and the first layer and their ratio:

var activations = new (string Name, Func<Tensor, Tensor> F)[] { ("tanh", t => t.tanh()), ("sigmoid", torch.sigmoid), ("ReLU", t => t.relu()) };
var tableProbes = activations.ToDictionary(a => a.Name, a => a.Name == "tanh" ? tanhProbes : inits.Select(i => Probe(a.F, i.Init)).ToArray());
Console.WriteLine($"{"activation",-10} {"initialization",-28} {"std layer 1",12} {"std layer 15",13} {"‖∂L/∂W‖ layer 15",17} {"‖∂L/∂W‖ layer 1",16} {"layer 1 / layer 15",19}");
foreach (var (actName, _) in activations)
    for (int k = 0; k < inits.Length; k++)
    {
        var (std, _, _, grad) = tableProbes[actName][k];
        Console.WriteLine($"{actName,-10} {inits[k].Name,-28} {std[0],12:0.00e+0} {std[^1],13:0.00e+0} {grad[^1],17:0.00e+0} {grad[0],16:0.00e+0} {grad[0] / grad[^1],19:0.0e+0}");
    }

// - **tanh**: as plotted. Default initialization in a 15-layer tanh net loses a factor of 10 in activation scale and a factor of
//   about 2000 in gradient (ratio 4.7·10⁻⁴); Xavier (ratio 1.1) and Kaiming (2.2) keep both.
// - **sigmoid**: every one of these initializations leaves the first layer with a vanishing gradient: ratios from 3.5·10⁻²¹ (small
//   normal) through 1.5·10⁻¹³ (default) and 2.1·10⁻¹⁰ (Xavier) to 1.3·10⁻⁸ (Kaiming, the net of section 2). Sigmoid breaks both
//   assumptions about the signal that Xavier's derivation rests on. Its slope at 0 is 0.25, not 1: going down one layer multiplies the
//   gradient's squared norm by about n σ² E[σ'(z)²] ≤ n σ²/16, so a square layer of width n would need σ² ≥ 16/n, sixteen times
//   Xavier's 1/n, merely to break even, and that only if every pre-activation sat at 0. And its outputs are centred at 0.5, not at 0
//   (σ(−z) = 1 − σ(z); section 2's sigmoid net printed layer means between 0.469 and 0.519). The forward formula then holds with
//   E[x²] = Var[x] + 0.25 in place of γ², so the mean alone gives the next layer's pre-activations a variance of n σ² · 0.25 — with the
//   σ² = 16/n the slope asked for, at least 4. Of pre-activations with a standard deviation of 2, about a third
//   lie beyond ±2 (P(|z| > 2) = P(|z/2| > 1) ≈ 32%), where σ' is below σ'(2) = σ(2)(1 − σ(2)) ≈ 0.105, and the average of σ'(z)² falls to
//   about 0.03, half of its 1/16 at 0: raising the scale takes back part of what it was meant to give. A scale alone cannot remove
//   sigmoid's mean of 0.5; the slider below shows where this tug of war ends, and after it a derivation like Xavier's, with biases that
//   cancel the mean, gives a sigmoid net that works.
// - **ReLU**: with zero biases, scaling all weights by the same factor scales every layer's weight gradient by the same total factor,
//   so the ratio is 0.23 for all three normal initializations; what differs is the absolute scale. The activations at layer 15 are
//   4.78·10⁻¹⁵ (small normal), 4.15·10⁻³ (Xavier, which halves the variance at each ReLU) and 0.751 (Kaiming: constant, as section 2
//   promised). ReLU's outputs are not centred at 0 either, but Kaiming's derivation allows for that: it works with E[x²] directly, which
//   for a ReLU of a pre-activation symmetric around 0 is half that pre-activation's variance. TorchSharp's default, whose biases are not
//   zero, shrinks the activations to 2.11·10⁻² and the first layer's gradient to 8.6·10⁻⁶ of the last's.

// ### A knob for the scale
//
// The table compares four fixed choices. The chart below lets you turn the scale yourself: the slider sets the standard deviation σ of
// every weight (biases 0), from far too small through Xavier's √(2/(256 + 256)) = 0.0625 and Kaiming's √(2/256) ≈ 0.0884 to far too
// large, and each frame shows, for the 15-layer tanh, sigmoid and ReLU nets with those weights, the gradient that reaches each layer's
// output, ‖∂L/∂h_l‖, computed by the same `Probe`. Three of the scales are columns of the table (the small normal's 0.01, Xavier's and
// Kaiming's), whose runs are reused; the other five take 15 more runs:

// One frame per weight std σ (biases 0). Three σ are columns of the table above (index in `inits`): their runs are reused, not repeated.
var scales = new (double Std, string Label, int? TableColumn)[]
{
    (0.01, "0.01", 0), (0.03, "0.03", null), (1 / 16.0, "0.0625 (Xavier)", 2), (Math.Sqrt(2.0 / 256), "0.0884 (Kaiming)", 3),
    (0.125, "0.125", null), (0.25, "0.25", null), (0.5, "0.5", null), (1, "1", null),
};
var colors = new[] { "seagreen", "crimson", "royalblue" };                  // tanh, sigmoid, ReLU, in the order of `activations`
var frames = new List<(string Label, IReadOnlyList<Curve> Curves)>();
foreach (var (std, label, column) in scales)
{
    var probes = activations.Select(a => column is int k ? tableProbes[a.Name][k] : Probe(a.F, w => w.normal_(0, std))).ToArray();
    frames.Add((label, activations.Select((a, k) => new Curve(a.Name, layerNumbers, probes[k].OutputGradient, Mark.LineAndPoints, Color: colors[k])).ToList()));
    if (std == 0.5)
        Course.Record("sigmoid net, σ = 0.5", "G3", ("‖∂L/∂h‖ layer 1", probes[1].OutputGradient[0]), ("output std at layer 15", probes[1].OutputStd[^1]));
}
display(Plots.Slider("weight std σ", frames, xLabel: "layer l (1 = next to the input, 15 = last)", yLabel: "‖∂L/∂h_l‖, gradient at the layer's output",
    title: "15-layer nets with weights N(0, σ²): the gradient that reaches each layer", logY: true, active: 2));

// Move the knob from left to right. At σ = 0.01 the backward signal vanishes in all three nets, fastest in the sigmoid net. The ReLU
// curve is close to level at one setting only, Kaiming's (from 1 at layer 15 to 2.50 at layer 1): going down a ReLU layer multiplies the gradient by about σ√(n/2) (the weights
// contribute n σ² to its squared norm, the ReLU keeps half of the terms), which is 1 only at σ = √(2/n); to the left of it the curve
// falls geometrically, to the right it explodes (about 5·10⁶ at layer 1 for σ = 0.25). The table above hid this: there the ReLU nets'
// *weight* gradients had the same ratio 0.23 at every scale, because the forward factor grew exactly as fast as the backward signal
// shrank. Tanh is close to level from Xavier's 0.0625 to Kaiming's 0.0884, vanishes below and explodes above (with large weights most
// tanh units saturate, but the few near 0 pass the gradient on at slope 1, times large weights). Sigmoid vanishes at every standard
// scale; its curve comes close to level only around σ = 0.5, eight times Xavier's, where ‖∂L/∂h₁‖ is 0.26, and grows beyond. There its
// outputs have a standard deviation of 0.419 at layer 15, close to the 0.5 of outputs that are all 0 or all 1: most sigmoid units sit
// in a flat tail. So with biases 0 a scale does exist at which a sigmoid net passes its gradient through 15 layers, but the net it gives
// is one of mostly saturated units.

// ### A sigmoid net that works
//
// What the slider cannot fix is sigmoid's mean of 0.5, and the biases can. Sigmoid is a shifted and scaled tanh:
// σ(z) = 1/(1 + e^(−z)) = ½ + ½·tanh(z/2). So take a tanh net with weights W_l and biases 0, h_l = tanh(W_l h_{l−1}), and give a
// sigmoid net the weights 2W₁ in layer 1 and 4W_l in every later layer, with the bias −2W_l·**1** there (minus twice each row sum of
// W_l). If its input to layer l is s_{l−1} = ½ + ½·h_{l−1}, the pre-activation is 4W_l(½ + ½·h_{l−1}) − 2W_l·**1** = 2W_l h_{l−1}, and
// its output σ(2W_l h_{l−1}) = ½ + ½·h_l; in layer 1, σ(2W₁x) = ½ + ½·h₁ directly. Layer by layer, the sigmoid net computes ½ + ½ times
// the tanh net: the biases cancel the mean that each layer's inputs carry. Backwards, the stand-in loss (the sum of the last outputs)
// is then half the tanh net's plus a constant, while each layer's output moves half as much as the tanh net's: the two halves cancel, and
// the gradient at every layer's output is exactly the tanh net's. With Xavier weights W_l, the sigmoid net's weights have 4
// times Xavier's standard deviation: the σ² = 16/n that sigmoid's slope asked for above. A derivation like Xavier's does fit sigmoid,
// once the biases take care of the mean. A check through 15 layers, with the from-scratch `XavierNormal`:

// σ(z) = ½ + ½·tanh(z/2): sigmoid layers with weights 2W (layer 1) or 4W and biases −2·(row sums of W) compute ½ + ½·(the tanh layers)
torch.manual_seed(0);
var netInput = torch.randn(256, 256).requires_grad_();            // so that autograd records both nets
Tensor tanhOut = netInput, sigmoidOut = netInput, tanhLayer1 = null, sigmoidLayer1 = null;
for (int l = 0; l < 15; l++)
{
    var W = XavierNormal(256, 256);
    tanhOut = tanhOut.mm(W.t()).tanh();
    sigmoidOut = l == 0 ? torch.sigmoid(sigmoidOut.mm(2 * W.t())) : torch.sigmoid(sigmoidOut.mm(4 * W.t()) - 2 * W.sum(1));
    if (l == 0) { (tanhLayer1, sigmoidLayer1) = (tanhOut, sigmoidOut); tanhLayer1.retain_grad(); sigmoidLayer1.retain_grad(); }
}
(tanhOut.sum() / 256).backward();                                   // Probe's stand-in loss, for each net
(sigmoidOut.sum() / 256).backward();
Course.Record("15 layers", "G3", ("std of the tanh net's output", tanhOut.std().item<float>()),
    ("largest |sigmoid net − (½ + ½·tanh net)|", (sigmoidOut - (0.5 + 0.5 * tanhOut)).abs().max().item<float>()),
    ("‖∂L/∂h₁‖ tanh net", tanhLayer1.grad.norm().item<float>()), ("‖∂L/∂h₁‖ sigmoid net", sigmoidLayer1.grad.norm().item<float>()));

// The two nets' outputs agree up to float32 rounding, and so do the gradients that reach layer 1, as derived; the tanh net's output
// keeps a standard deviation of order 1 after 15 layers, as in the Xavier run above. This sigmoid net passes signals and gradients as
// well as a Xavier tanh net does: it is the same net, rescaled, which is one more reason to use tanh in the first place.
//
// So the notes are right that frameworks always initialize, and for the shallow models so far the default is fine. But the default
// is one fixed rule, U(−1/√n_in, 1/√n_in): it scales with a layer's width, but it is not tuned to depth or to the activation, and in a
// deep tanh, sigmoid or ReLU net it shrinks signals and gradients layer after layer. For deep networks the initialization is worth a
// thought: Xavier for tanh-like activations, Kaiming for ReLU, and for sigmoid 4 times Xavier's scale with mean-cancelling biases, or
// simply tanh.

// ### Beyond Xavier (额外内容)
//
// d2l closes its section on initialization (4.8.2.3) by saying that the reasoning above only scratches the surface: frameworks
// implement a dozen or more heuristics, some made for special cases such as shared parameters, super-resolution or sequence models,
// and initialization is still an active area of research — d2l mentions work by Xiao and colleagues that trained networks of 10,000 layers
// without architectural tricks, thanks to a carefully designed initialization. TorchSharp's `nn.init` offers 14 (not counting the
// `glorot_` aliases): `uniform_`, `normal_`, `trunc_normal_`, `constant_`, `ones_`, `zeros_`, `eye_`, `dirac_`, `xavier_uniform_`,
// `xavier_normal_`, `kaiming_uniform_`, `kaiming_normal_`, `orthogonal_` and `sparse_`. We have met Xavier and Kaiming (He).
//
// One more answers section 1 directly. An **orthogonal** matrix Q (QᵀQ = I) changes no vector's length, so a product of orthogonal
// matrices neither explodes nor vanishes — not on average, but exactly. Section 1's experiment once more, a product of 101 factors of
// 4 × 4, drawn three ways: N(0, 1) as there, N(0, 1/4) (Xavier's variance for a 4 × 4 layer, 2/(4 + 4)), and `nn.init.orthogonal_`:

var factorLaws = new (string Name, Func<Tensor> Draw)[]
{
    ("N(0, 1)", () => torch.randn(4, 4)),
    ("N(0, 1/4)", () => torch.randn(4, 4) * 0.5),
    ("orthogonal_", () => nn.init.orthogonal_(torch.empty(4, 4))),
};
foreach (var (name, draw) in factorLaws)
{
    using var scope = torch.NewDisposeScope();                         // frees the 101 factors when this law is done
    torch.manual_seed(0);                                              // section 1's seed: N(0, 1) redraws its factors
    var product = draw();
    for (int i = 0; i < 100; i++) product = product.mm(draw());
    Course.Record($"101 factors {name}: Frobenius norm of the product", FrobeniusNorm(product), "G4");
}

// The N(0, 1) factors are section 1's own draws (same seed), so the norm is the 5.36·10²⁵ of section 1. The N(0, 1/4) factors are the
// same draws times 1/2, so their product is section 1's times 2⁻¹⁰¹: the growth of 1.785 per factor becomes a shrinkage by
// 1.785/2 ≈ 0.89 per factor, down to 2.11·10⁻⁵. Xavier's variance keeps a vector's squared length *on average* over the draws of one
// factor, but what adds up along a product is the logarithm of the length, and the mean of a logarithm lies below the logarithm of the
// mean (Jensen's inequality): the typical product drifts down. The drift gets smaller as the layers get wider; at width 256 it is
// negligible over 15 layers, so it plays no visible part in the nets above. The orthogonal factors keep the norm at 2 through all 101
// (2 = √4, the Frobenius norm of every 4 × 4 orthogonal matrix): no drift at all. That makes orthogonal initialization a natural choice
// wherever a signal passes through very many matrix products, as in very deep or recurrent networks.

// ## Summary
//
// - A deep net's gradient is a product of one factor per layer; products of many factors explode or vanish geometrically. 101 random
//   4 × 4 N(0, 1) matrices multiply to entries near 10²⁵ (×1.785 per factor); after 153 factors float32 overflows to ∞, then NaN.
// - Sigmoid's derivative is at most 0.25 (at 0) and nearly 0 for large |x| (0.006648 at ±5, 4.54·10⁻⁵ at ±10; exactly 0 in float32 at
//   x = 20). Through 15 sigmoid layers the gradient at the layers' outputs, ‖∂L/∂h_l‖ (kept with `retain_grad()`), fell geometrically to
//   1.32·10⁻⁷; through the same ReLU layers it did not fall at all. A weight gradient is the backward signal times the layer's input,
//   so plot the gradient at the outputs to see the backward pass alone.
// - ReLU's derivative is 1 for x > 0 and 0 for x < 0; at 0 autograd returns 0. A unit that is 0 for one example still learns from others;
//   a unit that is 0 for every example gets exactly zero gradient, and comes back only if its inputs change (as they do when the layers
//   below it learn).
// - Hidden units are interchangeable (permutation symmetry): reordering them leaves the function unchanged. Started all equal, they
//   get equal gradients and stay equal under gradient descent; random initialization breaks the tie.
// - The course's earlier initialization is N(0, 0.01²): standard deviation 0.01, variance 10⁻⁴ (not variance 0.01).
// - Xavier: keeping the forward variance needs n_in·σ² = 1, the backward one n_out·σ² = 1; the compromise is σ² = 2/(n_in + n_out).
//   It assumes activations with slope 1 at 0 and outputs with mean 0, as tanh has; ReLU is covered by Kaiming's N(0, 2/n_in). Sigmoid
//   breaks both, and no weight scale alone fixes its mean of 0.5; with 4 times Xavier's scale and biases that cancel the mean, a sigmoid
//   net computes a rescaled tanh net (σ(z) = ½ + ½·tanh(z/2)). TorchSharp 0.107's `nn.init.xavier_normal_` actually samples the uniform version (same variance). TorchSharp's default
//   `nn.Linear` initialization is U(−1/√n_in, 1/√n_in) (Kaiming-uniform with a = √5), variance 1/(3 n_in).
// - Frameworks initialize automatically, but the default is not tuned to depth: in 15-layer tanh and ReLU nets it shrinks activations
//   and gradients; Xavier (tanh) and Kaiming (ReLU) keep them at scale. Beyond them lie many more heuristics (orthogonal matrices keep
//   every length exactly) and an active field of research.
//
// ## Exercises

// **Exercise 1 — Xavier's scale.** What standard deviation does Xavier (normal) initialization give the weights of `nn.Linear(784, 512)`?
// Type it rounded to at least 2 significant digits, or compute it in code.

double? answer1 = null; // replace null with your answer
display(Exercises.Notebook13.Exercise1(answer1));

// **Exercise 2 — leaky ReLU's derivative.** Section 2 ended with leaky ReLU, the variant whose small slope for x < 0 keeps a unit from
// dying: `nn.functional.leaky_relu(x, 0.01)` computes max(x, 0.01·x). Write its derivative as a function of x, giving at x = 0 the value
// autograd returns (ask it, as section 2 did for ReLU). The checker calls your function on several inputs, 0 among them.

Func<double, double> answer2 = null; // replace null with your function, e.g. x => ...
display(Exercises.Notebook13.Exercise2(answer2));

// **Exercise 3 — what the symmetry needs (conceptual).** Section 3's MLP once more (2 inputs → 16 tanh units → 1 output), but this time
// only the **hidden** layer starts constant: every hidden weight and bias is 0.3, while the output layer keeps its random default
// initialization. After training with SGD, how many *different* hidden units (distinct rows of the hidden weight matrix) does it have?
// Work it out from what a hidden unit's gradient is made of; then, if you like, check it by changing `SmallMlp`.

int? answer3 = null; // replace null with your answer
display(Exercises.Notebook13.Exercise3(answer3));

// **Exercise 4 — how much can sigmoid shrink a gradient?** Ignore the weights. By what factor, at most, can the sigmoid derivatives of
// 10 stacked sigmoid layers scale a gradient on its way back (the product of the ten σ'(z) factors at best)? Type it rounded to at least
// 2 significant digits (C# reads `2.5e-3` as 0.0025), or compute it in code.

double? answer4 = null; // replace null with your answer
display(Exercises.Notebook13.Exercise4(answer4));

// **Exercise 5 — equal weights without hidden units (conceptual, d2l's exercise).** Section 3 showed that hidden units which start equal
// stay equal. Can we instead initialize **all** the weights of linear regression (notebook 07), or of softmax regression (notebook 08), to
// the same value, say 0? Which statements are true? Answer with the letters of all true ones.
//
// (a) Yes, for both: equal initial weights, even all 0, do not stop either model from learning.
// (b) In linear regression the gradient of weight w_j is the average of (ŷ − y)·x_j, so weights of different features get different
// updates (unless the features themselves are identical).
// (c) In softmax regression the gradient of class k's row of weights is the average of (ŷ_k − y_k)·x; which examples have label k
// differs from class to class, so the rows become different after the first step.
// (d) With equal weights, softmax regression predicts probability 1/q for every class forever, because every class gets the same update.
// (e) The symmetry trap needs interchangeable units that feed the same later computation, as hidden units do; linear and softmax
// regression have no hidden units, and each of their outputs has its own weights and its own target.
// (f) Both need random initial weights, because gradient descent never makes equal weights different.

string answer5 = null; // replace null with your letters, e.g. "ac"
display(Exercises.Notebook13.Exercise5(answer5));
