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

// The cells' own usings (a program states its usings before its first statement):
using System.Runtime.InteropServices;

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
// The cell below draws it as an SVG picture (a function we reuse in section 4):

string GraphSvg(string title, ISet<string> kept = null)
{
    kept ??= new HashSet<string>();
    // id → label, centre, kind (data, parameter, value, operator)
    var nodes = new Dictionary<string, (string Label, double X, double Y, string Kind)>
    {
        ["x"] = ("x", 50, 200, "data"),   ["mul1"] = ("×", 130, 200, "op"), ["z"] = ("z", 210, 200, "value"),
        ["phi"] = ("φ", 290, 200, "op"),  ["h"] = ("h", 370, 200, "value"), ["mul2"] = ("×", 450, 200, "op"),
        ["o"] = ("o", 530, 200, "value"), ["l"] = ("l", 610, 200, "op"),     ["L"] = ("L", 690, 200, "value"),
        ["plus"] = ("+", 770, 200, "op"), ["J"] = ("J", 850, 200, "value"),
        ["W1"] = ("W⁽¹⁾", 130, 120, "param"), ["W2"] = ("W⁽²⁾", 450, 120, "param"), ["y"] = ("y", 610, 120, "data"),
        ["reg"] = ("‖·‖²", 610, 45, "op"), ["s"] = ("s", 770, 45, "value"),
    };
    var edges = new[] { ("x", "mul1"), ("W1", "mul1"), ("mul1", "z"), ("z", "phi"), ("phi", "h"), ("h", "mul2"), ("W2", "mul2"),
                        ("mul2", "o"), ("o", "l"), ("y", "l"), ("l", "L"), ("L", "plus"), ("W1", "reg"), ("W2", "reg"),
                        ("reg", "s"), ("s", "plus"), ("plus", "J") };
    const double halfW = 26, halfH = 15, radius = 19;
    string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    double Border(string id, double ux, double uy) => nodes[id].Kind == "op" ? radius
        : Math.Min(ux == 0 ? double.MaxValue : halfW / Math.Abs(ux), uy == 0 ? double.MaxValue : halfH / Math.Abs(uy));

    var svg = new StringBuilder();
    svg.Append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 900 290' width='900' style='max-width:100%;height:auto;background:white;font-family:sans-serif'>");
    svg.Append("<defs><marker id='arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='#333'/></marker></defs>");
    svg.Append($"<text x='10' y='20' font-size='14' fill='#000'>{title}</text>");
    foreach (var (from, to) in edges)
    {
        var (a, b) = (nodes[from], nodes[to]);
        double dx = b.X - a.X, dy = b.Y - a.Y, len = Math.Sqrt(dx * dx + dy * dy), ux = dx / len, uy = dy / len;
        double s0 = Border(from, ux, uy), s1 = Border(to, ux, uy);
        svg.Append($"<line x1='{F(a.X + ux * s0)}' y1='{F(a.Y + uy * s0)}' x2='{F(b.X - ux * s1)}' y2='{F(b.Y - uy * s1)}' stroke='#333' stroke-width='1.5' marker-end='url(#arrow)'/>");
    }
    var fill = new Dictionary<string, string> { ["data"] = "#e6e6e6", ["param"] = "#ffd8a8", ["value"] = "#d0e4ff", ["op"] = "#ffffff" };
    foreach (var (id, n) in nodes)
    {
        string stroke = kept.Contains(id) ? "stroke='#d62728' stroke-width='4'" : "stroke='#333' stroke-width='1.2'";
        svg.Append(n.Kind == "op"
            ? $"<circle cx='{F(n.X)}' cy='{F(n.Y)}' r='{F(radius)}' fill='{fill[n.Kind]}' {stroke}/>"
            : $"<rect x='{F(n.X - halfW)}' y='{F(n.Y - halfH)}' width='{F(2 * halfW)}' height='{F(2 * halfH)}' rx='4' fill='{fill[n.Kind]}' {stroke}/>");
        svg.Append($"<text x='{F(n.X)}' y='{F(n.Y + 5)}' text-anchor='middle' font-size='{(n.Label.Length > 2 ? 13 : 16)}' fill='#000'>{n.Label}</text>");
    }
    var legend = new List<(string Fill, string Stroke, string Text, bool Circle)>
    {
        (fill["data"], "#333", "data", false), (fill["param"], "#333", "parameter", false),
        (fill["value"], "#333", "computed value", false), ("#ffffff", "#333", "operator", true),
    };
    if (kept.Count > 0) legend.Add(("#ffffff", "#d62728", "kept for the backward pass", false));
    double lx = 20;
    foreach (var (f, st, text, circle) in legend)
    {
        svg.Append(circle ? $"<circle cx='{F(lx + 9)}' cy='262' r='9' fill='{f}' stroke='{st}'/>"
                          : $"<rect x='{F(lx)}' y='253' width='18' height='18' rx='3' fill='{f}' stroke='{st}' stroke-width='{(st == "#333" ? 1.2 : 4)}'/>");
        svg.Append($"<text x='{F(lx + 26)}' y='267' font-size='13' fill='#000'>{text}</text>");
        lx += 40 + 7.5 * text.Length;
    }
    svg.Append("</svg>");
    return svg.ToString();
}

display(HTML(GraphSvg("Computational graph of d2l 4.7: one hidden layer, L2 penalty")));

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

var Z = X.matmul(W1.t());                                   // z = W⁽¹⁾x, for every row of X
var H = nn.functional.relu(Z);                              // h = φ(z)
var O = H.matmul(W2.t());                                   // o = W⁽²⁾h
var L = nn.functional.cross_entropy(O, y);                  // L = mean over the batch of l(o, y)
var s = lambda / 2 * (W1.pow(2).sum() + W2.pow(2).sum());   // s = λ/2 (‖W⁽¹⁾‖²_F + ‖W⁽²⁾‖²_F)
var J = L + s;                                              // the objective

foreach (var (name, t, meaning) in new[] {
    ("X", X, "n × d: the minibatch"), ("W1", W1, "h × d"), ("Z", Z, "n × h: X W⁽¹⁾ᵀ"), ("H", H, "n × h: φ(Z)"),
    ("W2", W2, "q × h"), ("O", O, "n × q: H W⁽²⁾ᵀ, one score per class"), ("y", y, "n labels"),
    ("L", L, "scalar: mean loss"), ("s", s, "scalar: penalty"), ("J", J, "scalar: objective") })
    Console.WriteLine($"{name,-3} {ShapeText(t.shape),-8} {meaning}");
Console.WriteLine($"L = {L.item<double>():F4}, s = {s.item<double>():F4}, J = {J.item<double>():F4}; {(Z > 0).sum().item<long>()} of the {Z.numel()} entries of Z are positive");

// Every value of the graph has been computed, in the graph's order. X (8 × 6) times W⁽¹⁾ᵀ (6 × 5) gives Z of shape 8 × 5, one row of
// hidden pre-activations per example; ReLU keeps the shape; O is 8 × 3, one score per class and example. The loss averages the 8 examples into
// one number, L = 1.2759, and with the penalty s = 0.4596 the objective is J = 1.7354. 19 of the 40 entries of Z are positive: ReLU passes those and
// zeroes the other 21, which will decide where gradient flows back.

// ## 3. Backpropagation (反向传播) by the chain rule
//
// The notes explain backpropagation with the last layer Z, the one before it Y and the one before that X: the derivative of Z with
// respect to X follows from the derivative with respect to Y by the chain rule,
//
// $$\frac{\partial \mathsf{Z}}{\partial \mathsf{X}} = \frac{\partial \mathsf{Z}}{\partial \mathsf{Y}}\frac{\partial \mathsf{Y}}{\partial \mathsf{X}},$$
//
// and that result is reused for the layer before, until all layers are done — which is what "backward" means ("这样再计算倒数第三层的梯度时就再利用这个结果，直到计算完所有层"). That is right, and it is the whole trick: each step reuses the gradient the step before it produced.
// For matrices the formula needs one more ingredient. d2l writes it as ∂Z/∂X = prod(∂Z/∂Y, ∂Y/∂X), where prod multiplies after whatever
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
// The function below is the table, one line per row. Its parameter list matters for section 4: it is everything the backward pass reads.

(Tensor dW1, Tensor dW2) BackwardByHand(Tensor X, Tensor y, Tensor H, Tensor O, Tensor W1, Tensor W2, double lambda, bool show = false)
{
    long n = X.shape[0], q = O.shape[1];
    var Y = nn.functional.one_hot(y, q).to_type(O.dtype);
    var dO = (torch.softmax(O, 1) - Y) / n;             // ∂J/∂O = ∂J/∂L · ∂L/∂O
    var dW2 = dO.t().matmul(H) + lambda * W2;             // ∂J/∂W⁽²⁾ = (∂J/∂O)ᵀ H + λ W⁽²⁾
    var dH = dO.matmul(W2);                               // ∂J/∂H = ∂J/∂O · W⁽²⁾
    var dZ = dH * (H > 0).to_type(H.dtype);               // ∂J/∂Z = ∂J/∂H ⊙ φ′(Z); for ReLU, z > 0 exactly where h > 0
    var dW1 = dZ.t().matmul(X) + lambda * W1;             // ∂J/∂W⁽¹⁾ = (∂J/∂Z)ᵀ X + λ W⁽¹⁾
    if (show)
        foreach (var (name, t) in new[] { ("∂J/∂O", dO), ("∂J/∂W2", dW2), ("∂J/∂H", dH), ("∂J/∂Z", dZ), ("∂J/∂W1", dW1) })
            Console.WriteLine($"{name,-7} {ShapeText(t.shape)}");
    return (dW1, dW2);
}

var (dW1, dW2) = BackwardByHand(X, y, H.detach(), O.detach(), W1.detach(), W2.detach(), lambda, show: true);

// Every gradient came out with the shape of its parameter: ∂J/∂W⁽²⁾ is 3 × 5 like W⁽²⁾, ∂J/∂W⁽¹⁾ is 5 × 6 like W⁽¹⁾, and the per-example
// gradients ∂J/∂O, ∂J/∂H, ∂J/∂Z have one row per example. (The hand-written pass gets `detach()`ed copies, so autograd records nothing of it.)
//
// The order of the factors is forced by these shapes. Multiplying in the literal order of the notes' chain rule, ∂J/∂O times ∂O/∂W⁽²⁾ (whose entries are those of H), pairs an 8 × 3 matrix with an 8 × 5 one:

long[] a = O.shape, b = H.shape;
Console.WriteLine($"∂J/∂O · H   : {ShapeText(a)} · {ShapeText(b)} → inner sizes {a[1]} and {b[0]}: not defined");
Console.WriteLine($"(∂J/∂O)ᵀ · H: ({a[1]}, {a[0]}) · {ShapeText(b)} → ({a[1]}, {b[1]}), the shape of W⁽²⁾ {ShapeText(W2.shape)}");

// Only the transposed product gives a matrix shaped like W⁽²⁾, so the scalar chain rule of the notes carries over to matrices with
// "multiply so that the shapes fit" (d2l's prod). (We print shapes instead of trying the wrong product: on this machine a shape
// error inside libtorch's matmul ends the whole kernel instead of raising a C# exception.)
//
// Now the check. Autograd computes the same gradients from the J built in section 2:

W1.grad?.zero_(); W2.grad?.zero_();      // so that re-running this cell does not accumulate (notebook 05)
J.backward(retain_graph: true);          // keep the graph: section 4 uses it again
double diff1 = (dW1 - W1.grad!).abs().max().item<double>(), diff2 = (dW2 - W2.grad!).abs().max().item<double>();
Console.WriteLine($"max |hand − autograd|  ∂J/∂W1: {diff1:G3}   ∂J/∂W2: {diff2:G3}");
Console.WriteLine($"largest entries        ∂J/∂W1: {dW1.abs().max().item<double>():G3}   ∂J/∂W2: {dW2.abs().max().item<double>():G3}");

// The hand-written gradients agree with autograd to 8.3·10⁻¹⁷ (∂J/∂W⁽¹⁾) and 2.8·10⁻¹⁷ (∂J/∂W⁽²⁾), while the gradients themselves reach
// 0.216 and 0.318: the differences are float64 rounding (float64's epsilon is 2.2·10⁻¹⁶, notebook 05), the same arithmetic done in a different order.
//
// Autograd and our function use the same chain rule, so a third opinion that does not is worth having: the numerical gradient of notebook 05's
// `GradientCheck`, which only evaluates J. And to see why float64 helps, the same hand-written pass in float32:

// J as a function of W⁽¹⁾ alone (everything else fixed), for a numerical gradient that does not use autograd at all
Tensor JofW1(Tensor w1)
{
    var o = nn.functional.relu(X.matmul(w1.t())).matmul(W2.detach().t());
    return nn.functional.cross_entropy(o, y) + lambda / 2 * (w1.pow(2).sum() + W2.detach().pow(2).sum());
}
var numerical = GradientCheck.Numerical(JofW1, W1.detach());
Console.WriteLine($"max |hand − numerical| ∂J/∂W1: {(dW1 - numerical).abs().max().item<double>():G3}");

// the same forward and backward in float32
var (dW1f, dW2f) = BackwardByHand(X.to_type(ScalarType.Float32), y, H.detach().to_type(ScalarType.Float32), O.detach().to_type(ScalarType.Float32),
                                  W1.detach().to_type(ScalarType.Float32), W2.detach().to_type(ScalarType.Float32), lambda);
Console.WriteLine($"float32 hand-written vs float64 autograd: ∂J/∂W1 {(dW1f.to_type(ScalarType.Float64) - W1.grad!).abs().max().item<double>():G3}, ∂J/∂W2 {(dW2f.to_type(ScalarType.Float64) - W2.grad!).abs().max().item<double>():G3}");

// The central difference agrees with the hand-written ∂J/∂W⁽¹⁾ to 2.0·10⁻¹⁰: the accuracy a float64 central difference with h = 10⁻⁶ reaches,
// far coarser than autograd's 10⁻¹⁷ but independent of any chain rule. In float32 the same formulas differ from the float64 gradients by 2.3·10⁻⁸
// (∂J/∂W⁽¹⁾) and 2.5·10⁻⁸ (∂J/∂W⁽²⁾): float32 rounding (epsilon 1.2·10⁻⁷) of numbers up to about 0.3. A float32 check needs a tolerance of that
// order; float64 shows the agreement down to the last digits.

// ## 4. What backward needs from forward: values, not derivatives (反向传播优化)
//
// The notes' "反向传播优化" paragraph says: "在前向传播过程中，Z 对 Y 以及 Y 对 X 的导数都已经计算过了，可以选择保留下来。这样在反向传播计算 Z 对 X 导数时可以直接使用" —
// during forward propagation the derivatives of Z with respect to Y and of Y with respect to X have already been computed and can be kept, to be used
// directly in backpropagation.
//
// **A gentle correction.** The forward pass computes no derivatives at all. It computes *values* — Z, H, O — and keeps the ones the backward
// pass will need; the backward pass then computes each local derivative from those values when it reaches that node. Look at the parameter list of
// `BackwardByHand`: X, y, H, O, W⁽¹⁾, W⁽²⁾ and λ. No derivative is among them. Marked on the graph:

display(HTML(GraphSvg("Values the hand-written backward pass reads", new HashSet<string> { "x", "h", "o", "y", "W1", "W2" })));

// X is needed for ∂J/∂W⁽¹⁾, H for ∂J/∂W⁽²⁾ and for φ′ (ReLU's derivative is 1 exactly where h > 0, so Z itself need not be kept), O for softmax(O) in ∂J/∂O, and the weights for ∂J/∂H and the penalty's λW. L, s and J are never read: the backward pass starts from ∂J/∂J = 1.
//
// Autograd works the same way, and we can catch it doing so. If the forward pass had stored the derivative of relu, changing H afterwards would not
// matter to backward. It does matter: autograd kept the *value* H (for relu's derivative and for the product with W⁽²⁾) and notices that it changed.

var Ht = nn.functional.relu(X.matmul(W1.t()));
var Jt = nn.functional.cross_entropy(Ht.matmul(W2.t()), y);
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

// Backward refuses: a variable "needed for gradient computation has been modified by an inplace operation … is at version 1; expected version 0".
// Autograd stamps every value it keeps with a version number and checks it when backward reaches that node — the derivative is computed *then*,
// from the value, which is why a changed value matters. (TorchSharp reports libtorch's error as an `ExternalException`.)
//
// Why keep values rather than derivatives? The derivatives, written out, are Jacobians (notebook 04), and they are enormous. For d2l's MLP on
// Fashion-MNIST (minibatch n = 256, d = 784 inputs, h = 256 hidden units, q = 10 outputs) compare the numbers the backward pass actually keeps with the
// number of entries of the Jacobians it would multiply in the literal chain rule:

long bn = 256, bd = 784, bh = 256, bq = 10;
string Size(double floats) => floats * 4 >= 1e9 ? $"{floats * 4 / 1e9:F1} GB" : $"{floats * 4 / 1e6:F2} MB";
Console.WriteLine("kept values (float32)");
foreach (var (name, count) in new[] { ("X  (n × d)", bn * bd), ("H  (n × h)", bn * bh), ("O  (n × q)", bn * bq) })
    Console.WriteLine($"  {name,-26} {count,15:N0} numbers {Size(count),10}");
Console.WriteLine("Jacobians of the literal chain rule (float32)");
foreach (var (name, count) in new[] { ("∂O/∂H    (nq × nh)", (double)(bn * bq) * (bn * bh)), ("∂H/∂Z    (nh × nh)", (double)(bn * bh) * (bn * bh)),
                                      ("∂Z/∂W⁽¹⁾ (nh × hd)", (double)(bn * bh) * (bh * bd)) })
    Console.WriteLine($"  {name,-26} {count,15:N0} numbers {Size(count),10}");

// The backward pass keeps about 1.08 MB of values for this minibatch (0.80 + 0.26 + 0.01 MB, X included). The three Jacobians would take
// 671 MB, 17.2 GB and 52.6 GB. They are mostly structure: ∂H/∂Z is diagonal (φ′ of each entry, for ReLU just the mask h > 0) and ∂Z/∂W⁽¹⁾ is
// made of copies of X. Backpropagation never builds them; each row of the table in section 3 is "upstream gradient times Jacobian" written directly
// with kept values, (∂J/∂Z)ᵀX instead of a 52.6 GB matrix. Keeping derivatives from the forward pass, as the notes suggest, would mean either these matrices or compact
// encodings of them, and the compact encodings are made of the kept values themselves: the mask h > 0, copies of X and of W⁽²⁾.
//
// ## 5. Training keeps values, inference does not
//
// The notes draw the conclusion: "这就导致相比与单纯推理，训练会更耗费内存" — so training costs more memory than inference alone. That is right; let us measure how much.
//
// What to measure needs care. TorchSharp's `torch.Tensor.TotalCount` counts the C# `Tensor` objects that are alive, but the values autograd keeps live
// inside libtorch's graph, where no C# object points at them. TorchSharp has no memory API for the CPU, so we ask the C library instead: libtorch's
// CPU allocator takes tensor memory from `malloc`, and glibc's `mallinfo2()` reports how many bytes of the C heap are in use. This is course plumbing,
// not deep learning; it works on Linux with glibc and reports nothing elsewhere.

// struct MallInfo2: declared at the end of this file (a program declares its types after its statements).
// class NativeHeap: declared at the end of this file (a program declares its types after its statements).
Console.WriteLine(NativeHeap.BytesInUse() is long bytes ? $"C heap in use: {bytes / 1e6:F1} MB" : "mallinfo2 is not available on this system; the measurements below will be skipped");

// The experiment: a large minibatch, n = 4096, so that the differences stand far above the heap's background noise; 256 input features,
// hidden layers of 256 ReLU units, 10 outputs, float32. We run the forward pass up to the loss once **as in training**
// (autograd recording) and once **as in inference** (under `torch.no_grad()`), each inside a dispose scope that frees every C# handle except the loss,
// and read the heap before and after. The difference is what the forward pass leaves behind while the loss is alive, that is, until `backward()` runs.
// Counting by hand, the training pass should keep one n × 256 output per hidden layer (relu keeps its output, which the next product also needs) plus the
// n × 10 log-softmax inside the cross-entropy; X and the weights exist before and after either way.

Tensor ForwardLoss(Tensor X, Tensor y, IList<Tensor> weights)
{
    var H = X;
    foreach (var W in weights.Take(weights.Count - 1)) H = nn.functional.relu(H.matmul(W.t()));
    return nn.functional.cross_entropy(H.matmul(weights[^1].t()), y);
}

(double RetainedMB, long CSharpTensors) RetainedOnce(Tensor X, Tensor y, IList<Tensor> weights, bool training)
{
    long heap0 = NativeHeap.BytesInUse() ?? 0, tensors0 = torch.Tensor.TotalCount;
    Tensor loss;
    using (var noGrad = training ? null : torch.no_grad())
    using (var scope = torch.NewDisposeScope())
        loss = ForwardLoss(X, y, weights).MoveToOuterDisposeScope();
    long heap1 = NativeHeap.BytesInUse() ?? 0, tensors1 = torch.Tensor.TotalCount;
    loss.Dispose();                                       // frees the graph and everything it kept
    return ((heap1 - heap0) / 1e6, tensors1 - tensors0);
}

// the median of three runs: other threads of the kernel allocate and free now and then, and one run can catch that
(double RetainedMB, long CSharpTensors) Retained(Tensor X, Tensor y, IList<Tensor> weights, bool training)
{
    GC.Collect(); GC.WaitForPendingFinalizers();          // tensors no one disposed are freed now, not during the measurement
    var runs = Enumerable.Range(0, 3).Select(_ => RetainedOnce(X, y, weights, training)).OrderBy(r => r.RetainedMB).ToArray();
    return runs[1];
}

long mn = 4096, md = 256, mh = 256, mq = 10;
torch.manual_seed(0);
var Xbig = torch.randn(mn, md);
var ybig = torch.randint(0, mq, new long[] { mn });
List<Tensor> Weights(int hiddenLayers)
{
    var ws = new List<Tensor>();
    for (int i = 0; i < hiddenLayers; i++) ws.Add((torch.randn(mh, i == 0 ? md : mh) * 0.01).requires_grad_());
    ws.Add((torch.randn(mq, mh) * 0.01).requires_grad_());
    return ws;
}
double CountedMB(int hiddenLayers) => (hiddenLayers * mn * mh + mn * mq) * 4 / 1e6;

var oneHidden = Weights(1);
RetainedOnce(Xbig, ybig, oneHidden, training: true);        // a first run, so one-time allocations are not measured
var train1 = Retained(Xbig, ybig, oneHidden, training: true);
var infer1 = Retained(Xbig, ybig, oneHidden, training: false);
Console.WriteLine($"one hidden layer, n = {mn}: training keeps {train1.RetainedMB:F3} MB, inference keeps {infer1.RetainedMB:F3} MB; counted H + log-softmax: {CountedMB(1):F3} MB");
Console.WriteLine($"C# Tensor objects alive after the forward pass: training {train1.CSharpTensors}, inference {infer1.CSharpTensors} (the loss)");

// The training forward pass left close to the count of 4.358 MB (4096 × 256 hidden outputs plus 4096 × 10 log-softmax values, 4 bytes each)
// on the heap. The reading is the count plus a small remainder — the graph's own bookkeeping, and whatever the kernel's other threads allocated or
// freed at that moment — so its last digits move from run to run. The inference pass left almost nothing, a small fraction of a MB: its intermediates were freed when the dispose scope
// ended, because nothing else referred to them. Both modes end with exactly one live C# `Tensor` object, the loss. The megabytes that training keeps
// are invisible from C#: they belong to the graph behind the loss, and they are freed by `backward()` (which releases the graph) or, as here, by disposing the loss.
// What we measured is what the forward pass leaves behind, not its peak while running.
//
// Every hidden layer adds its output to what training keeps, so the difference grows with depth. The same measurement for one to four hidden layers:

var depths = new[] { 1, 2, 3, 4 };
var trainMB = new List<double>(); var inferMB = new List<double>();
foreach (var k in depths)
{
    var ws = Weights(k);
    trainMB.Add(Retained(Xbig, ybig, ws, training: true).RetainedMB);
    inferMB.Add(Retained(Xbig, ybig, ws, training: false).RetainedMB);
    foreach (var w in ws) w.Dispose();
}
var counted = depths.Select(k => CountedMB(k)).ToArray();
for (int i = 0; i < depths.Length; i++)
    Console.WriteLine($"{depths[i]} hidden layer(s): training {trainMB[i],7:F3} MB   inference {inferMB[i],6:F3} MB   counted {counted[i],7:F3} MB");
int worst = Enumerable.Range(0, depths.Length).MaxBy(i => Math.Abs(trainMB[i] - counted[i]));
Console.WriteLine($"largest gap between training and counted: {trainMB[worst] - counted[worst]:+0.000;-0.000} MB (at {depths[worst]} hidden layers)");
display(Plots.Plot(depths.Select(k => (double)k).ToArray(),
    [new Series("training forward (autograd recording)", trainMB.ToArray(), Markers: true),
     new Series("inference forward (no_grad)", inferMB.ToArray(), Markers: true),
     new Series("counted: hidden outputs + log-softmax (drawn under the training curve)", counted)],
    xLabel: "number of hidden layers (256 units each)", yLabel: "MB kept after the forward pass",
    title: $"Memory a forward pass leaves for backward, minibatch n = {mn}, float32"));

// Training keeps what the count predicts: 4.19 MB more for every hidden layer (4096 × 256 floats), on top of 0.16 MB for the
// log-softmax, 16.941 MB counted for four hidden layers. Each reading is the count plus a remainder: the graph's own bookkeeping, and whatever the kernel's other threads allocated or freed
// during the measurement. The remainder is small next to the readings but moves from run to run, and now and then one reading catches another
// thread's allocation; the last printed line shows the largest gap of this run. Underneath it the readings follow the count's 4.19 MB per hidden layer,
// while inference stays near 0 MB at every depth, far below training. So what training keeps after the forward pass grows linearly with depth
// (and, by the count, with the minibatch size n), while inference keeps next to nothing — which is why a batch too large to train can often still be evaluated.
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
// - The forward pass keeps *values* (X, H, O, the weights), not derivatives; the backward pass computes the local derivatives from them. Storing the Jacobians instead would take gigabytes.
// - That is why a training step needs more memory than inference: here one hidden output of n × 256 floats per layer, growing linearly with depth, against almost nothing under `no_grad`.
//
// ## Exercises
//
// **Exercise 1 — a gradient's shape.** For a minibatch of 64 examples, 784 inputs, 256 hidden units and 10 outputs, with W⁽¹⁾ stored as in this
// notebook (hidden × inputs), what is the shape of ∂J/∂W⁽¹⁾? Give it as a `long[]`, e.g. `new long[] { 3, 4 }`.

long[] answer1 = null; // replace null with your answer
display(Exercises.Notebook12.Exercise1(answer1));

// **Exercise 2 — backward through tanh.** Replace ReLU by φ = tanh. Write a function that takes ∂J/∂H and the kept value H = tanh(Z) and returns
// ∂J/∂Z — using only H, not Z. The checker runs it on a few cases and compares with autograd.

Func<Tensor, Tensor, Tensor> answer2 = null; // replace null with (gradH, H) => ...
display(Exercises.Notebook12.Exercise2(answer2));

// **Exercise 3 — what is kept.** Which statement describes what happens between the forward and the backward pass? Give the letter as a `char`, e.g. `'A'`.

foreach (var (letter, statement) in Exercises.Notebook12.Exercise3Statements) Console.WriteLine($"({letter}) {statement}");
char? answer3 = null; // replace null with your answer
display(Exercises.Notebook12.Exercise3(answer3));

// **Exercise 4 — memory of a deep net.** An MLP has 10 hidden ReLU layers of 1024 units each and computes in float32 with a minibatch of 512.
// How many bytes do the hidden layers' outputs take that a training step keeps for the backward pass?

long? answer4 = null; // replace null with your answer
display(Exercises.Notebook12.Exercise4(answer4));

// The types the lesson declares, from the cells above (a program declares its types after its statements).

public struct MallInfo2 { public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost; }

public static class NativeHeap
{
    [DllImport("libc", EntryPoint = "mallinfo2")] static extern MallInfo2 MallInfo();

    /// <summary>Bytes of the C heap in use (small blocks + mmapped blocks), or null where glibc's mallinfo2 is not available.</summary>
    public static long? BytesInUse()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try { var m = MallInfo(); return (long)(m.uordblks + m.hblkhd); }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException) { return null; }
    }
}
