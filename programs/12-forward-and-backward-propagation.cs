// Notebook 12 as a .NET program: notebooks/12-forward-and-backward-propagation.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/12-forward-and-backward-propagation.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/12/
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

// # 12 — Forward and backward propagation (前向、反向传播)
//
// This notebook follows the chapter **前向、反向传播** of the study notes (d2l section 4.7): forward propagation (前向传播),
// backpropagation (反向传播) by the chain rule (链式法则), and why training needs more memory than inference (推理).
// So far `backward()` computed every gradient for us; here we open it up for the smallest interesting network.
//
// In this notebook you will:
// - read the computational graph (计算图) of a one-hidden-layer network with an L2 penalty, the graph d2l uses;
// - run forward propagation step by step on a minibatch and say the shape of every intermediate value;
// - write backpropagation by hand, one chain-rule step per node, for both weight matrices, and check it against autograd and against numerical differentiation;
// - take one training step with those gradients — forward, backward, update — and see the objective before and after it;
// - see which values the backward pass needs from the forward pass, and why these are values, not derivatives;
// - measure how much memory a training forward pass keeps compared with an inference forward pass, and how it grows with depth.

display(Course.Setup());

// ## 1. The model and its computational graph (计算图)
//
// d2l 4.7 studies a network with one hidden layer and, to keep the graph small, no biases. For one example **x** ∈ ℝᵈ:
//
// $$\mathbf z = \mathbf W^{(1)}\mathbf x,\qquad \mathbf h = \phi(\mathbf z),\qquad \mathbf o = \mathbf W^{(2)}\mathbf h,\qquad L = l(\mathbf o, y),$$
//
// with **W**⁽¹⁾ ∈ ℝ^(h×d), **W**⁽²⁾ ∈ ℝ^(q×h), an activation φ and a loss l. An L2 penalty (weight decay, notebook 10) on both weight matrices,
//
// $$s = \frac{\lambda}{2}\left(\|\mathbf W^{(1)}\|_F^2 + \|\mathbf W^{(2)}\|_F^2\right),$$
//
// is added to give the objective J = L + s that training minimizes. Here φ is ReLU and l is the softmax cross-entropy of notebook 08.
//
// A computational graph draws this: a box for every value, a circle for every operator, an arrow from each operator's inputs to its output.
// The cell below writes the graph down as data — every node with its label, its place on a grid (column from the left, row from the top) and
// its kind, every arrow as a pair of node ids — and the library's `GraphDiagram` draws it (course plumbing, in the role of d2l's figures;
// section 5 draws the same graph again):

// the graph of d2l 4.7 as data: each node is (id, label, column, row, kind)
var (data, param, value, op) = (GraphDiagram.Kind.Data, GraphDiagram.Kind.Parameter, GraphDiagram.Kind.Value, GraphDiagram.Kind.Operator);
var graphNodes = new List<GraphDiagram.Node>
{
    new("x", "x", 0, 2, data),  new("mul1", "×", 1, 2, op), new("z", "z", 2, 2, value), new("phi", "φ", 3, 2, op),
    new("h", "h", 4, 2, value), new("mul2", "×", 5, 2, op), new("o", "o", 6, 2, value), new("l", "l", 7, 2, op),
    new("L", "L", 8, 2, value), new("plus", "+", 9, 2, op), new("J", "J", 10, 2, value),
    new("W1", "W⁽¹⁾", 1, 1, param), new("W2", "W⁽²⁾", 5, 1, param), new("y", "y", 7, 1, data),
    new("reg", "‖·‖²", 7, 0, op), new("s", "s", 9, 0, value),
};
// an arrow from each input of an operator to the operator, and from the operator to its output
var graphEdges = new List<(string From, string To)>
{
    ("x", "mul1"), ("W1", "mul1"), ("mul1", "z"), ("z", "phi"), ("phi", "h"), ("h", "mul2"), ("W2", "mul2"), ("mul2", "o"),
    ("o", "l"), ("y", "l"), ("l", "L"), ("L", "plus"), ("W1", "reg"), ("W2", "reg"), ("reg", "s"), ("s", "plus"), ("plus", "J"),
};
display(GraphDiagram.Draw("Computational graph of d2l 4.7: one hidden layer, L2 penalty", graphNodes, graphEdges));

// Read it from left to right and you have forward propagation: x meets W⁽¹⁾ in a matrix product to give z, φ gives h, a second product with
// W⁽²⁾ gives o, the loss l compares o with the label y, and the sum with the penalty s gives J. The parameters W⁽¹⁾ and W⁽²⁾ (orange)
// have two outgoing arrows each: they reach J along the main path *and* through s. Backpropagation walks the same arrows from right to left.
//
// ## 2. Forward propagation (前向传播)
//
// The notes describe forward propagation as each layer's units computing results from their inputs and their own weights and biases,
// applying transformations such as the activation or softmax, and passing the result on as the next layer's input until the final
// result ("每层的各单元根据输入和自身权重偏置计算结果……得到结果作为下一层的输入，直到得到最终结果"). That is exactly the graph read left to right.
// For training, the final result is not the prediction o but the objective J, and every value on the way is computed in order.
//
// A minibatch puts n examples in the rows of X, so each column-vector formula becomes a product with a transposed weight matrix:
// Z = X W⁽¹⁾ᵀ, O = H W⁽²⁾ᵀ, and L is the mean loss over the batch. Distinct sizes make every shape readable: n = 8 examples,
// d = 6 inputs, h = 5 hidden units, q = 3 classes, λ = 0.1, all in float64 so that the comparisons below are limited only by float64's precision.

int n = 8, d = 6, hidden = 5, q = 3;
double lambda = 0.1;
torch.manual_seed(12);
var X = torch.randn(n, d, dtype: ScalarType.Float64);
var y = torch.randint(0, q, new long[] { n });
var W1 = (torch.randn(hidden, d, dtype: ScalarType.Float64) * 0.5).requires_grad_();
var W2 = (torch.randn(q, hidden, dtype: ScalarType.Float64) * 0.5).requires_grad_();

var Z = X.mm(W1.t());                                       // z = W⁽¹⁾x, for every row of X
var H = nn.functional.relu(Z);                              // h = φ(z)
var O = H.mm(W2.t());                                       // o = W⁽²⁾h
var L = nn.functional.cross_entropy(O, y);                  // L = mean over the batch of l(o, y)
var s = lambda / 2 * (W1.pow(2).sum() + W2.pow(2).sum());   // s = λ/2 (‖W⁽¹⁾‖²_F + ‖W⁽²⁾‖²_F)
var J = L + s;                                              // the objective

foreach (var (name, t, meaning) in new[] {
    ("X", X, "n × d: the minibatch"), ("W1", W1, "h × d"), ("Z", Z, "n × h: X W⁽¹⁾ᵀ"), ("H", H, "n × h: φ(Z)"),
    ("W2", W2, "q × h"), ("O", O, "n × q: H W⁽²⁾ᵀ, one score per class"), ("y", y, "n labels"),
    ("L", L, "scalar: mean loss"), ("s", s, "scalar: penalty"), ("J", J, "scalar: objective") })
    Console.WriteLine($"{name,-3} {ShapeText(t.shape),-8} {meaning}");
Console.WriteLine($"{(Z > 0).sum().item<long>()} of the {Z.numel()} entries of Z are positive");
Course.Record("forward pass", ("L", L.item<double>()), ("s", s.item<double>()), ("J", J.item<double>()));

// Every value of the graph has been computed, in the graph's order. X (8 × 6) times W⁽¹⁾ᵀ (6 × 5) gives Z of shape 8 × 5, one row of
// hidden pre-activations per example; ReLU keeps the shape; O is 8 × 3, one score per class and example. The loss averages the 8 examples into
// one number, L = 1.2759, and with the penalty s = 0.4596 the objective is J = 1.7354. 19 of the 40 entries of Z are positive: ReLU passes those and
// zeroes the other 21, which will decide where gradient flows back.

// ## 3. Backpropagation (反向传播) by the chain rule
//
// The notes explain backpropagation with three consecutive layers, which they call Z (the last one), Y and X. In this notebook Z and X already
// name the pre-activations and the inputs (and Y will name the one-hot labels), so we write the notes' three layers as 𝖢 (the last one), 𝖡 and 𝖠.
// The derivative of 𝖢 with respect to 𝖠 follows from the derivative with respect to 𝖡 by the chain rule,
//
// $$\frac{\partial \mathsf{C}}{\partial \mathsf{A}} = \frac{\partial \mathsf{C}}{\partial \mathsf{B}}\frac{\partial \mathsf{B}}{\partial \mathsf{A}},$$
//
// and that result is reused for the layer before, until all layers are done — which is what "backward" means ("这样再计算倒数第三层的梯度时就再利用这个结果，直到计算完所有层"). That is right, and it is the whole trick: each step reuses the gradient the step before it produced.
// For matrices the formula needs one more ingredient. d2l writes it as ∂𝖢/∂𝖠 = prod(∂𝖢/∂𝖡, ∂𝖡/∂𝖠), where prod multiplies after whatever
// transposes and swaps make the shapes fit; and the shape of the answer is known in advance, because **a gradient of the scalar J has the shape of the thing it differentiates with respect to**.
//
// Walking the graph from J back to W⁽¹⁾, with ∂J/∂L = ∂J/∂s = 1:
//
// | step | formula (minibatch, rows = examples) | shape |
// |---|---|---|
// | loss | ∂J/∂O = (softmax(O) − Y)/n  (Y one-hot; notebook 08, divided by n for the mean) | n × q |
// | W⁽²⁾ | ∂J/∂W⁽²⁾ = (∂J/∂O)ᵀ H + λW⁽²⁾ | q × h |
// | h | ∂J/∂H = ∂J/∂O · W⁽²⁾ | n × h |
// | z | ∂J/∂Z = ∂J/∂H ⊙ φ′(Z), with φ′(z) = 1 where z > 0, else 0 | n × h |
// | W⁽¹⁾ | ∂J/∂W⁽¹⁾ = (∂J/∂Z)ᵀ X + λW⁽¹⁾ | h × d |
//
// These are d2l's formulas (∂J/∂W⁽²⁾ = ∂J/∂o · hᵀ + λW⁽²⁾ for one column example) summed over the rows of the batch: (∂J/∂O)ᵀH = Σᵢ (∂J/∂oᵢ) hᵢᵀ.
// Each parameter's gradient has two terms because W reaches J along two paths in the graph, through the loss and through s.
// The function below is the table, one line per row. Its parameter list matters for section 5: it is everything the backward pass reads.

(Tensor dW1, Tensor dW2) BackwardByHand(Tensor X, Tensor y, Tensor H, Tensor O, Tensor W1, Tensor W2, double lambda, bool show = false)
{
    long n = X.shape[0], q = O.shape[1];
    var Y = nn.functional.one_hot(y, q).to_type(O.dtype);
    var dO = (torch.softmax(O, 1) - Y) / n;             // ∂J/∂O = ∂J/∂L · ∂L/∂O
    var dW2 = dO.t().mm(H) + lambda * W2;             // ∂J/∂W⁽²⁾ = (∂J/∂O)ᵀ H + λ W⁽²⁾
    var dH = dO.mm(W2);                               // ∂J/∂H = ∂J/∂O · W⁽²⁾
    var dZ = dH * (H > 0).to_type(H.dtype);               // ∂J/∂Z = ∂J/∂H ⊙ φ′(Z); for ReLU, z > 0 exactly where h > 0
    var dW1 = dZ.t().mm(X) + lambda * W1;             // ∂J/∂W⁽¹⁾ = (∂J/∂Z)ᵀ X + λ W⁽¹⁾
    if (show)
        foreach (var (name, t) in new[] { ("∂J/∂O", dO), ("∂J/∂W2", dW2), ("∂J/∂H", dH), ("∂J/∂Z", dZ), ("∂J/∂W1", dW1) })
            Console.WriteLine($"{name,-7} {ShapeText(t.shape)}");
    return (dW1, dW2);
}

var (dW1, dW2) = BackwardByHand(X, y, H.detach(), O.detach(), W1.detach(), W2.detach(), lambda, show: true);

// Every gradient came out with the shape of its parameter: ∂J/∂W⁽²⁾ is 3 × 5 like W⁽²⁾, ∂J/∂W⁽¹⁾ is 5 × 6 like W⁽¹⁾, and the per-example
// gradients ∂J/∂O, ∂J/∂H, ∂J/∂Z have one row per example. (The hand-written pass gets `detach()`ed copies, so autograd records nothing of it.)
//
// Where does the transpose in (∂J/∂O)ᵀH come from? The literal chain rule says ∂J/∂W⁽²⁾ = ∂J/∂O · ∂O/∂W⁽²⁾, but ∂O/∂W⁽²⁾ is not a matrix.
// O has two indices (example i, class k) and so has W⁽²⁾ (row l, column j), so the derivative of every entry of O with respect to every entry
// of W⁽²⁾ has four. Since O_ik = Σⱼ H_ij W⁽²⁾_kj uses only row k of W⁽²⁾,
//
// $$\frac{\partial O_{ik}}{\partial W^{(2)}_{lj}} = \delta_{kl}\,H_{ij},\qquad \delta_{kl} = 1 \text{ if } k = l, \text{ else } 0:$$
//
// a 4-index tensor, zero wherever k ≠ l, and equal to H_ij where k = l. The chain rule multiplies and **sums over the indices of the value in the
// middle**, here both indices of O:
//
// $$\frac{\partial J}{\partial W^{(2)}_{lj}} = \sum_{i}\sum_{k}\frac{\partial J}{\partial O_{ik}}\,\delta_{kl}\,H_{ij} = \sum_i \frac{\partial J}{\partial O_{il}}\,H_{ij} = \Big(\big(\tfrac{\partial J}{\partial O}\big)^{\!\top} H\Big)_{lj}.$$
//
// The δ removes the sum over the classes; what remains sums over the examples i, which index the *rows* of both ∂J/∂O and H. A matrix product
// sums over the columns of its left factor and the rows of its right one, so ∂J/∂O enters transposed. The cell writes the 4-index tensor out for
// our minibatch, contracts it as the chain rule says (`einsum` multiplies and sums over the indices i and k that the result leaves out), and
// compares the result with the matrix product; it also shows that the product in the literal order, ∂J/∂O · H, is not even defined:

// ∂J/∂O from the table's first row, and ∂O/∂W⁽²⁾ written out: entry [i, k, l, j] = δ_kl · H[i, j]
var dO = (torch.softmax(O.detach(), 1) - nn.functional.one_hot(y, q).to_type(ScalarType.Float64)) / n;
var dOdW2 = torch.einsum("kl,ij->iklj", torch.eye(q, dtype: ScalarType.Float64), H.detach());
Console.WriteLine($"∂O/∂W⁽²⁾: shape {ShapeText(dOdW2.shape)}, {dOdW2.numel()} entries, {(dOdW2.abs() > 0).sum().item<long>()} of them nonzero");

// the chain rule: multiply and sum over both indices of O, Σ_i Σ_k dO[i, k] · dOdW2[i, k, l, j]
var contracted = torch.einsum("ik,iklj->lj", dO, dOdW2);
Console.WriteLine($"contracted: shape {ShapeText(contracted.shape)}, max |contracted − (∂J/∂O)ᵀH| = {(contracted - dO.t().mm(H.detach())).abs().max().item<double>():G3}");

// the product in the literal order: mm reports a shape error as an ordinary exception
try { dO.mm(H.detach()); }
catch (Exception e) { Console.WriteLine($"∂J/∂O · H    : {e.GetType().Name}: {e.Message.Split('\n')[0]}"); }
Console.WriteLine($"(∂J/∂O)ᵀ · H : {ShapeText(dO.t().shape)} · {ShapeText(H.shape)} → {ShapeText(dO.t().mm(H.detach()).shape)}, the shape of W⁽²⁾ {ShapeText(W2.shape)}");

// The 4-index tensor has 8 × 3 × 3 × 5 = 360 entries for a gradient of 15; only the entries with k = l and a positive H_ij are nonzero
// (19 positive entries of H, once per class: 57). Contracting it gives (∂J/∂O)ᵀH; the printed difference is at most float64 rounding (here
// even exactly 0). So "∂J/∂O times ∂O/∂W⁽²⁾" in the scalar chain rule becomes, for matrices, "multiply and sum over the shared indices", which
// here is one matrix product with a transpose: d2l's prod.
// Backpropagation never builds the 4-index tensor (section 5 counts how large such tensors get for a real network); it writes the contraction
// directly. The product in the literal order fails as it should: `mm` reports “mat1 and mat2 shapes cannot be multiplied (8x3 and 8x5)”,
// an ordinary C# exception that the `try` catches: the inner sizes 3 and 8 differ. (Lessons multiply with `mm`, as notebook 01 explains: TorchSharp
// 0.107's `matmul` does not turn the same shape error into a C# exception, and it ends the whole kernel — a defect of TorchSharp's native layer, not of
// this machine.)
//
// Now the check. Autograd computes the same gradients from the J built in section 2:

W1.grad?.zero_(); W2.grad?.zero_();      // so that re-running this cell does not accumulate (notebook 05)
J.backward(retain_graph: true);          // keep the graph, so that this cell can run again
Course.Record("max |hand − autograd|", "G3", ("∂J/∂W1", (dW1 - W1.grad!).abs().max().item<double>()), ("∂J/∂W2", (dW2 - W2.grad!).abs().max().item<double>()));
Course.Record("largest entries", "G3", ("∂J/∂W1", dW1.abs().max().item<double>()), ("∂J/∂W2", dW2.abs().max().item<double>()));

// The hand-written gradients agree with autograd to about 8·10⁻¹⁷ (∂J/∂W⁽¹⁾) and 3·10⁻¹⁷ (∂J/∂W⁽²⁾), while the gradients themselves reach
// 0.216 and 0.318: the differences are float64 rounding (float64's epsilon is 2.2·10⁻¹⁶, notebook 05), the same arithmetic done in a different order.
//
// Autograd and our function use the same chain rule, so a third opinion that does not is worth having: the numerical gradient of notebook 05's
// `GradientCheck`, which only evaluates J. And to see why float64 helps, the same hand-written pass in float32:

// J as a function of W⁽¹⁾ alone (everything else fixed), for a numerical gradient that does not use autograd at all
Tensor JofW1(Tensor w1)
{
    var o = nn.functional.relu(X.mm(w1.t())).mm(W2.detach().t());
    return nn.functional.cross_entropy(o, y) + lambda / 2 * (w1.pow(2).sum() + W2.detach().pow(2).sum());
}
var numerical = GradientCheck.Numerical(JofW1, W1.detach());
Course.Record("max |hand − numerical|", "G3", ("∂J/∂W1", (dW1 - numerical).abs().max().item<double>()));

// the same forward and backward in float32
var (dW1f, dW2f) = BackwardByHand(X.to_type(ScalarType.Float32), y, H.detach().to_type(ScalarType.Float32), O.detach().to_type(ScalarType.Float32),
                                  W1.detach().to_type(ScalarType.Float32), W2.detach().to_type(ScalarType.Float32), lambda);
Course.Record("float32 hand-written vs float64 autograd", "G3",
    ("∂J/∂W1", (dW1f.to_type(ScalarType.Float64) - W1.grad!).abs().max().item<double>()),
    ("∂J/∂W2", (dW2f.to_type(ScalarType.Float64) - W2.grad!).abs().max().item<double>()));

// The central difference agrees with the hand-written ∂J/∂W⁽¹⁾ to 2.0·10⁻¹⁰: the accuracy a float64 central difference with h = 10⁻⁶ reaches,
// far coarser than autograd's 10⁻¹⁷ but independent of any chain rule. In float32 the same formulas differ from the float64 gradients by about 2·10⁻⁸
// for both matrices (the last line above): float32 rounding (epsilon 1.2·10⁻⁷) of numbers up to about 0.3. A float32 check needs a tolerance of that
// order; float64 shows the agreement down to the last digits.

// ## 4. Training: forward, backward, update
//
// The gradients are not the goal; training uses them. d2l 4.7 closes with how the two passes depend on each other while training. The forward
// pass computes every intermediate value, and the penalty s, from the *current* parameters W⁽¹⁾ and W⁽²⁾ — the ones the optimizer produced in the
// most recent update. The backward pass computes the gradients from the values that this forward pass kept, such as H. So once the parameters are
// initialized, training alternates: forward (from the parameters of the last update), backward (from the values just kept), update — and the next
// forward pass starts from the new parameters.
//
// Here is one such step of minibatch SGD (notebook 07) with the gradients we wrote by hand, learning rate η = 0.5, on the same minibatch. The
// tangent (notebook 04), taken in all parameters at once, predicts its effect to first order: moving the parameters by −η∇J changes J by about
// −η‖∇J‖², where ‖∇J‖² is the sum of the squares of all entries of ∂J/∂W⁽¹⁾ and ∂J/∂W⁽²⁾.

double eta = 0.5;
// update: new parameters from the hand-written gradients (W1 and W2 themselves stay as they are: later sections use them)
var W1next = W1.detach() - eta * dW1;
var W2next = W2.detach() - eta * dW2;
// the next forward pass starts from the updated parameters
var Onext = nn.functional.relu(X.mm(W1next.t())).mm(W2next.t());
var Jnext = nn.functional.cross_entropy(Onext, y) + lambda / 2 * (W1next.pow(2).sum() + W2next.pow(2).sum());
double gradSquared = dW1.pow(2).sum().item<double>() + dW2.pow(2).sum().item<double>();
Course.Record("one SGD step", ("J before", J.item<double>()), ("J after", Jnext.item<double>()), ("first-order prediction", J.item<double>() - eta * gradSquared));

// The step lowered the objective from 1.7354 to 1.4973 on this minibatch. The first-order prediction, 1.4419, expects a somewhat larger drop:
// it follows the tangent, while J bends upward along the step, which the tangent leaves out. Each pass of the step used the other's results: the
// update used the gradients of the backward pass; the backward pass used the H that the forward pass computed from the current parameters (here
// the initial ones); and the next forward pass (`Onext`, `Jnext`) ran from the updated W⁽¹⁾ and W⁽²⁾. The values the first forward pass kept, such as H,
// belong to the old parameters, and the next gradient needs the H of the new forward pass. That fixes the order of every training loop in this
// course, once per minibatch: `Trainer.TrainEpoch` (notebook 08) calls the network (forward), then the updater, which runs `backward()` and then
// the update.

// ## 5. What backward needs from forward: values, not derivatives (反向传播优化)
//
// The notes' "反向传播优化" paragraph says: "在前向传播过程中，Z 对 Y 以及 Y 对 X 的导数都已经计算过了，可以选择保留下来。这样在反向传播计算 Z 对 X 导数时可以直接使用" —
// during forward propagation the derivatives of 𝖢 with respect to 𝖡 and of 𝖡 with respect to 𝖠 (the notes' Z, Y and X) have already been computed and
// can be kept, to be used directly in backpropagation. The reading probably comes from d2l-zh itself: its section 4.7.3 says that
// backpropagation "存储了计算某些参数梯度时所需的任何中间变量（偏导数）" — stores any intermediate variables (partial derivatives) needed to
// compute some parameters' gradients — and the parenthesis calls those intermediate variables partial derivatives.
//
// **A gentle correction.** The forward pass computes no derivatives at all. It computes *values* — Z, H, O — and keeps the ones the backward
// pass will need; the backward pass then computes each local derivative from those values when it reaches that node. Look at the parameter list of
// `BackwardByHand`: X, y, H, O, W⁽¹⁾, W⁽²⁾ and λ. No derivative is among them. Marked on the graph of section 1:

display(GraphDiagram.Draw("Values the hand-written backward pass reads", graphNodes, graphEdges,
    highlighted: ["x", "h", "o", "y", "W1", "W2"], highlightLegend: "kept for the backward pass"));

// X is needed for ∂J/∂W⁽¹⁾, H for ∂J/∂W⁽²⁾ and for φ′ (ReLU's derivative is 1 exactly where h > 0, so Z itself need not be kept), O for softmax(O) in ∂J/∂O, and the weights for ∂J/∂H and the penalty's λW. L, s and J are never read: the backward pass starts from ∂J/∂J = 1.
//
// Autograd works the same way, and we can catch it doing so. The cell below runs the forward pass again with one change: W⁽²⁾ enters the second
// product `detach()`ed, so that product has no gradient to compute for W⁽²⁾ — the only one of its gradients that needs H, (∂J/∂O)ᵀH — and keeps
// nothing of H. Whatever autograd keeps of H, relu keeps it. Then H is changed in place after the forward pass. If relu had stored its derivative,
// the change would not matter to backward:

var Ht = nn.functional.relu(X.mm(W1.t()));
var Jt = nn.functional.cross_entropy(Ht.mm(W2.detach().t()), y);   // W⁽²⁾ detached: the product keeps no H, only relu does
Ht.mul_(2);                                   // change the kept value after the forward pass
try
{
    Jt.backward();
    Console.WriteLine("backward ran");
}
catch (Exception e)
{
    Console.WriteLine($"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
}

// Backward refuses: “one of the variables needed for gradient computation has been modified by an inplace operation: [CPUDoubleType [8, 5]], which is
// output 0 of ReluBackward0, is at version 1; expected version 0 instead.” The 8 × 5 variable is H, the output of relu, and ReluBackward0 is relu's
// step of the backward pass, the one node that kept H. (Without the `detach()` the product keeps H as well, backward reaches it first, and the
// message names MulBackward1 instead: the in-place `mul_` now heads H's history.)
// Autograd stamps every value it keeps with a version number and checks it when backward reaches that node — the derivative is computed *then*,
// from the value, which is why a changed value matters. (TorchSharp reports libtorch's error as an `ExternalException`.)
//
// Why keep values rather than derivatives? The derivatives, written out, are Jacobians (notebook 04), and they are enormous. For d2l's MLP on
// Fashion-MNIST (minibatch n = 256, d = 784 inputs, h = 256 hidden units, q = 10 outputs) compare the numbers the backward pass actually keeps with the
// number of entries of the Jacobians it would multiply in the literal chain rule:

long bn = 256, bd = 784, bh = 256, bq = 10;
string Size(double floats) => floats * 4 >= 1e9 ? $"{floats * 4 / 1e9:F1} GB" : $"{floats * 4 / 1e6:F3} MB";
Console.WriteLine("kept values (float32; the weights, which exist anyway, not counted)");
foreach (var (name, count) in new[] { ("X  (n × d)", bn * bd), ("H  (n × h)", bn * bh), ("O  (n × q)", bn * bq) })
    Console.WriteLine($"  {name,-26} {count,15:N0} numbers {Size(count),10}");
Console.WriteLine($"  {"together",-26} {bn * bd + bn * bh + bn * bq,15:N0} numbers {Size(bn * bd + bn * bh + bn * bq),10}");
Console.WriteLine("Jacobians of the literal chain rule (float32)");
foreach (var (name, count) in new[] { ("∂O/∂H    (nq × nh)", (double)(bn * bq) * (bn * bh)), ("∂H/∂Z    (nh × nh)", (double)(bn * bh) * (bn * bh)),
                                      ("∂Z/∂W⁽¹⁾ (nh × hd)", (double)(bn * bh) * (bh * bd)) })
    Console.WriteLine($"  {name,-26} {count,15:N0} numbers {Size(count),10}");

// The backward pass keeps 1.075 MB of values for this minibatch: X, H and O, 0.803 + 0.262 + 0.010 MB. The weights, which it reads too, are
// not counted here or in section 6, because they exist anyway, whether a backward pass follows or not. The three Jacobians would take
// 671 MB, 17.2 GB and 52.6 GB. They are mostly structure: ∂H/∂Z is diagonal (φ′ of each entry, for ReLU just the mask h > 0) and ∂Z/∂W⁽¹⁾ is
// made of copies of X, just as ∂O/∂W⁽²⁾ in section 3 was made of copies of H. Backpropagation never builds them; each row of the table in section 3
// is "upstream gradient times Jacobian" written directly with kept values, (∂J/∂Z)ᵀX instead of a 52.6 GB matrix. Keeping derivatives from the forward
// pass, as the notes suggest, would mean either these matrices or compact encodings of them, and the compact encodings are made of the kept values
// themselves: the mask h > 0, copies of X and of W⁽²⁾.
//
// ## 6. Training keeps values, inference does not
//
// The notes draw the conclusion: "这就导致相比与单纯推理，训练会更耗费内存" — so training costs more memory than inference alone. That is right; let us measure how much.
//
// What to measure needs care. TorchSharp's `torch.Tensor.TotalCount` counts the C# `Tensor` objects that are alive, but the values autograd keeps live
// inside libtorch's graph, where no C# object points at them. TorchSharp has no memory API for the CPU, so we ask the C library instead: libtorch's
// CPU allocator takes tensor memory from `posix_memalign` (of the malloc family), and glibc's `mallinfo2()` reports how many bytes of the C heap are in use. The library's
// `NativeHeap.BytesInUse()` reads it (course plumbing, in `src/D2lSharp/Platform`; where the C library has no `mallinfo2`, as on Windows and macOS,
// it returns null, and the readings below are NaN).
//
// The C heap belongs to the whole process, and the kernel's other threads allocate and free memory now and then, so a single reading can be off by
// some kilobytes, and now and then by megabytes. So the library's `NativeHeap.LeftAfter(make)` (course plumbing as well) reads the heap
// before and after `make()`, disposes what `make()` returned, rounds the difference to 0.1 MB, and repeats until five readings agree (NaN if
// fifteen do not, or where the heap cannot be read); that value holds from run to run. And before we trust the instrument, we try it on something whose size we know, a new tensor:

Console.WriteLine(D2lSharp.Platform.NativeHeap.IsAvailable ? "the C heap can be read on this system" : "this C library has no mallinfo2: the readings below are NaN");
// what a new tensor keeps on the C heap until it is disposed, in MB to 0.1 (course plumbing: NativeHeap.LeftAfter)
Course.Record("a new 2500 × 100 float32 tensor (MB)", "F1", ("counted", 2500 * 100 * 4 / 1e6),
    ("heap grows by", D2lSharp.Platform.NativeHeap.LeftAfter(() => torch.zeros(2500, 100))));

// The instrument works: the 1,000,000 bytes of the tensor's values show up as 1.0 MB. (The tensor's own bookkeeping, a few hundred bytes, is far below 0.1 MB.)
//
// The experiment: a minibatch of n = 2500 examples, hidden layers of 100 ReLU units, 10 outputs, float32 — sizes chosen so that one hidden
// layer's output, 2500 × 100 values of 4 bytes, is exactly 1 MB — and only 10 input features, to save time: X exists before and after the pass
// either way, so its width does not change what the pass leaves behind. We run the forward pass up to the loss once **as in training**
// (autograd recording) and once **as in inference** (under `torch.no_grad()`), inside a dispose scope that frees every C# handle except the loss's, and
// read what it leaves on the heap while the loss is alive, that is, until `backward()` would run. Counting by hand, the training pass should keep one
// n × 100 output per hidden layer (relu keeps its output, which the next product also needs) plus the n × 10 log-softmax values inside the
// cross-entropy; X and the weights exist before and after either way.
//
// First the forward pass, written for any number of hidden layers, and the two ways to run it:

// the forward pass up to the loss: relu(H Wᵀ) for each hidden layer, then the output layer and the cross-entropy
Tensor ForwardLoss(Tensor X, Tensor y, IList<Tensor> weights)
{
    var H = X;
    foreach (var W in weights.Take(weights.Count - 1)) H = nn.functional.relu(H.mm(W.t()));
    return nn.functional.cross_entropy(H.mm(weights[^1].t()), y);
}

// as in training (autograd records) or in inference (no_grad); the scope frees every handle but the loss's
Tensor LossAlone(Tensor X, Tensor y, IList<Tensor> weights, bool training)
{
    using var noGrad = training ? null : torch.no_grad();
    using var scope = torch.NewDisposeScope();
    return ForwardLoss(X, y, weights).MoveToOuterDisposeScope();
}

// Then the minibatch, weights for a net with a given number of hidden layers, and the count of what training should keep, as a function of
// the number of hidden layers:

long mn = 2500, md = 10, mh = 100, mq = 10;
torch.manual_seed(0);
var Xbig = torch.randn(mn, md);
var ybig = torch.randint(0, mq, new long[] { mn });
// weights for a net with the given number of hidden layers
List<Tensor> Weights(int hiddenLayers)
{
    var ws = new List<Tensor>();
    for (int i = 0; i < hiddenLayers; i++) ws.Add((torch.randn(mh, i == 0 ? md : mh) * 0.01).requires_grad_());
    ws.Add((torch.randn(mq, mh) * 0.01).requires_grad_());
    return ws;
}
// what the training pass should keep: one n × mh output per hidden layer and the n × mq log-softmax, 4 bytes each
double CountedMB(int hiddenLayers) => (hiddenLayers * mn * mh + mn * mq) * 4 / 1e6;

// Now the measurement for one hidden layer, in both modes. `NativeHeap.LeftAfter` runs the pass, reads the heap before and after, and disposes the
// loss it returned:

var oneHidden = Weights(1);
Course.Record("one hidden layer (MB)", "F1", ("counted", CountedMB(1)),
    ("training keeps", D2lSharp.Platform.NativeHeap.LeftAfter(() => LossAlone(Xbig, ybig, oneHidden, training: true))),
    ("inference keeps", D2lSharp.Platform.NativeHeap.LeftAfter(() => LossAlone(Xbig, ybig, oneHidden, training: false))));

// The training forward pass left on the heap what the count predicts: one hidden output of 2500 × 100 floats (1 MB) plus the 2500 × 10
// log-softmax values (0.1 MB). The inference pass left nothing measurable, less than 0.1 MB: its intermediates were freed when the dispose scope ended,
// because nothing else referred to them.
//
// C# does not see the difference. Counting the live C# `Tensor` objects after each mode's forward pass, while the loss is alive:

// live C# Tensor objects after the forward pass, in each mode, counted while the loss is alive
long CSharpTensorsLeft(bool training)
{
    long before = torch.Tensor.TotalCount;
    using var loss = LossAlone(Xbig, ybig, oneHidden, training);
    return torch.Tensor.TotalCount - before;
}
Console.WriteLine($"C# Tensor objects alive after the forward pass: training {CSharpTensorsLeft(true)}, inference {CSharpTensorsLeft(false)} (the loss)");

// Both modes end with exactly one live C# `Tensor` object, the loss. The megabytes that training keeps
// are invisible from C#: they belong to the graph behind the loss, and they are freed by `backward()` (which releases the graph) or, as here, by disposing
// the loss. What we measured is what the forward pass leaves behind, not its peak while running. (Beyond the count, the graph's own bookkeeping takes some
// kilobytes, below the 0.1 MB the readings resolve.)
//
// Every hidden layer adds its output to what training keeps, so the difference grows with depth. The same measurement for one to four hidden layers:

var depths = new[] { 1, 2, 3, 4 };
var trainMB = new List<double>(); var inferMB = new List<double>();
foreach (var k in depths)
{
    var ws = Weights(k);
    trainMB.Add(D2lSharp.Platform.NativeHeap.LeftAfter(() => LossAlone(Xbig, ybig, ws, training: true)));
    inferMB.Add(D2lSharp.Platform.NativeHeap.LeftAfter(() => LossAlone(Xbig, ybig, ws, training: false)));
    foreach (var w in ws) w.Dispose();
}
var counted = depths.Select(k => CountedMB(k)).ToArray();
for (int i = 0; i < depths.Length; i++)
    Course.Record($"{depths[i]} hidden layer{(depths[i] > 1 ? "s" : "")} (MB)", "F1", ("counted", counted[i]), ("training keeps", trainMB[i]), ("inference keeps", inferMB[i]));
double[] xs = depths.Select(k => (double)k).ToArray();
display(Plots.Curves(
    [new Curve("training forward (autograd recording)", xs, trainMB.ToArray(), Mark.LineAndPoints),
     new Curve("inference forward (no_grad)", xs, inferMB.ToArray(), Mark.LineAndPoints),
     new Curve("counted: hidden outputs + log-softmax (dashed, on the training curve)", xs, counted, Dashed: true)],
    xLabel: "number of hidden layers (100 units each)", yLabel: "MB kept after the forward pass (to 0.1 MB)",
    title: $"Memory a forward pass leaves for backward, minibatch n = {mn}, float32"));

// Training keeps what the count predicts at every depth: 1 MB more for every hidden layer (2500 × 100 floats), on top of 0.1 MB for the
// log-softmax, 4.1 MB for four hidden layers, while inference keeps less than 0.1 MB at every depth. So what training keeps after the forward pass
// grows linearly with depth (and, by the count, with the minibatch size n), while inference keeps next to nothing — which is why a batch too large to
// train can often still be evaluated. d2l puts it the same way: the intermediate values are "roughly proportional to the number of network layers and
// the batch size", so deeper networks and larger batches run out of memory sooner.
//
// ### Inference (推理) is forward propagation that keeps nothing for a backward pass
//
// The notes say forward propagation "也可以称为推理过程" — can also be called the inference process. To refine that: inference runs the same
// forward computation, but with autograd off, so nothing is recorded and each intermediate value can be freed once the next one is computed (in C#, when its handle is disposed; above, at the end of the dispose scope).
// The result is a plain tensor with no graph behind it; asking it for a backward pass fails:

using (torch.no_grad())
{
    var o = ForwardLoss(X.to_type(ScalarType.Float32), y, new[] { W1.detach().to_type(ScalarType.Float32).requires_grad_(), W2.detach().to_type(ScalarType.Float32).requires_grad_() });
    Console.WriteLine($"under no_grad: loss {o.item<float>():F4}, requires_grad = {o.requires_grad}");
    try { o.backward(); }
    catch (Exception e) { Console.WriteLine($"{e.GetType().Name}: {e.Message.Split('\n')[0]}"); }
}

// Under `no_grad` the forward pass gives the same loss, 1.2759 (here in float32), but the result has `requires_grad = False`, and
// backward fails: "element 0 of tensors does not require grad and does not have a grad_fn". So inference is forward propagation that keeps no values
// for a backward pass — the measurement above showed it leaves almost nothing behind. (For nets with dropout, inference also means evaluation mode, notebook 11.)
//
// ## Summary
//
// - The computational graph of d2l 4.7 has values as boxes and operators as circles; forward propagation evaluates it left to right, up to the objective J = L + s.
// - For a minibatch, every intermediate has one row per example (Z and H are n × h, O is n × q), while every gradient of J has the shape of its parameter.
// - Backpropagation applies the chain rule node by node from J back to the weights, reusing the gradient of the step before: ∂J/∂O → ∂J/∂W⁽²⁾ = (∂J/∂O)ᵀH + λW⁽²⁾, ∂J/∂H → ∂J/∂Z = ∂J/∂H ⊙ φ′(Z) → ∂J/∂W⁽¹⁾ = (∂J/∂Z)ᵀX + λW⁽¹⁾. Written by hand, it matches autograd to float64 rounding.
// - For matrices, the chain rule multiplies and sums over the indices of the value in the middle: ∂O/∂W⁽²⁾ is a 4-index tensor, and summing it against ∂J/∂O leaves the matrix product (∂J/∂O)ᵀH.
// - Training alternates forward propagation (from the parameters of the last update), backpropagation (from the values that forward pass kept) and the update; one SGD step with the hand-written gradients lowered J, by somewhat less than the first-order prediction.
// - The forward pass keeps *values* for the backward pass (X, H, O, and the weights, which exist anyway), not derivatives; the backward pass computes the local derivatives from them. Storing the Jacobians instead would take gigabytes.
// - What a training forward pass keeps grows with depth and batch size: here one hidden output of n × 100 floats per layer, against nothing measurable under `no_grad`.
//
// ## Exercises
//
// **Exercise 1 — a gradient's shape.** For a minibatch of 64 examples, 784 inputs, 256 hidden units and 10 outputs, with W⁽¹⁾ stored as in this
// notebook (hidden × inputs), what is the shape of ∂J/∂W⁽¹⁾? Give it as a `long[]`, e.g. `new long[] { 3, 4 }`.

long[] answer1 = null; // replace null with your answer
display(Exercises.Notebook12.Exercise1(answer1));

// **Exercise 2 — backward through tanh.** Replace ReLU by φ = tanh. Write a function that takes ∂J/∂H and the kept value H = tanh(Z) and returns
// ∂J/∂Z, using only H: the function never sees Z. It gets float64 tensors; return ∂J/∂Z with their shape and dtype. The checker runs it on five
// cases and compares with autograd: first 1 × 1 and 4 × 4, then 4 × 5, 1 × 3 and 7 × 2. The square cases come first to keep your session safe:
// if your function multiplies its inputs with `matmul` where it should not, that product is defined on a square case and the checker can tell you
// so, whereas on the others the shape error would end the kernel (section 3).

Func<Tensor, Tensor, Tensor> answer2 = null; // replace null with (gradH, H) => ...
display(Exercises.Notebook12.Exercise2(answer2));

// **Exercise 3 — why training runs out of memory first.** A colleague's network runs out of memory in the forward pass of training at a minibatch
// size at which evaluating the same network under `no_grad` still works. Which statement explains it? Give the letter as a `char`, e.g. `'A'`.

foreach (var (letter, statement) in Exercises.Notebook12.Exercise3Statements) Console.WriteLine($"({letter}) {statement}");
char? answer3 = null; // replace null with your answer
display(Exercises.Notebook12.Exercise3(answer3));

// **Exercise 4 — memory of a deep net.** An MLP has 10 hidden ReLU layers of 1024 units each and computes in float32 with a minibatch of 512.
// How many bytes do the outputs H of its hidden layers take, which a training step keeps for the backward pass? Count those outputs only, one per
// hidden layer, as section 6 counted them — not the input, the weights, the output layer, or the pre-activations Z (ReLU's derivative can be read
// from H). Give a number of bytes.

long? answer4 = null; // replace null with your answer
display(Exercises.Notebook12.Exercise4(answer4));

// **Exercise 5 — a bias in the hidden layer (d2l 4.7, exercise 2).** Give the hidden layer a bias b ∈ ℝʰ: z = W⁽¹⁾x + b, and for a minibatch
// Z = X W⁽¹⁾ᵀ + b, with b added to every row (broadcasting, notebook 01). d2l's exercise says the bias need not be included in the
// penalty (“不需要在正则化项中包含偏差项”); here we leave it out: s = λ/2 (‖W⁽¹⁾‖²_F + ‖W⁽²⁾‖²_F) as before. Draw the new computational graph — on paper, or with `GraphDiagram.Draw` from copies of
// `graphNodes` and `graphEdges` (`graphNodes.Select(node => node.Column >= 2 ? node with { Column = node.Column + 1 } : node).ToList()` makes room after the
// first ×) — and derive the backward pass. Which of these statements are true?
//
// - (a) The graph gains a parameter box b and an operator "+" between the first "×" and z.
// - (b) b also gets an arrow into the penalty's ‖·‖², as W⁽¹⁾ and W⁽²⁾ have.
// - (c) ∂J/∂b has two terms, like the gradient of each weight matrix.
// - (d) The formulas for ∂J/∂W⁽¹⁾ and ∂J/∂W⁽²⁾ keep their form; only the values of Z, H and O they are computed from change.
// - (e) To compute ∂J/∂b, the backward pass needs the value of b from the forward pass.
//
// Give the letters of all true statements as a string, e.g. `"be"`.

string answer5 = null; // replace null with your letters
display(Exercises.Notebook12.Exercise5(answer5));

// **Exercise 6 — the gradient of the bias.** With the bias of exercise 5, write a function that takes ∂J/∂Z (n × h, one row per example, as in
// the table of section 3) and returns ∂J/∂b, a tensor of shape (h,) like b. The checker builds networks with a bias, takes ∂J/∂Z and b's gradient
// from autograd, and compares; ∂J/∂Z comes in float64. Its minibatches are square (n = h: 4 × 4, 6 × 6, 1 × 1), so that a matrix product with the
// wrong shapes is still defined and the checker can answer, where a `matmul` shape error would end the kernel (section 3). The price: a slip that
// shows only when n ≠ h — a length h where n is meant — passes these cases, so the checker's answer reminds you of it. If you multiply, use `mv`
// or `mm`, whose shape and dtype errors are ordinary exceptions.

Func<Tensor, Tensor> answer6 = null; // replace null with gradZ => ...
display(Exercises.Notebook12.Exercise6(answer6));
