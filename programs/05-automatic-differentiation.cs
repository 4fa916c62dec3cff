// Notebook 05 as a .NET program: notebooks/05-automatic-differentiation.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/05-automatic-differentiation.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/05/
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

// # 05 — Automatic differentiation (自动微分)
//
// This notebook follows the chapter **自动微分** of the study notes (d2l section 2.5): three ways to compute derivatives,
// `requires_grad` and gradient storage (梯度保存), gradient descent (梯度下降), backpropagation with `backward()` (反向传播)
// and backward for non-scalar outputs (非标量反向传播).
//
// In this notebook you will…
// - compare symbolic (符号微分), numerical (数值微分) and automatic differentiation (自动微分), and see on one log–log chart why numerical differentiation is limited by float precision;
// - find out what float32 can really resolve (machine epsilon 2⁻²³, not 2⁻³²);
// - use `requires_grad`, `backward()` and `grad` in TorchSharp, and know when `grad` exists;
// - handle accumulated gradients, non-scalar outputs (`sum()` first), `detach()` and gradients through C# `while`/`if`;
// - run gradient descent with three learning rates and watch the paths on a contour plot;
// - check any gradient, autograd's or one you derived by hand, with the course's numerical gradient checker `GradientCheck`.

display(Course.Setup());

// ## 1. Three ways to differentiate
//
// The notes name three approaches.
//
// - **Symbolic differentiation (符号微分)** rewrites a formula into the formula of its derivative with the rules of notebook 04: sin x → cos x.
//   The notes say only particular expressions can be converted this way ("只有特定的表达式能这样转换"). More precisely: every formula built from elementary functions can be differentiated symbolically (the rules are mechanical),
//   but the derivative's formula can grow much larger than the original ("expression swell"), and a *program* with loops and branches — like the one in section 7 below — is not one formula at all.
// - **Numerical differentiation (数值微分)** evaluates the difference quotient with a small h. Simple, works on anything, but inexact, as we now measure.
// - **Automatic differentiation (自动微分)** records the operations a program actually performs and applies the chain rule to them, giving the derivative at a point to full float precision, at a cost of a small multiple of one evaluation. This is what `backward()` does.
//
// ### Numerical differentiation and float precision
//
// The notes write numerical differentiation as
//
// $$\frac{dy}{dx}=\frac{f(x+2^{-32})-f(x)}{2^{-32}}$$
//
// and add that 2⁻³² is the smallest value at float32 precision ("float32 精度下最小值为 2⁻³²"). Let us measure instead of assuming.
// Take d2l's $f(x) = 3x^2 - 4x$ at x = 1, where f'(1) = 2, and compute the forward difference for h from 1 down to 10⁻¹⁶, once in float32 and once in float64.

Tensor F(Tensor x) => 3 * x.pow(2) - 4 * x;

var hs = Enumerable.Range(0, 65).Select(k => Math.Pow(10, -k / 4.0)).ToArray();   // 1, 10^-0.25, …, 1e-16

double[] ForwardDifferenceErrors(ScalarType dtype)
{
    var x = torch.ones(hs.Length, dtype: dtype);
    var h = torch.tensor(hs, dtype: dtype);               // each h rounded to the precision under test
    var slope = (F(x + h) - F(x)) / h;
    return (slope - 2).abs().to_type(ScalarType.Float64).data<double>().ToArray();
}
var err32 = ForwardDifferenceErrors(ScalarType.Float32);
var err64 = ForwardDifferenceErrors(ScalarType.Float64);
display(Plots.Plot(hs, [new Series("float32", err32, Markers: true), new Series("float64", err64, Markers: true),
                new Series("truncation error 3h", hs.Select(h => 3 * h).ToArray())],
           xLabel: "h", yLabel: "|forward difference − f'(1)|", logX: true, logY: true,
           title: "Numerical derivative of 3x² − 4x at x = 1: error against h"));

// Read the chart from right to left. For large h both precisions follow the straight line 3h: that is the **truncation error** (截断误差) of the formula itself, since (f(1+h) − f(1))/h = 2 + 3h exactly.
// As h shrinks, **round-off error** (舍入误差) takes over: f(1+h) and f(1) are nearly equal, and their difference keeps only a few correct digits, which dividing by a tiny h magnifies.
// The best h is roughly where the two meet; the next cell reads the minima off the data. Where the float32 curve goes flat at 2, x + h has rounded back to exactly 1, the numerator is 0, and the "derivative" is 0.

int best32 = Array.IndexOf(err32, err32.Where(e => e > 0).Min()), best64 = Array.IndexOf(err64, err64.Where(e => e > 0).Min());
Console.WriteLine($"float32: smallest error {err32[best32]:0.0e+0} at h = {hs[best32]:0.0e+0}");
Console.WriteLine($"float64: smallest error {err64[best64]:0.0e+0} at h = {hs[best64]:0.0e+0}");
Console.WriteLine($"float32 slope is exactly 0 from h = {hs.Where((h, i) => err32[i] == 2).Max():0.0e+0} down");

// The best float32 forward difference is off by 3.3·10⁻⁴ (at h = 10⁻⁴): only about four correct digits, however h is chosen. float64 does better, 1.2·10⁻⁸ at h = 10⁻⁸, but still loses half of its roughly 16 digits.
// Both optimal h are close to the square root of the machine epsilon introduced below. From h ≈ 5.6·10⁻⁸ down — just below 2⁻²⁴ ≈ 6·10⁻⁸, half of float32's epsilon — 1 + h rounds to 1 in float32.
// This is why, as the notes say, numerical derivatives are used in deep learning to **check** gradients, not to train.
//
// ### What is float32's smallest value?
//
// `torch.finfo` reports the numbers behind the chart. Machine epsilon (机器精度) is the gap between 1 and the next representable number: 2⁻²³ in float32 (23 fraction bits), 2⁻⁵² in float64.
// The smallest positive *normal* float32 is 2⁻¹²⁶, and subnormals go down to 2⁻¹⁴⁹. None of these is 2⁻³².

var f32 = torch.finfo(ScalarType.Float32);
var f64 = torch.finfo(ScalarType.Float64);
Console.WriteLine($"float32: eps = {f32.eps:G4} = 2^{Math.Log2(f32.eps)},  smallest normal = {f32.smallest_normal:G4} = 2^{Math.Log2(f32.smallest_normal)},  smallest subnormal = {float.Epsilon:G4} = 2^{Math.Log2(float.Epsilon)}");
Console.WriteLine($"float64: eps = {f64.eps:G4} = 2^{Math.Log2(f64.eps)}");
Console.WriteLine($"2^-32 = {Math.Pow(2, -32):G4}");
Console.WriteLine($"bytes per element: float32 {torch.ones(1, dtype: ScalarType.Float32).element_size()}, float64 {torch.ones(1, dtype: ScalarType.Float64).element_size()}");

// float32's epsilon is 2⁻²³ ≈ 1.192e-7, its smallest normal number 2⁻¹²⁶ ≈ 1.175e-38 and its smallest subnormal 2⁻¹⁴⁹ ≈ 1.401e-45 (C#'s `float.Epsilon` is that subnormal, not machine epsilon — a naming trap).
// 2⁻³² ≈ 2.328e-10 is neither. The notes are right that float64 costs more memory: 8 bytes per element instead of 4.
// They also say float64 is slower. Here is the workhorse of deep learning, a 512 × 512 matrix product, timed in each type:

double BestMilliseconds(ScalarType dtype, int repeats = 20)
{
    using var scope = torch.NewDisposeScope();
    var a = torch.randn(512, 512, dtype: dtype);
    var b = torch.randn(512, 512, dtype: dtype);
    a.mm(b);                                               // warm-up: the first call pays one-off costs
    double best = double.MaxValue;
    for (int i = 0; i < repeats; i++)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        a.mm(b);
        best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
    }
    return best;
}
double ms32 = BestMilliseconds(ScalarType.Float32), ms64 = BestMilliseconds(ScalarType.Float64);
Console.WriteLine($"512 × 512 mm, best of 20: float32 {ms32:F2} ms, float64 {ms64:F2} ms -> float64 takes {ms64 / ms32:F1}x as long");

// On the machine that ran this copy, float64 took the multiple printed above of float32's time — the notes are right. The reason
// is hardware, not arithmetic: a float64 is twice as many bytes to move through memory and caches, and a CPU's vector instructions
// process half as many float64 numbers at once (on GPUs the gap is far larger). That, and not only memory, is why deep learning trains
// in float32 (or less) and keeps float64 for checks like the ones below.
//
// Now the notes' recipe itself, h = 2⁻³² at x = 1. The number 2⁻³² is representable in float32, but 1 + 2⁻³² is not: the nearest float32 is 1 itself, so the numerator is exactly 0.

float hTiny = MathF.Pow(2, -32);
Console.WriteLine($"h = 2^-32 in float32: {hTiny:G6} (not zero);  1f + h == 1f ? {1f + hTiny == 1f}");

var one32 = torch.tensor(1f);
var slope32 = (F(one32 + hTiny) - F(one32)) / hTiny;
var one64 = torch.tensor(1.0);
var slope64 = (F(one64 + Math.Pow(2, -32)) - F(one64)) / Math.Pow(2, -32);
Console.WriteLine($"forward difference with h = 2^-32: float32 {slope32.item<float>()},  float64 {slope64.item<double>():R}  (true value 2)");

// In float32 the notes' formula returns **0** instead of 2, because 1 + 2⁻³² == 1. In float64 the same formula prints 2: there 1 + 2⁻³² is representable (float64 has 52 fraction bits), and for this polynomial the one rounding that happens — dropping h² = 2⁻⁶⁴ from (1 + h)² — removes exactly the truncation error 3h, so the quotient comes out as exactly 2.
// So the recipe with h = 2⁻³² is a float64 recipe; in float32, the precision the notes name, it breaks completely.
// A usable h for float32 is around 10⁻³ to 10⁻⁴ (the chart's minimum), and a central difference, (f(x+h) − f(x−h))/2h, does better still; that is what the course's checker uses, in float64.
//
// ## 2. `requires_grad`: where gradients are stored (梯度保存)
//
// d2l's running example is $y = 2\mathbf{x}^\top\mathbf{x}$ with x = [0, 1, 2, 3]. To ask for gradients with respect to x we set `requires_grad`.
// The notes say that this reserves a fixed memory area for the gradient when the tensor is created ("为创建的 tensor 对象预留存储梯度的固定内存区域"). Let us look:

var x = torch.arange(4.0f);           // 4.0f: a float32 arange; gradients need a floating-point tensor
x.requires_grad_(true);               // or: torch.arange(4.0f, requires_grad: true)
Console.WriteLine($"x = {ValuesText(x)}, requires_grad = {x.requires_grad}");
Console.WriteLine($"x.grad is null: {x.grad is null}");

// After `requires_grad_(true)`, `x.grad` is still `null` — no gradient memory exists yet. What `requires_grad` does is tell autograd to **record** every operation that uses x, so that a later `backward()` can follow them back.
// The gradient tensor is created by the first backward pass and then accumulated into (section 4). (C# note: `x.grad` has type `Tensor?`; the `!` in `x.grad!` below tells the compiler we know it is set.)
//
// ## 3. `backward()` at a point (反向传播)

x.grad?.zero_();                      // matters only when this cell is re-run: gradients accumulate (section 4)
var y = 2 * x.dot(x);                 // 2 xᵀx = 2·(0 + 1 + 4 + 9) = 28
Console.WriteLine($"y = {y.item<float>()}, y.requires_grad = {y.requires_grad}");
y.backward();
Console.WriteLine($"x.grad      = {ValuesText(x.grad!)}");
Console.WriteLine($"4x          = {ValuesText(4 * x.detach())}");
Console.WriteLine($"x.grad == 4x: {(x.grad! == 4 * x.detach()).all().item<bool>()}");   // == on tensors is element-wise: all() then item<bool>()

// y = 28, and after `y.backward()` the gradient [0, 4, 8, 12] sits in `x.grad`; it equals 4x, the derivative of 2xᵀx by the ‖x‖² rule of notebook 04.
// As the notes stress, backward does not produce the formula 4x: it produces the *numbers* at this particular x. At another point we get other numbers:

var x2 = torch.tensor(new[] { 1f, -1f, 0.5f, 10f }, requires_grad: true);
(2 * x2.dot(x2)).backward();
Console.WriteLine($"at x = {ValuesText(x2.detach())}: x.grad = {ValuesText(x2.grad!)}");

// [4, −4, 2, 40]: again 4x, evaluated at the new point. Autograd only ever evaluates derivatives; the formula is our reading of the numbers.
//
// ### The gradient checker
//
// The helper library's `GradientCheck.Compare(f, x)` runs autograd on f and compares it with a central-difference gradient computed in float64. Given a gradient function as well, `GradientCheck.Compare(f, gradient, x)` checks that function instead: the standard way to test a gradient derived by hand before trusting it (exercise 6 puts it to work).

var check = GradientCheck.Compare(v => 2 * v.dot(v), torch.arange(4.0f));
Console.WriteLine($"autograd  : {ValuesText(check.Autograd)}");
Console.WriteLine($"numerical : {ValuesText(check.Numerical)}");
Console.WriteLine(check);

// The two agree to a relative error of about 10⁻¹⁰. Note that autograd ran in x's own dtype (float32), while the checker's finite difference ran in float64 with h = 10⁻⁶ — safely on the float64 curve of section 1.
//
// ## 4. Gradients accumulate (梯度累积)
//
// Calling backward again **adds** to `x.grad` instead of overwriting it. d2l next computes y = x.sum(), whose gradient is a vector of ones. Without zeroing first:

x.grad!.zero_(); (2 * x.dot(x)).backward();   // x.grad = 4x, as after section 3 (so the cell can be re-run)
var ySum = x.sum();
ySum.backward();
Console.WriteLine($"without zeroing: x.grad = {ValuesText(x.grad!)}   (old 4x plus ones)");

x.grad!.zero_();                      // reset, as d2l does with x.grad.zero_()
x.sum().backward();
Console.WriteLine($"after zero_():   x.grad = {ValuesText(x.grad!)}");

// Without zeroing we got [1, 5, 9, 13] = 4x + 1, the sum of both gradients; after `x.grad.zero_()` the gradient of x.sum() is [1, 1, 1, 1] as it should be.
// Accumulation is deliberate (it lets several losses or minibatches contribute to one gradient), so a training loop zeroes gradients at every step — `optimizer.zero_grad()` later in the course.
//
// ## 5. Backward for non-scalar outputs (非标量反向传播)
//
// If y is a vector, `y.backward()` refuses: the gradient of a vector with respect to a vector is a matrix (the Jacobian), and backward only computes a gradient vector for a scalar output.

x.grad!.zero_();
var yVec = x * x;                     // a vector of 4 elements
try
{
    yVec.backward();
}
catch (Exception e)
{
    Console.WriteLine($"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
}

// The notes' fix is to sum first. Summing is the same as passing a vector of ones as the "gradient argument" (`grad_tensors`, PyTorch's `gradient=`): backward computes vᵀJ, the gradient of the scalar vᵀy, and v = 1 gives the gradient of y.sum().

x.grad!.zero_();
yVec = x * x;                         // a fresh graph each time, so this cell can be re-run
yVec.sum().backward(retain_graph: true);
Console.WriteLine($"y.sum().backward():               x.grad = {ValuesText(x.grad!)}");

x.grad!.zero_();
yVec.backward([torch.ones_like(yVec)], retain_graph: true);
Console.WriteLine($"y.backward(ones):                 x.grad = {ValuesText(x.grad!)}");

x.grad!.zero_();
var weights = torch.tensor(new[] { 1f, 0f, 0f, 10f });
yVec.backward([weights]);
Console.WriteLine($"y.backward([1, 0, 0, 10]):        x.grad = {ValuesText(x.grad!)}   (= v ⊙ 2x)");

// `sum()` and a vector of ones both give [0, 2, 4, 6] = 2x, the element-wise derivative of x²; other weights v give v ⊙ 2x, here [0, 0, 0, 60].
// In deep learning the loss is almost always a scalar already (an average over a minibatch), so this mostly matters when we want per-element derivatives like these.
// (C#: `backward([tensor], retain_graph: true)` — the collection expression makes the list of gradient tensors; `retain_graph` keeps the recorded graph for another backward pass on the same y.)
//
// ## 6. Detaching computation (分离计算)
//
// `detach()` returns a tensor with the same values that autograd treats as a constant: gradients do not flow back through it. d2l's example: u = detach(x·x), z = u·x.

x.grad!.zero_();
var yD = x * x;
var u = yD.detach();
var z = u * x;
z.sum().backward();
Console.WriteLine($"x.grad = {ValuesText(x.grad!)}   u = {ValuesText(u)}   equal: {(x.grad! == u).all().item<bool>()}");

x.grad!.zero_();
yD.sum().backward();
Console.WriteLine($"the graph of y itself is intact: x.grad = {ValuesText(x.grad!)} = 2x");

// With u detached, z = u·x has derivative u (not 3x², as it would if u still depended on x). The graph that computed y is untouched: its gradient is still 2x.
//
// ## 7. Gradients through C# control flow
//
// Autograd records the operations that actually ran, so it works through loops and branches whose path depends on the data — here C#'s own `while` and `if`. d2l's function:

Tensor G(Tensor a)
{
    var b = a * 2;
    while (b.norm().item<float>() < 1000)   // C#: a condition must be a bool, so read the number with item<T>()
        b = b * 2;
    Tensor c;
    if (b.sum().item<float>() > 0)
        c = b;
    else
        c = 100 * b;
    return c;
}

torch.manual_seed(5);
var a = torch.randn(Array.Empty<long>(), requires_grad: true);   // a scalar (shape ())
var d = G(a);
d.backward();
Console.WriteLine($"a = {a.item<float>()},  d = {d.item<float>()}");
Console.WriteLine($"a.grad = {a.grad!.item<float>()},  d / a = {(d / a).item<float>()},  equal: {a.grad!.allclose(d / a)}");

// Here a ≈ −0.487 is negative, so the else branch ran and d = 100 · 2¹² · a: autograd's 409,600 equals d/a. Whatever path the loop takes, d is a multiple k·a of a (k a power of two, possibly times 100), so the derivative is k = d/a; autograd gets exactly that, because it differentiated the operations that ran, not a formula.
// (C#: in Python, `while b.norm() < 1000` converts a one-element tensor to bool implicitly; in C# a tensor comparison is a tensor, so we compare the number `item<float>()` instead.)
//
// ## 8. Gradient descent (梯度下降)
//
// The notes describe gradient descent as finding, at a point, the direction of steepest descent, "偏导数最大的方向的反方向" — "the opposite of the direction in which the partial derivative is largest". That is loose:
// read as "the direction in which the rate of change is largest" it is right, but a partial derivative is the rate along one coordinate axis, and the direction of steepest descent is the **negative gradient** −∇f, which combines *all* partial derivatives, not the axis with the largest one.
// The slope along a unit direction u is the directional derivative ∇f · u. We use the bowl of notebook 04, $f(\mathbf{x}) = x_1^2 + 2x_2^2 + x_1x_2$, at (1, 1), where ∇f = (3, 5):

Tensor Bowl(Tensor p) => p[0].pow(2) + 2 * p[1].pow(2) + p[0] * p[1];

var p = torch.tensor(new[] { 1.0, 1.0 }, requires_grad: true);
Bowl(p).backward();
var grad = p.grad!.clone();
var alongNegGradient = -grad / grad.norm();
var alongNegX2 = torch.tensor(new[] { 0.0, -1.0 });                 // against the largest partial derivative only
Console.WriteLine($"∇f(1, 1) = {ValuesText(grad)}");
Console.WriteLine($"slope along −∇f/‖∇f‖ : {grad.dot(alongNegGradient).item<double>():F4}");
Console.WriteLine($"slope along −e2      : {grad.dot(alongNegX2).item<double>():F4}");
using (torch.no_grad())
{
    double f0 = Bowl(p).item<double>(), step = 0.01;
    Console.WriteLine($"f after a step of 0.01: along −∇f/‖∇f‖ {Bowl(p + step * alongNegGradient).item<double>() - f0:F5}, along −e2 {Bowl(p + step * alongNegX2).item<double>() - f0:F5}");
}

// Along the negative gradient f falls at rate 5.8310 (= ‖∇f‖ = √34); along −e₂, the opposite of the largest partial derivative, only at rate 5. A small step confirms it: f drops more along −∇f.
//
// Gradient descent repeats x ← x − η ∇f(x), with a learning rate (学习率) η. One step: autograd gives the gradient, the update runs under `no_grad()` (it must not be recorded), and the gradient is zeroed for the next step.
// We start at (−1.5, 1.5) and try three learning rates: too small, good and too large. (C#: one `torch.NewDisposeScope()` per step frees that step's temporary tensors.)

// In this program the block's x2 is x2_2: cell 18 declares x2 for the whole program.
List<(double X1, double X2)> Descend(double lr, int steps = 20)
{
    var w = torch.tensor(new[] { -1.5, 1.5 }, requires_grad: true);
    var path = new List<(double, double)> { (-1.5, 1.5) };
    for (int i = 0; i < steps; i++)
    {
        using var scope = torch.NewDisposeScope();
        Bowl(w).backward();
        using (torch.no_grad())
            w.sub_(lr * w.grad!);             // x ← x − η ∇f(x), in place, not recorded
        w.grad!.zero_();
        path.Add((w[0].item<double>(), w[1].item<double>()));
    }
    return path;
}

var rates = new[] { (Lr: 0.02, Name: "η = 0.02 (too small)", Color: "orange"), (Lr: 0.2, Name: "η = 0.2 (good)", Color: "lime"), (Lr: 0.47, Name: "η = 0.47 (too large)", Color: "red") };
var paths = rates.Select(r => Descend(r.Lr)).ToArray();
for (int i = 0; i < rates.Length; i++)
{
    var (x1, x2_2) = paths[i][^1];
    Console.WriteLine($"{rates[i].Name,-22} after 20 steps: x = ({x1,8:F4}, {x2_2,8:F4}),  f(x) = {x1 * x1 + 2 * x2_2 * x2_2 + x1 * x2_2:G4}");
}
var grid = Enumerable.Range(0, 71).Select(i => -3.5 + 0.1 * i).ToArray();
display(Contours.Plot((a1, a2) => a1 * a1 + 2 * a2 * a2 + a1 * a2, grid, grid,
    rates.Select((r, i) => Contours.Path(paths[i], r.Name, r.Color)).Reverse(),   // the shortest first step is drawn last, on top
    title: "Gradient descent on x1² + 2x2² + x1x2 from (−1.5, 1.5), 20 steps"));

// The start has f = 4.5. With η = 0.02 the path creeps: after 20 steps it is still at (−0.90, 0.51) with f = 0.875. With η = 0.2 it reaches the minimum at (0, 0) (f ≈ 7·10⁻⁷).
// With η = 0.47 every step overshoots across the valley, the path zig-zags outwards and f *grows* to about 25.9. For this bowl, any η above 2/λ_max = 2/(3 + √2) ≈ 0.453 diverges, where λ_max is the largest eigenvalue of the Hessian [[2, 1], [1, 4]].
//
// ### Why not train with numerical gradients?
//
// The checker above needs two evaluations of f for **every** element of x. For d2l's multilayer perceptron on Fashion-MNIST (784 inputs, 256 hidden units, 10 outputs) that is:

long parameters = 784 * 256 + 256 + 256 * 10 + 10;
Console.WriteLine($"{parameters:N0} parameters → {2 * parameters:N0} forward passes per numerical gradient; one backward pass for autograd");

// 203,530 parameters would need 407,060 forward passes per step numerically, against one forward and one backward pass with autograd — on top of the limited precision measured in section 1.
// That is the notes' conclusion: numerical differentiation is for checking gradients.

// ## Summary
//
// - Symbolic differentiation manipulates formulas; numerical differentiation is limited by truncation error (large h) and round-off error (small h): with float32 the best forward difference of 3x² − 4x is off by about 3·10⁻⁴, and h = 2⁻³² gives exactly 0 because 1 + 2⁻³² rounds to 1. float32's machine epsilon is 2⁻²³, its smallest normal number 2⁻¹²⁶.
// - Automatic differentiation records the operations that ran and applies the chain rule backwards: exact to float precision, for any program.
// - `requires_grad` switches on recording; `x.grad` is `null` until the first `backward()`, which evaluates the gradient at the current point (2xᵀx → 4x).
// - Gradients accumulate: zero them (`x.grad.zero_()`) between backward passes.
// - For a non-scalar y, backward needs y.sum() — equivalently a vector of ones as the gradient argument; `detach()` turns a value into a constant for autograd.
// - Gradient descent steps along −∇f (not against the single largest partial derivative); the learning rate decides between crawling, converging and diverging.
// - `GradientCheck.Numerical` / `GradientCheck.Compare` check a gradient (autograd's, or a hand-written one) against a float64 central difference.
//
// ## Exercises
//
// **Exercise 1.** Machine epsilon is the gap between 1 and the next larger float64. What is the gap between **1000** and the next larger float64? Give it as a `double` (compute it; do not type digits).

double? answer1 = null; // replace null with your answer
display(Exercises.Notebook05.Exercise1(answer1));

// **Exercise 2.** d2l asks: let f(x) = sin x; get df/dx without using that it is cos x. Use autograd at the nine points `Exercises.Notebook05.Exercise2Points()` and give the gradient tensor.
// (Optional: plot sin x and your gradient with `Plots.Plot`.)

Tensor answer2 = null; // replace null with your answer
display(Exercises.Notebook05.Exercise2(answer2));

// **Exercise 3.** Take x = arange(4.0f) with `requires_grad`, and run y = 2xᵀx; y.backward() **twice** (computing y again before the second call), without zeroing. What is `x.grad`? Give the tensor.

Tensor answer3 = null; // replace null with your answer
display(Exercises.Notebook05.Exercise3(answer3));

// **Exercise 4.** d2l asks what happens in the control-flow example when a is a vector. Use `Exercises.Notebook05.Exercise4Input()` (with `requires_grad_(true)`) as a, the function G from section 7, and give `a.grad`.

Tensor answer4 = null; // replace null with your answer
display(Exercises.Notebook05.Exercise4(answer4));

// **Exercise 5 — `y.sum().backward()` when f mixes the elements.** The examples of section 5 were element-wise: yⱼ depended on xⱼ alone.
// Now let A be a 2 × 3 matrix and y = A x for x in ℝ³ (in TorchSharp `A.mv(x)`), so every yᵢ depends on every xⱼ. Which statements are true?
// Answer with the letters of all true ones. (Reason it out from "backward computes vᵀJ" first; then try it with a matrix of your own.)
//
// (a) After `y.sum().backward()`, `x.grad` has 3 entries, one per element of x.
// (b) After `y.sum().backward()`, `x.grad[j]` is $\partial y_j / \partial x_j$.
// (c) After `y.sum().backward()`, `x.grad[j]` is the sum of column j of A: `x.grad` = Aᵀ[1, 1].
// (d) After `y.sum().backward()`, `x.grad` is the 2 × 3 Jacobian A.
// (e) After `y.backward([v])` with v = [1, 0] instead (on a fresh x), `x.grad` is the first row of A.

string answer5 = null; // replace null with your letters, e.g. "ac"
display(Exercises.Notebook05.Exercise5(answer5));

// **Exercise 6 — a gradient check catches a bug.** Before a gradient derived by hand goes into a training loop, it is checked
// numerically. Someone derived the gradient of $f(\mathbf{x}) = \sum_i \sin(x_i^2)$ as cos(x²), element by element, and wrote it down
// as `SinOfSquaresGradient` below. Run the cell: `GradientCheck.Compare(f, gradient, x)` compares that function with the central
// difference at x = [0.5, 1, 1.5] and reports the largest relative error. Look at where the two gradients agree and where they do not,
// find the bug, and give the corrected gradient as a function of x (`x => …`, one partial derivative per element of x), derived by hand: autograd would pass the check without teaching you anything. The checker runs it
// through the same comparison at points of its own.

Tensor SinOfSquares(Tensor x) => x.pow(2).sin().sum();          // f(x) = Σ sin(xᵢ²)
Tensor SinOfSquaresGradient(Tensor x) => x.pow(2).cos();        // the hand-written gradient under test
var x6 = torch.tensor(new[] { 0.5, 1.0, 1.5 });
Console.WriteLine($"hand-written : {ValuesText(SinOfSquaresGradient(x6))}");
Console.WriteLine($"numerical    : {ValuesText(GradientCheck.Numerical(SinOfSquares, x6))}");
Console.WriteLine(GradientCheck.Compare(SinOfSquares, SinOfSquaresGradient, x6));

Func<Tensor, Tensor> answer6 = null; // replace null with your gradient, e.g. x => ...
display(Exercises.Notebook05.Exercise6(answer6));
