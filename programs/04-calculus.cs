// Notebook 04 as a .NET program: notebooks/04-calculus.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/04-calculus.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/04/
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

// # 04 — Calculus (微积分)
//
// This notebook follows the chapter **微积分** of the study notes (d2l section 2.4): derivatives (导数) and differentiation (微分),
// partial derivatives (偏导数), the gradient (梯度) and the chain rule (链式法则).
//
// In this notebook you will…
// - compute a derivative as a limit and watch the difference quotient of d2l's f(x) = 3x² − 4x converge to 2 at x = 1;
// - draw a function together with its tangent line (切线);
// - check the differentiation rules (求导法则) numerically, and compute partial derivatives;
// - compute gradients of vector expressions (Ax, xᵀA, xᵀAx, ‖x‖²) by hand and check them with the course's numerical gradient checker (autograd, the exact tool, comes in notebook 05);
// - apply the chain rule to a composed function, by hand and numerically;
// - see a gradient field (梯度场) drawn on a contour plot (等高线图).

display(Course.Setup());

// ## 1. Derivatives and differentiation (导数和微分)
//
// The notes start from the definition of the derivative (导数) as a limit:
//
// $$f'(x) = \lim_{h \rightarrow 0} \frac{f(x+h) - f(x)}{h}.$$
//
// d2l makes this concrete with $f(x) = 3x^2 - 4x$. We write it as an ordinary C# function on `double` first: calculus does not need tensors.

double F(double x) => 3 * x * x - 4 * x;

double DifferenceQuotient(Func<double, double> f, double x, double h) => (f(x + h) - f(x)) / h;

for (double h = 0.1; h >= 1e-5; h /= 10)
    Console.WriteLine($"h = {h,-8:G3}  (f(1 + h) - f(1)) / h = {DifferenceQuotient(F, 1, h):F6}");

// As h shrinks by a factor of 10, the difference quotient goes 2.3, 2.03, 2.003, 2.0003, 2.00003: it converges to **f'(1) = 2**.
// The extra bit is exactly 3h, because (f(1+h) − f(1))/h = (3(1+h)² − 4(1+h) + 1)/h = 2 + 3h. The notes' "derivative as a limit" is precisely this table read downwards.
//
// ### Notation: the differentiation operators (微分运算符)
//
// The notes list the operators d/dx and D: for y = f(x) these all mean the same thing,
//
// $$f'(x) = y' = \frac{dy}{dx} = \frac{df}{dx} = \frac{d}{dx} f(x) = Df(x) = D_x f(x).$$
//
// ### The tangent line (切线)
//
// The derivative is the slope of the tangent line. At x = 1, f(1) = −1 and f'(1) = 2, so the tangent is y = 2(x − 1) − 1 = 2x − 3. d2l plots both.

var xs = Enumerable.Range(0, 61).Select(i => i * 0.05).ToArray();   // 0, 0.05, …, 3
display(Plots.Plot(xs, [new Series("f(x) = 3x² − 4x", xs.Select(F).ToArray()),
                new Series("tangent at x = 1: y = 2x − 3", xs.Select(x => 2 * x - 3).ToArray())],
           xLabel: "x", yLabel: "f(x)", title: "f and its tangent line at x = 1"));

// The straight line touches the parabola at (1, −1) and has the same slope there; away from x = 1 the two separate.
//
// ### Differentiation rules (求导法则)
//
// The notes mention the common derivatives (such as the power rule, 幂律) and the rules for combining them. d2l lists:
//
// | rule | formula |
// |---|---|
// | constant (常数) | DC = 0 |
// | power rule (幂律) | Dxⁿ = n xⁿ⁻¹ |
// | exponential | Deˣ = eˣ |
// | logarithm | D ln x = 1/x |
// | constant multiple (常数相乘) | D[C f] = C Df |
// | sum rule (加法法则) | D[f + g] = Df + Dg |
// | product rule (乘法法则) | D[f g] = f Dg + g Df |
// | quotient rule (除法法则) | D[f / g] = (g Df − f Dg) / g² |
//
// A rule is a claim we can test: compare the rule's formula with a numerical derivative. The forward difference above has an error proportional to h (exactly 3h for this f);
// the **central difference** (f(x+h) − f(x−h)) / 2h is much more accurate (its error shrinks like h²), so we use it for checking.

// In this program the block's byRule is byRule2: cell 20 declares byRule for the whole program.
double Central(Func<double, double> f, double x, double h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);

double x0 = 1.7;
Func<double, double> f1 = x => x * x, g1 = Math.Sin;
var checks = new (string Rule, Func<double, double> Function, double ByRule)[]
{
    ("power rule: D x⁵ = 5x⁴",           x => Math.Pow(x, 5),       5 * Math.Pow(x0, 4)),
    ("exponential: D eˣ = eˣ",           Math.Exp,                  Math.Exp(x0)),
    ("logarithm: D ln x = 1/x",          Math.Log,                  1 / x0),
    ("constant multiple: D 7x² = 7·2x",  x => 7 * f1(x),            7 * 2 * x0),
    ("sum: D (x² + sin x) = 2x + cos x", x => f1(x) + g1(x),        2 * x0 + Math.Cos(x0)),
    ("product: D (x² sin x) = x² cos x + sin x · 2x", x => f1(x) * g1(x), x0 * x0 * Math.Cos(x0) + Math.Sin(x0) * 2 * x0),
    ("quotient: D (x² / sin x) = (sin x · 2x − x² cos x) / sin² x", x => f1(x) / g1(x),
        (Math.Sin(x0) * 2 * x0 - x0 * x0 * Math.Cos(x0)) / Math.Pow(Math.Sin(x0), 2)),
};
Console.WriteLine($"at x = {x0}:");
foreach (var (rule, function, byRule2) in checks)
    Console.WriteLine($"{rule,-60} rule {byRule2,12:F8}   numerical {Central(function, x0),12:F8}   difference {Math.Abs(byRule2 - Central(function, x0)):0.0e+0}");

// Every rule agrees with the numerical derivative at x = 1.7, the largest difference being 3.1·10⁻⁹ (the power rule): the differences in the last column are rounding and the tiny h² error of the central difference, not mistakes in the rules.
//
// ## 2. Partial derivatives (偏导数)
//
// For a function of several variables, a partial derivative differentiates with respect to one variable and treats all the others as constants:
//
// $$\frac{\partial f}{\partial x_i} = \lim_{h \rightarrow 0} \frac{f(x_1, \ldots, x_i+h, \ldots, x_n) - f(x_1, \ldots, x_i, \ldots, x_n)}{h}.$$
//
// As the notes point out, the symbol is ∂ rather than d. Take $f(x_1, x_2) = x_1^2 x_2 + \sin x_2$. Holding $x_2$ fixed gives $\partial f/\partial x_1 = 2x_1x_2$; holding $x_1$ fixed gives $\partial f/\partial x_2 = x_1^2 + \cos x_2$.

double G(double a, double b) => a * a * b + Math.Sin(b);

double p1 = 1.5, p2 = -0.5;
double dG1 = Central(a => G(a, p2), p1);   // x2 frozen at -0.5: a function of x1 only
double dG2 = Central(b => G(p1, b), p2);   // x1 frozen at 1.5: a function of x2 only
Console.WriteLine($"∂f/∂x1 at (1.5, -0.5): numerical {dG1:F8}, by hand 2·x1·x2 = {2 * p1 * p2:F8}");
Console.WriteLine($"∂f/∂x2 at (1.5, -0.5): numerical {dG2:F8}, by hand x1² + cos x2 = {p1 * p1 + Math.Cos(p2):F8}");

// Freezing one argument turns f into a one-variable function, and its ordinary derivative is the partial derivative: −1.5 and 2.25 + cos(−0.5) ≈ 3.1276 both ways.
//
// ## 3. The gradient (梯度)
//
// The gradient (梯度) collects all n partial derivatives into one vector:
//
// $$\nabla_{\mathbf{x}} f(\mathbf{x}) = \bigg[\frac{\partial f(\mathbf{x})}{\partial x_1}, \frac{\partial f(\mathbf{x})}{\partial x_2}, \ldots, \frac{\partial f(\mathbf{x})}{\partial x_n}\bigg]^\top.$$
//
// It has one element per input variable. Each element is the rate at which f rises or falls along one coordinate axis — the notes' "speed along each direction" —
// and together, as one vector, they point in the direction in which f increases fastest (section 5 draws this).
// In this notebook the computer differentiates **numerically**: the helper library's `GradientCheck.Numerical(f, x)` applies the central
// difference of section 1 to every element of x in turn, in float64. It needs nothing but the ability to evaluate f. (The next notebook
// introduces **autograd** (自动微分), which computes the same gradients exactly and far faster, and explains why numerical differences
// are kept for checking; the library's checker is taught there.)
//
// Here is the gradient of $f(\mathbf{x}) = x_1^2 x_2 + \sin x_2$ from section 2, numerically and by hand:

var x = tensor(new[] { 1.5, -0.5 });   // float64, so the check is not limited by float32
Tensor FG(Tensor v) => v[0].pow(2) * v[1] + v[1].sin();

var gradFG = GradientCheck.Numerical(FG, x);
Console.WriteLine($"numerical          : {ValuesText(gradFG)}");
Console.WriteLine($"by hand (section 2): [{2 * 1.5 * -0.5}, {1.5 * 1.5 + Math.Cos(-0.5):F8}]");

// Both give the vector [−1.5, 3.1276…]: the two partial derivatives of section 2, now as the two elements of one gradient vector.
//
// ### Is the gradient a column vector?
//
// The notes say the gradient is a column vector (列向量). In the math, yes: d2l treats vectors as columns, and $\nabla_{\mathbf{x}} f$ has the same shape as $\mathbf{x}$.
// In code, a TorchSharp vector has shape (n,) — neither row nor column — and a gradient always has exactly the shape of `x`:

Console.WriteLine($"x has shape {ShapeText(x.shape)}, its gradient has shape {ShapeText(gradFG.shape)}");
var column = tensor(new[,] { { 1.5 }, { -0.5 } });   // an explicit 2×1 column
Console.WriteLine($"a 2×1 column input gets a 2×1 gradient: shape {ShapeText(GradientCheck.Numerical(v => FG(v.flatten()), column).shape)}");

// ### Rules for gradients of vector expressions
//
// d2l lists four rules for x ∈ ℝⁿ, each with A of the size its expression needs — m×n in the first, n×m in the second, n×n in the third (the notes write the first two):
//
// $$\nabla_{\mathbf{x}} \mathbf{A}\mathbf{x} = \mathbf{A}^\top, \quad \nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A} = \mathbf{A}, \quad \nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A}\mathbf{x} = (\mathbf{A} + \mathbf{A}^\top)\mathbf{x}, \quad \nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = \nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{x} = 2\mathbf{x}.$$
//
// A small correction to the notes first: they write "得到的积的表达式为$\nabla_{\mathbf{x}} \mathbf{A} \mathbf{x}$", describing $\nabla_{\mathbf{x}} \mathbf{A}\mathbf{x}$ as "the expression of the product" of A and x.
// The product is $\mathbf{A}\mathbf{x}$ itself (a vector of length m); $\nabla_{\mathbf{x}} \mathbf{A}\mathbf{x}$ is its **gradient** with respect to x, a matrix.
// Because $\mathbf{A}\mathbf{x}$ has m elements, its "gradient" holds the gradient of each element, one per column: an n×m matrix.
// A gradient belongs to a scalar function, so we take each element $(\mathbf{A}\mathbf{x})_i$ in turn, differentiate it numerically, and stack the n-vector gradients as columns.

torch.manual_seed(4);
var A = torch.randn(3, 4, dtype: ScalarType.Float64);   // m = 3, n = 4
var xv = torch.randn(4, dtype: ScalarType.Float64);

// column i holds the gradient of the scalar (A x)_i with respect to x
Tensor GradientOfEachElement(Func<Tensor, Tensor> vectorFunction, Tensor at)
{
    long m = vectorFunction(at).shape[0];
    var columns = Enumerable.Range(0, (int)m).Select(i => GradientCheck.Numerical(v => vectorFunction(v)[i], at));
    return torch.stack(columns.ToArray(), dim: 1);
}

var gradAx = GradientOfEachElement(v => A.mv(v), xv);
Console.WriteLine($"∇x Ax has shape {ShapeText(gradAx.shape)}; A has shape {ShapeText(A.shape)}");
Console.WriteLine($"max |∇x Ax − Aᵀ| = {(gradAx - A.T).abs().max().item<double>():G3}");

// The 4×3 matrix of numerical gradients equals $\mathbf{A}^\top$ up to rounding (the largest difference is printed above): row i of A is
// the gradient of $(\mathbf{A}\mathbf{x})_i = \sum_j a_{ij}x_j$, and it lands in column i. (C# note: `A.T` is the transpose, PyTorch's `A.T`.)
//
// For $\mathbf{x}^\top\mathbf{A}$ the matrix must have n rows, so we use $\mathbf{B} = \mathbf{A}^\top$ (4×3): $\mathbf{x}^\top\mathbf{B}$ has 3 elements, and element j is $\sum_i x_i b_{ij}$, whose gradient is column j of B.

var B = A.T;   // 4×3, so that xᵀB is defined for x ∈ ℝ⁴
var gradxB = GradientOfEachElement(v => B.T.mv(v), xv);
Console.WriteLine($"∇x xᵀB has shape {ShapeText(gradxB.shape)}; max |∇x xᵀB − B| = {(gradxB - B).abs().max().item<double>():G3}");

// The gradient of $\mathbf{x}^\top\mathbf{B}$ is B itself, up to the same rounding, as the rule says.
//
// The quadratic form $\mathbf{x}^\top\mathbf{A}\mathbf{x}$ needs a square A and is a scalar, so the numerical gradient applies directly.

torch.manual_seed(5);
var S = torch.randn(4, 4, dtype: ScalarType.Float64);   // square, and not symmetric
var quadratic = GradientCheck.Numerical(v => v.dot(S.mv(v)), xv);
var byRule = (S + S.T).mv(xv);
Console.WriteLine($"numerical      : {ValuesText(quadratic)}");
Console.WriteLine($"(S + Sᵀ)x      : {ValuesText(byRule)}");
Console.WriteLine($"2Sx (wrong)    : {ValuesText(2 * S.mv(xv))}");
Console.WriteLine($"max |numerical − (S + Sᵀ)x| = {(quadratic - byRule).abs().max().item<double>():G3}");

// The numerical gradient and the rule $(\mathbf{A} + \mathbf{A}^\top)\mathbf{x}$ agree to about 10⁻¹⁰ (the gap is printed above); here the square matrix is called S, so the rule reads (S + Sᵀ)x.
// The tempting shortcut 2Sx differs in every element (1.0432 vs 1.6926 in the first): it is wrong for this S, which is not symmetric, and as a rule for every x it holds only when $\mathbf{A} = \mathbf{A}^\top$.
//
// Where does that small gap come from? Not from the central difference as a method: for a quadratic it is exact.
// Along a coordinate direction, $f(\mathbf{x} + h\mathbf{e}_i) = f(\mathbf{x}) + h\,\partial f/\partial x_i + h^2 s_{ii}$ with nothing after the h² term,
// so in $f(\mathbf{x} + h\mathbf{e}_i) - f(\mathbf{x} - h\mathbf{e}_i)$ the h² terms cancel and exactly $2h\,\partial f/\partial x_i$ is left, whatever h is.
// What remains is **rounding**: f is computed to about 16 significant digits, and dividing the difference of two nearly equal values by 2h magnifies that rounding by about 1/h.
// The two kinds of error move in opposite directions as h shrinks: the method's own (truncation) error shrinks, rounding grows.
// The forward difference $(f(\mathbf{x} + h\mathbf{e}_i) - f(\mathbf{x}))/h$ shows the first kind next to it: it keeps the h² term, so it is off by exactly $h\,s_{ii}$.

Tensor Quadratic(Tensor v) => v.dot(S.mv(v));
Tensor ForwardDifference(Func<Tensor, Tensor> f, Tensor at, double h)
{
    var steps = torch.eye(at.shape[0], dtype: at.dtype) * h;   // row i is h·eᵢ
    return torch.stack(Enumerable.Range(0, (int)at.shape[0]).Select(i => (f(at + steps[i]) - f(at)) / h).ToArray());
}
double largestDiagonal = S.diag().abs().max().item<double>();
Console.WriteLine("     h   max |central − rule|   max |forward − rule|   h · max |sᵢᵢ|");
foreach (var h in new[] { 1e-2, 1e-4, 1e-6, 1e-8 })
{
    double central = (GradientCheck.Numerical(Quadratic, xv, h) - byRule).abs().max().item<double>();
    double forward = (ForwardDifference(Quadratic, xv, h) - byRule).abs().max().item<double>();
    Console.WriteLine($"{h,6:0E+0}   {central,20:0.0E+0}   {forward,20:0.0E+0}   {h * largestDiagonal,14:0.0E+0}");
}

// Read the table down its columns. The central difference's gap **grows** as h shrinks, roughly a hundredfold each time h
// shrinks a hundredfold: rounding, magnified by 1/h. The method's own error would shrink instead, and the forward difference
// shows that kind: its gap falls with h and equals h·max|sᵢᵢ|, its truncation error, until at the smallest h rounding is as
// large as that and takes over there too. The row h = 1E-6 is the check above (`GradientCheck.Numerical` uses h = 10⁻⁶ unless
// told otherwise): its gap of about 10⁻¹⁰ is rounding alone. For a function that is not quadratic, the central difference
// does have a truncation error, of order h², and h = 10⁻⁶ keeps both kinds small.
//
// ### The gradient of ‖x‖²: a vector, not a sum
//
// The notes write $\|\mathbf{x}\|^2 = x_1^2 + x_2^2 + \cdots + x_n^2$ (right) and then
//
// $$\nabla f(\mathbf{x}) = [2x_1+2x_2+\cdots+2x_n]^\top = 2[x_1,\ldots,x_n]^\top = 2\mathbf{x}.$$
//
// The end result 2x is right, but the middle step is not: $[2x_1+2x_2+\cdots+2x_n]^\top$ is a single number (a sum), while the gradient has one element per variable,
// $\nabla f(\mathbf{x}) = [2x_1, 2x_2, \ldots, 2x_n]^\top$ — commas, not plus signs. The computation shows the difference:

var v = tensor(new[] { 1.0, -2.0, 3.0 });
Console.WriteLine($"‖v‖² = {v.dot(v).item<double>()}");
var gradNorm = GradientCheck.Numerical(w => w.dot(w), v);    // ‖v‖² = 1 + 4 + 9 = 14
Console.WriteLine($"numerical gradient        : {ValuesText(gradNorm)}   (shape {ShapeText(gradNorm.shape)})");
Console.WriteLine($"[2x1, 2x2, 2x3]           : {ValuesText(2 * v)}");
Console.WriteLine($"2x1 + 2x2 + 2x3 (the sum) : {(2 * v).sum().item<double>()}   (one number)");

// The numerical gradient is the vector [2, −4, 6] = 2x, one partial derivative per element. The sum 2 − 4 + 6 = 4 is something else: it is the rate at which f changes as x moves along [1, 1, 1], i.e. the gradient dotted with a vector of ones — one number, not the gradient.
//
// ### Which norm is the Frobenius norm?
//
// The notes also say "$\|\mathbf{x}\|_p$ 表示矩阵的 Frobenius 范数和向量的 L2 范数类似" — that ‖x‖_p denotes the matrix Frobenius norm.
// The subscript is off. On a vector, $\|\mathbf{x}\|_p$ is the **Lp norm**, $(\sum_i |x_i|^p)^{1/p}$, and it changes with p.
// On a matrix, $\|\mathbf{X}\|_p$ is in this course the **induced** norm of notebook 03: the largest factor by which X can stretch the p-norm of a vector (for p = 2 the spectral norm).
// The other convention, which some authors also write $\|\mathbf{X}\|_p$, is the **entrywise** p-norm: the Lp norm of all the entries laid out as one long vector.
// The Frobenius norm is written $\|\mathbf{X}\|_F = \sqrt{\sum_{i,j} x_{ij}^2}$: the entrywise norm for p = 2 (that is the part the notes get right: it is like the vector L2 norm), and in general neither induced norm.
// d2l's rule for matrices is $\nabla_{\mathbf{X}} \|\mathbf{X}\|_F^2 = 2\mathbf{X}$.

var X = tensor(new[,] { { 1.0, -2.0 }, { 3.0, 4.0 } });
Console.WriteLine($"‖X‖_F (torch.linalg.norm)                  = {torch.linalg.norm(X).item<double>():F6}");
foreach (var p in new[] { 1.0, 2.0, 3.0 })
    Console.WriteLine($"Lp norm of the entries, p = {p}             = {X.flatten().abs().pow(p).sum().pow(1 / p).item<double>():F6}");
Console.WriteLine($"induced ‖X‖₁ (largest column sum of |xᵢⱼ|) = {torch.linalg.matrix_norm(X, ord: 1).item<double>():F6}");
Console.WriteLine($"induced ‖X‖₂ (spectral norm)               = {torch.linalg.matrix_norm(X, ord: 2).item<double>():F6}");
var gradFrobenius = GradientCheck.Numerical(M => M.pow(2).sum(), X);   // a gradient with the shape of X
Console.WriteLine($"∇X ‖X‖_F² =\n{ValuesText(gradFrobenius)}\n2X =\n{ValuesText(2 * X)}");

// The Frobenius norm √30 ≈ 5.477226 is the Lp norm of the entries for p = 2; p = 1 and p = 3 give 10 and about 4.641589, so the entrywise family changes with p and only p = 2 is Frobenius.
// The induced norms are other numbers again: ‖X‖₁ = 6, the larger column sum (|−2| + |4| against |1| + |3|), and ‖X‖₂ ≈ 5.116673, the spectral norm. The gradient of $\|\mathbf{X}\|_F^2$ is 2X, the matrix version of the ‖x‖² rule.
//
// ## 4. The chain rule (链式法则)
//
// The chain rule differentiates composed functions (复合函数): if y = f(u) and u = g(x), then
//
// $$\frac{dy}{dx} = \frac{dy}{du}\frac{du}{dx}.$$
//
// Take $y = \sin(u)$ with $u = x^2 + 1$, i.e. $y = \sin(x^2 + 1)$. By hand: $dy/du = \cos u$, $du/dx = 2x$, so $dy/dx = \cos(x^2+1) \cdot 2x$.

double xc = 0.8;
double u = xc * xc + 1;
double dydu = Math.Cos(u), dudx = 2 * xc;
Console.WriteLine($"by hand  : dy/du · du/dx = {dydu:F6} · {dudx:F6} = {dydu * dudx:F8}");
Console.WriteLine($"numerical: {GradientCheck.Numerical(t => (t.pow(2) + 1).sin(), tensor(xc)).item<double>():F8}");
Console.WriteLine($"u = x² + 1 = {u:F2}, π/2 = {Math.PI / 2:F4}");

// Both agree: dy/dx ≈ −0.1106 at x = 0.8. There u = 0.8² + 1 = 1.64, just past π/2 ≈ 1.5708, so cos u is small and negative. The chain rule is exactly what autograd, in the next notebook, does: it records that y was computed from u and u from x,
// and multiplies the local derivatives on the way back. That is backpropagation (反向传播), which the notes mention here and which notebook 12 of the course (forward and backward propagation) treats in full.
//
// With several variables, x can influence y along more than one path, and every path contributes. Here is a two-path example: $y = u_1 u_2$ with $u_1 = x_1 + x_2$ and $u_2 = x_1 x_2$.

var x12 = tensor(new[] { 2.0, 3.0 });
Tensor TwoPaths(Tensor p) { var u1 = p[0] + p[1]; var u2 = p[0] * p[1]; return u1 * u2; }   // u1 = 5, u2 = 6 at (2, 3)
// by hand: ∂y/∂x1 = ∂y/∂u1·∂u1/∂x1 + ∂y/∂u2·∂u2/∂x1 = u2·1 + u1·x2
double byHand1 = 6 * 1 + 5 * 3.0, byHand2 = 6 * 1 + 5 * 2.0;
Console.WriteLine($"numerical: {ValuesText(GradientCheck.Numerical(TwoPaths, x12))}   by hand: [{byHand1}, {byHand2}]");

// Both paths contribute: ∂y/∂x₁ = 6 + 15 = 21 and ∂y/∂x₂ = 6 + 10 = 16, and the numerical gradient finds the same, [21, 16].
//
// ## 5. A gradient field on a contour plot (梯度场与等高线)
//
// For a function of two variables, a contour plot (等高线图) draws the curves where f is constant. The gradient at each point is an arrow
// that is **perpendicular to the contour** through that point and points **uphill**; its length is the steepness.
// Here $f(x_1, x_2) = x_1^2 + 2x_2^2 + x_1 x_2$. The helper library's `Contours.Plot` draws the contours and `Contours.Arrows` the arrows, as short line segments with a dot at their base,
// scaled down so that they fit on the grid.

Tensor Bowl(Tensor p) => p[0].pow(2) + 2 * p[1].pow(2) + p[0] * p[1];

var bx = new List<double>(); var by = new List<double>(); var gx = new List<double>(); var gy = new List<double>();
foreach (var a in Enumerable.Range(0, 9).Select(i => -1.6 + 0.4 * i))
foreach (var b in Enumerable.Range(0, 9).Select(i => -1.6 + 0.4 * i))
{
    var g = GradientCheck.Numerical(Bowl, tensor(new[] { a, b }));   // any gradient tool would do; this one needs no graph
    bx.Add(a); by.Add(b); gx.Add(g[0].item<double>()); gy.Add(g[1].item<double>());
}
var grid = Enumerable.Range(0, 41).Select(i => -2.0 + 0.1 * i).ToArray();
display(Contours.Plot((a, b) => a * a + 2 * b * b + a * b, grid, grid,
    [Contours.Arrows(bx.ToArray(), by.ToArray(), gx.ToArray(), gy.ToArray(), scale: 0.04, name: "∇f (scaled by 0.04)")],
    title: "f(x1, x2) = x1² + 2x2² + x1x2 and its gradient field",
    width: 560, height: 600));   // Contours.Plot gives both axes one scale, so right angles look right

// The arrows grow longer away from the minimum at (0, 0), where the bowl is steeper, and each crosses the contour lines at a right angle, pointing outward (uphill).
// Walking against the arrows, along −∇f, is the fastest way down: that is the idea of gradient descent (梯度下降) in the next notebook.
//
// ## Summary
//
// - A derivative is the limit of the difference quotient; for f(x) = 3x² − 4x at x = 1 the quotient is exactly 2 + 3h and tends to 2.
// - The differentiation rules (power, sum, product, quotient, …) can each be checked against a central difference, whose truncation error is of order h² (and zero for a quadratic, which leaves only rounding, growing as h shrinks).
// - A partial derivative freezes all other variables; the gradient stacks the partial derivatives into a vector of the same shape as x.
// - $\nabla_{\mathbf{x}} \mathbf{A}\mathbf{x} = \mathbf{A}^\top$, $\nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A} = \mathbf{A}$, $\nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A}\mathbf{x} = (\mathbf{A} + \mathbf{A}^\top)\mathbf{x}$ and $\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = 2\mathbf{x}$ — the last one is the vector $[2x_1, \ldots, 2x_n]^\top$, not a sum; the Frobenius norm is $\|\mathbf{X}\|_F$, the L2 norm of all entries, while $\|\mathbf{X}\|_p$ on a matrix is the induced norm.
// - The chain rule multiplies local derivatives along a composition (and sums over paths); autograd (next notebook) applies it mechanically.
// - `GradientCheck.Numerical` from the helper library computes any gradient numerically; notebook 05 explains its precision and uses it to check autograd.
//
// ## Exercises
//
// **Exercise 1.** d2l's first exercise: plot $f(x) = x^3 - \frac{1}{x}$ and its tangent line at x = 1. What is the slope of that tangent, f'(1)?
// Work it out with the rules (a difference quotient is a fine check); give a number.

double? answer1 = null; // replace null with your answer
display(Exercises.Notebook04.Exercise1(answer1));

// **Exercise 2.** Find the gradient of $f(\mathbf{x}) = 3x_1^2 + 5e^{x_2}$ at $\mathbf{x} = [1, 0]$ — by hand, or with `GradientCheck.Numerical` as in section 3. Give it as a tensor.

Tensor answer2 = null; // replace null with your answer
display(Exercises.Notebook04.Exercise2(answer2));

// **Exercise 3.** What is the gradient of the L2 norm itself (not squared), $f(\mathbf{x}) = \|\mathbf{x}\|_2$, at $\mathbf{x} = [3, 4]$? Give it as a tensor.

Tensor answer3 = null; // replace null with your answer
display(Exercises.Notebook04.Exercise3(answer3));

// **Exercise 4.** Use the chain rule to differentiate $y = e^{\sin x}$. Give the derivative as a C# function, e.g. `x => Math.Exp(x)` (that one is wrong); the checker evaluates it at several points.

Func<double, double> answer4 = null; // replace null with your answer
display(Exercises.Notebook04.Exercise4(answer4));

// **Exercise 5 — the multivariable chain rule (after d2l 2.4, exercise 4).** d2l asks for the chain rule when $u = f(x, y, z)$
// and $x = x(a, b)$, $y = y(a, b)$, $z = z(a, b)$. Work it out on a concrete case: $u = xy + z^2$ with $x = a + b$, $y = ab$ and
// $z = a - b$. With the chain rule (find every path from a to u, and from b to u), compute $\partial u/\partial a$ and
// $\partial u/\partial b$ at $(a, b) = (3, 2)$; then check your two numbers numerically, as in section 4.

double? dudA = null, dudB = null; // replace each null with your answer
display(Exercises.Notebook04.Exercise5(dudA, dudB));
