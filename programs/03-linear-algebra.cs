// Notebook 03 as a .NET program: notebooks/03-linear-algebra.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/03-linear-algebra.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/03/
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

// # 03 — Linear algebra (线性代数)
//
// This notebook follows the chapter **线性代数** of the notes (d2l-zh §2.3): scalars, vectors, dimension, reduction,
// matrices and their transpose, matrix multiplication, and norms — each idea as a small TorchSharp computation you can rerun.
// Where the notes state a number or a rule, we compute it; in a few places the notes are loose, and we say so with the
// evidence on screen.
//
// In this notebook you will:
// - tell scalars (标量), vectors (向量), matrices (矩阵) and higher-order tensors apart by their number of axes, and keep the
//   two meanings of "dimension" (维度) apart;
// - transpose (转置) a matrix, recognise a symmetric one, and compute element-wise (Hadamard) products;
// - reduce (降维) a tensor by summing or averaging all of it or along one axis, keep the reduced axis (`keepdim`) so that
//   broadcasting works, and take cumulative sums;
// - build dot products, matrix–vector and matrix–matrix products out of row·column dot products, and check them against `mv` and `mm`;
// - read a dot product as the cosine of an angle, and a matrix as a transformation of the plane;
// - compute L1, L2, Lp and Frobenius norms (范数), and see what their unit circles look like.

display(Course.Setup());

// ## Scalars (标量)
//
// A scalar is a single number: the temperature in Shanghai, a learning rate, a loss. As a tensor it has **no axes at all**:
// its shape is empty. Arithmetic on scalars works as you expect (C# has no `**`; a power is `pow`).

var x = torch.tensor(3.0);
var y = torch.tensor(2.0);
display(x + y);
display(x * y);
display(x / y);
display(x.pow(y));

// The four results are 5, 6, 1.5 and 9, each again a scalar. Their header says `dtype float64`, where d2l's
// PyTorch gets float32. Python has one floating-point type, and PyTorch stores a Python `3.0` in its default dtype, float32
// (which is why d2l's output shows no dtype). In C#, `3.0` is a `double`, so `torch.tensor(3.0)` makes a float64 tensor; the
// `float` literal `3.0f` gives float32, as in d2l:

Console.WriteLine($"torch.tensor(3.0):  {torch.tensor(3.0).dtype}");
Console.WriteLine($"torch.tensor(3.0f): {torch.tensor(3.0f).dtype}");

// Either way a scalar. Now the notes' definition, "只有一个元素的张量(0 维)，相当于一个点"
// (a tensor with only one element (0-dimensional), like a point). Let us look at the shape, the number of axes and the
// number of elements of a scalar — and of two other tensors that also hold just one element:

// In this program the block's t is t2: cell 56 declares t for the whole program.
var scalar = torch.tensor(3.0);
var oneElementVector = torch.tensor(new[] { 3.0 });
var oneByOneMatrix = torch.tensor(new[,] { { 3.0 } });
foreach (var (name, t2) in new[] { ("scalar", scalar), ("one-element vector", oneElementVector), ("1×1 matrix", oneByOneMatrix) })
    Console.WriteLine($"{name,-19} shape ({string.Join(", ", t2.shape)})  axes: {t2.dim()}  elements: {t2.numel()}");

// All three hold one element, but only the first has 0 axes: `[3.0]` is a vector of length 1 and `[[3.0]]` a 1×1 matrix.
// So the notes' definition needs one correction: a scalar is the tensor with **no axes** (shape `()`); "one element" follows
// from that, but does not imply it. And "like a point" is true only on the number line: a point in the plane, (3, 4), is a
// vector of two numbers, not a scalar. Reading one value out of a 0-axis tensor is `item<T>()` in C#, with the tensor's own
// type (`double` here):

display(scalar.item<double>());

// ## Vectors (向量)
//
// A vector is a list of scalars, the vector's elements or components; as a tensor it has exactly **one axis**. d2l's
// example is `arange(4)`; we index an element as in Python (the result is again a 0-axis tensor):

var v = torch.arange(4);
display(v);
display(v[3]);

// `v` holds 0, 1, 2, 3 (int64, the default type of `arange` over whole numbers), and `v[3]` is 3.
//
// ## Length, dimension, shape (长度、维度和形状)
//
// The notes define 维度 (dimension) as "张量的轴数量", the number of axes of a tensor. That is one of **two** meanings of the
// word, and d2l warns about mixing them:
// - the *dimension of a vector* is its **length**: `v` lies in ℝ⁴, "a 4-dimensional vector";
// - the *dimensionality of a tensor* is its number of **axes**: `v` is a 1-axis tensor.
//
// In code the two are different calls: the length is `v.shape[0]` (Python's `len(v)`), the number of axes `v.dim()`:

Console.WriteLine($"length (the vector's dimension): {v.shape[0]}");
Console.WriteLine($"shape: ({string.Join(", ", v.shape)})");
Console.WriteLine($"number of axes (the tensor's dimensionality): {v.dim()}");

// So `v` is a 4-dimensional vector and, at the same time, a 1-dimensional tensor. Saying "axis" for the second meaning, as
// d2l does, avoids the clash. The notes' "(0 维)" for a scalar uses the second meaning: 0 axes.
//
// ## Matrices (矩阵)
//
// A matrix has two axes; **A** ∈ ℝ^{m×n} has m rows and n columns — shape (m, n), as the notes write. d2l's example has
// 5 rows and 4 columns:

var A = torch.arange(20, dtype: ScalarType.Float32).reshape(5, 4);
display(A);

// ### Transpose (转置)
//
// The transpose **A**ᵀ swaps rows and columns ("交换矩阵的行和列"): entry (i, j) of **A**ᵀ is entry (j, i) of **A**. In
// TorchSharp it is the property `A.T` (PyTorch's `A.T` as well):

display(A.T);

// The 5×4 matrix became 4×5: the first row of `A.T`, 0 4 8 12 16, is the first column of `A`. A matrix equal to its own
// transpose is **symmetric** (对称矩阵); it must be square:

var S = torch.tensor(new[,] { { 1, 2, 3 }, { 2, 0, 4 }, { 3, 4, 5 } });
display(S.eq(S.T));
Console.WriteLine($"S equals its transpose: {S.eq(S.T).all().item<bool>()}");
Console.WriteLine($"A has shape ({string.Join(", ", A.shape)}), its transpose ({string.Join(", ", A.T.shape)})");

// Every entry of `S.eq(S.T)` is `True` (`eq` is the method form of the element-wise `==` of notebook 01, and
// `.all()` asks whether every entry is true), while a 5×4 matrix cannot even have the shape of its 4×5 transpose.
//
// ## Tensors with more axes (张量)
//
// Vectors generalise scalars and matrices generalise vectors; tensors carry on to any number of axes. An RGB image, for
// example, has three: channels × height × width. d2l's example has shape (2, 3, 4):

var X = torch.arange(24).reshape(2, 3, 4);
display(X);
Console.WriteLine($"axes: {X.dim()}, shape ({string.Join(", ", X.shape)}), elements: {X.numel()}, length along axis 0: {X.shape[0]}");

// Two 3×4 matrices stacked along a first axis: 3 axes and 2·3·4 = 24 elements. Note that the "length" of `X` (`len(X)` in
// Python) is only the size of its **first** axis, 2.
//
// ## Basic properties of tensor arithmetic (张量算法的基本性质)
//
// Element-wise operations keep the shape (chapter 01). For two matrices of the same shape, the element-wise product is the
// **Hadamard product** (哈达玛积), written **A** ⊙ **B** — the notes' ⊙ in chapter 01. In TorchSharp it is `*`:

var B = A.clone();
display(A + B);
display(A * B);

// `A + B` doubles every entry and `A * B` squares every entry (since `B` is a copy of `A`): entry by entry, not a matrix
// product.

// Why `A.clone()` and not simply `var B = A`? In C#, as in Python, assignment copies the **reference**: both names would then
// point to the same tensor, and changing one would change the other. `clone()` allocates new memory with the same values (d2l 2.3.5):

var alias = A;                        // a second name for the same tensor
var copy = A.clone();                 // new memory, same values
alias[0, 0] = torch.tensor(100f);
Console.WriteLine($"after alias[0, 0] = 100:  A[0, 0] = {A[0, 0].item<float>()},  copy[0, 0] = {copy[0, 0].item<float>()}");
Console.WriteLine($"alias is A: {object.ReferenceEquals(alias, A)};  copy is A: {object.ReferenceEquals(copy, A)}");
alias[0, 0] = torch.tensor(0f);       // put A back as it was

// Writing through `alias` changed `A` itself (they are one object), while the clone kept the old value 0. That is why d2l
// writes `B = A.clone()`: later in-place changes to `B` (like `alias[0, 0] = …` here) leave `A` alone. For `A + B` and
// `A * B` themselves it makes no difference — they allocate new tensors and change neither input.
//
// Adding or multiplying by a scalar also acts on every element and keeps the shape:

var a = 2;
display(a + X);
Console.WriteLine($"shape of a * X: ({string.Join(", ", (a * X).shape)})");

// ## Reduction (降维)
//
// The notes list three kinds of sum: to a scalar, along one axis (one axis fewer), and keeping the summed axis with length 1.
// First, the sum of all elements — any tensor becomes a scalar:

var xs = torch.arange(4, dtype: ScalarType.Float32);
display(xs.sum());
display(A.sum());
Console.WriteLine($"shape of A.sum(): ({string.Join(", ", A.sum().shape)})  — no axes left");

// 0+1+2+3 = 6, and 0+1+…+19 = 190, each a 0-axis tensor. Summing **along axis 0** adds the rows together — axis 0
// disappears, the column totals remain; along axis 1 the columns are added, and the row totals remain. (Write `dim: 0` —
// the next cell but one shows why.)

var sumAxis0 = A.sum(dim: 0);
var sumAxis1 = A.sum(dim: 1);
display(sumAxis0);
display(sumAxis1);
Console.WriteLine($"A: ({string.Join(", ", A.shape)}) → sum over axis 0: ({string.Join(", ", sumAxis0.shape)}), over axis 1: ({string.Join(", ", sumAxis1.shape)})");
Console.WriteLine($"sum over both axes equals the total: {A.sum(new long[] { 0, 1 }).item<float>()}");

// Each sum removes exactly the axis it runs along — 5×4 becomes 4 or 5 — and summing over both axes gives 190 again.
//
// **A C# trap.** PyTorch's `A.sum(0)` sums along axis 0. In C#, the literal `0` converts implicitly to *any enum*, so
// `A.sum(0)` picks TorchSharp's overload `sum(ScalarType? type)` with scalar type number 0, `Byte` (uint8). That overload sums
// **everything**, and like PyTorch's `dtype` argument it converts the input to that type *first*: every element becomes a byte
// (a whole number, its fraction cut off), and the bytes are added up in a byte. Three tensors show what that does:

Console.WriteLine($"A.sum(0)        = {A.sum(0).item<byte>()} (dtype {A.sum(0).dtype}, shape {ShapeText(A.sum(0).shape)});  A.sum() = {A.sum().item<float>()}");
Console.WriteLine($"X.sum(0)        = {X.sum(0).item<byte>()};  X.sum() = {X.sum().item<long>()}");
var tenths = A / 10;                    // 0, 0.1, …, 1.9
Console.WriteLine($"(A / 10).sum(0) = {tenths.sum(0).item<byte>()};  (A / 10).sum() = {tenths.sum().item<float>():F1}");
Console.WriteLine($"A / 10 as bytes: {ValuesText(tenths.to_type(ScalarType.Byte).flatten())}");
display(X.sum(dim: 0));

// `A.sum(0)` is the total 190, a uint8 scalar instead of the four column sums: the whole numbers 0 … 19 survive the conversion,
// and so does their total. `X.sum(0)` is 20 where the total is 276: a byte holds at most 2⁸ − 1 = 255, so the sum wrapped
// around, 276 − 2⁸ = 20. And `(A / 10).sum(0)` is 10, not the total 19: the conversion came first and cut 0, 0.1, …, 0.9 down
// to 0 and 1.0, …, 1.9 down to 1, as the bytes show, ten ones in all. (Notebook 06 shows the same trap with a table of
// probabilities, which all become 0.) Only `X.sum(dim: 0)` is the 3×4 sum over the first axis. Any other axis number
// (`sum(1)`) is safe, because only the constant 0 converts to an enum, but naming the argument (`dim: 0`) always is.
//
// The **mean** (平均值) is the sum divided by the number of elements; it too can run over everything or along an axis:

display(A.mean());
display(A.sum() / A.numel());
display(A.mean(new long[] { 0 }));
display(A.sum(dim: 0) / A.shape[0]);

// Both ways give 9.5 for the whole matrix and the column means 8, 9, 10, 11 along axis 0.
//
// ### Sums that keep the axis (非降维求和)
//
// The notes' third kind: with `keepdim: true` the summed axis stays, with length 1, "即使只剩一个元素":

var sumA = A.sum(1, keepdim: true);
display(sumA);
Console.WriteLine($"shape ({string.Join(", ", sumA.shape)}) instead of ({string.Join(", ", A.sum(1).shape)})");

// Why keep a length-1 axis? Because **broadcasting** (广播) lines shapes up from the right. A 5×4 matrix divided by a 5×1
// column stretches the column across the 4 columns, so each row is divided by its own total — each row of the result sums to 1:

var shares = A / sumA;
display(shares);
display(shares.sum(1));

// Without `keepdim` the row sums have shape (5): aligned from the right, the 5 meets the 4 columns of `A`, and the division
// fails — the libtorch message names the two sizes:

try
{
    var wrong = A / A.sum(1);
}
catch (Exception e)
{
    Console.WriteLine(e.Message.Split('\n')[0]);
}

// The **cumulative sum** along an axis (`cumsum`) keeps every partial total and therefore the shape; the last row is the
// column totals from above:

display(A.cumsum(0));

// ## Dot products (点积)
//
// The dot product of two vectors of the same length is the sum of the products of matching elements,
// **x**ᵀ**y** = Σᵢ xᵢ yᵢ (chapter 01 of the notes). `torch.dot` computes it; so does a Hadamard product followed by a sum:

var xv = torch.arange(4, dtype: ScalarType.Float32);
var yv = torch.ones(4, dtype: ScalarType.Float32);
display(torch.dot(xv, yv));
display((xv * yv).sum());

// Both give 6 = 0·1 + 1·1 + 2·1 + 3·1. With non-negative weights that sum to 1 a dot product is a weighted average — the idea behind
// a linear model's prediction.

// d2l also reads the dot product geometrically: $\mathbf{x}^\top\mathbf{y} = \|\mathbf{x}\|\,\|\mathbf{y}\|\cos\theta$, where θ is
// the angle between the two vectors and $\|\mathbf{x}\| = \sqrt{\mathbf{x}^\top\mathbf{x}}$ is a vector's length (the L2 norm of the
// section on norms below). Divided by both lengths, the dot product **is** the cosine of the angle:

double Cosine(Tensor p, Tensor q) => (torch.dot(p, q) / (torch.dot(p, p).sqrt() * torch.dot(q, q).sqrt())).item<double>();
var east = torch.tensor(new[] { 1.0, 0.0 });
foreach (var (name, q) in new[] { ("(1, 1)", torch.tensor(new[] { 1.0, 1.0 })), ("(0, 3)", torch.tensor(new[] { 0.0, 3.0 })),
                                  ("(-2, 0)", torch.tensor(new[] { -2.0, 0.0 })), ("(5, 0)", torch.tensor(new[] { 5.0, 0.0 })) })
{
    double c = Cosine(east, q);
    Console.WriteLine($"(1, 0) and {name,-8}: cos θ = {c,7:F4}, θ = {Math.Acos(c) * 180 / Math.PI,5:F1}°");
}

// (1, 0) and (1, 1) meet at 45° (cos θ = 0.7071), (0, 3) is perpendicular (cos θ = 0: their dot product is 0), (−2, 0) points the
// opposite way (−1), and (5, 0) the same way (1) whatever its length: the cosine measures direction only. This "cosine similarity" is
// how d2l's later chapters (beyond this course) compare word vectors.

// ## Matrix–vector products (矩阵-向量积)
//
// The notes describe matrix multiplication as "每行向量和列向量的“点积”": **A** times a column vector **x** is the vector of dot
// products of each row of **A** with **x**. With **A** 5×4 and **x** of length 4 we build that from scratch and compare it with
// `torch.mv`, the matrix–vector product, as d2l does. (PyTorch code also writes `A @ x` or `torch.matmul(A, x)`. C# has no
// `@`, and TorchSharp's `matmul`, which exists and broadcasts as PyTorch's does, ends the kernel on a shape mistake, as
// notebook 01 explained; `mv` and `mm` give the same products and report a mistake as an exception.)

var rowsDotX = torch.stack(Enumerable.Range(0, (int)A.shape[0]).Select(i => torch.dot(A[i], xv)).ToArray());
display(rowsDotX);
display(torch.mv(A, xv));
Console.WriteLine($"row·column dot products equal mv: {torch.allclose(rowsDotX, torch.mv(A, xv))}");

// Five rows, five dot products: **Ax** is a vector of length 5. Each row `A[i]` (PyTorch `A[i]` or `A[i, :]`) has 4 entries,
// and that is why **x** must have length 4.

// d2l's second view of **Ax**: a matrix $\mathbf{A} \in \mathbb{R}^{m \times n}$ is a **transformation** that maps vectors of
// $\mathbb{R}^n$ to vectors of $\mathbb{R}^m$. A 2 × 2 matrix moves the points of the plane: a diagonal matrix stretches the axes, a
// rotation matrix turns them. Applied to every point of the unit circle (the points as the columns of one 2 × 73 matrix):

double angle = Math.PI / 6;                                                        // 30°
var turn = torch.tensor(new double[,] { { Math.Cos(angle), -Math.Sin(angle) }, { Math.Sin(angle), Math.Cos(angle) } });
var stretch = torch.tensor(new double[,] { { 2, 0 }, { 0, 0.5 } });
Console.WriteLine($"stretch · (1, 1) = {ValuesText(torch.mv(stretch, torch.tensor(new[] { 1.0, 1.0 })))}");
Console.WriteLine($"turn · (1, 0)    = {ValuesText(torch.mv(turn, torch.tensor(new[] { 1.0, 0.0 })))}  (cos 30°, sin 30°)");
var t = torch.linspace(0, 2 * Math.PI, 73, dtype: ScalarType.Float64);
var circlePoints = torch.stack(new[] { t.cos(), t.sin() });                         // 2 × 73, one point per column
var pictures = new (string Name, Tensor Points)[]
{
    ("unit circle", circlePoints),
    ("stretch · x", stretch.mm(circlePoints)),
    ("turn · stretch · x", turn.mm(stretch).mm(circlePoints)),
};
display(Plots.Curves(pictures.Select(pic => new Curve(pic.Name, Plots.ToArray(pic.Points[0]), Plots.ToArray(pic.Points[1]))),
    title: "a matrix turns and stretches the unit circle", xLabel: "x₁", yLabel: "x₂", xRange: (-2.2, 2.2), yRange: (-2.2, 2.2), equalScale: true, width: 560, height: 520));

// The stretch turns (1, 1) into (2, 0.5) and the circle into an ellipse twice as wide and half as tall; the rotation then turns
// that ellipse by 30°, and sends (1, 0) to (cos 30°, sin 30°) ≈ (0.866, 0.5). The product `turn.mm(stretch)` is one matrix that does
// both in one step: matrix–matrix multiplication, next, composes transformations.

// ## Matrix–matrix multiplication (矩阵-矩阵乘法)
//
// The notes: see the second matrix as a row of column vectors; multiply the first matrix with each column, then concatenate
// ("连结") the resulting columns. Entry (i, j) of **C** = **AB** is the dot product of row i of **A** with column j of **B**.
// Both readings, from scratch, for **A** 5×4 and **B** 4×3 (all ones):

var Bm = torch.ones(4, 3, dtype: ScalarType.Float32);

// Reading 1 (the notes): A times each column of B, the columns concatenated side by side.
var byColumns = torch.stack(Enumerable.Range(0, (int)Bm.shape[1]).Select(j => torch.mv(A, Bm[.., j])).ToArray(), dim: 1);

// Reading 2: every entry is one row·column dot product.
var byEntries = torch.zeros(A.shape[0], Bm.shape[1]);
for (int i = 0; i < A.shape[0]; i++)
    for (int j = 0; j < Bm.shape[1]; j++)
        byEntries[i, j] = torch.dot(A[i], Bm[.., j]);

display(byColumns);
Console.WriteLine($"both readings equal mm: {torch.allclose(byColumns, torch.mm(A, Bm)) && torch.allclose(byEntries, torch.mm(A, Bm))}");

// The result is 5×3; every column is **Ax** with **x** all ones, i.e. the row sums 6, 22, 38, 54, 70. In C#, `Bm[.., j]` is
// PyTorch's `B[:, j]`. (A from-scratch loop is for understanding; `mm` does the same arithmetic in one call, in libtorch's
// optimized native code.)
//
// The shape rule follows from the row·column picture, as the notes say: a row of **A** has as many entries as **A** has
// columns, a column of **B** as many as **B** has rows, and a dot product needs equal lengths. (m×n)·(n×p) → m×p. Multiplying
// the 5×4 **A** by itself breaks the rule:

Console.WriteLine($"(5×4)·(4×3) → ({string.Join("×", torch.mm(A, Bm).shape)})");
try
{
    torch.mm(A, A);
}
catch (Exception e)
{
    Console.WriteLine(e.Message.Split('\n')[0]);
}

// libtorch refuses: the inner sizes, 4 (columns of the first) and 5 (rows of the second), differ. **AᵀA** (4×5 · 5×4 = 4×4)
// or **AAᵀ** (5×5) would be fine.
//
// ## Norms (范数)
//
// A norm measures how big a vector is ("表示向量的大小"): it maps a vector to a non-negative number such that
// scaling the vector scales the norm (‖αx‖ = |α|‖x‖), the norm of a sum is at most the sum of the norms (the triangle
// inequality, ‖x + y‖ ≤ ‖x‖ + ‖y‖), and only the zero vector has norm 0.
//
// The **L2 norm** is the square root of the sum of squares. For **u** = (3, −4) it is the length of the arrow from the origin:

var u = torch.tensor(new[] { 3.0, -4.0 });
display(u.pow(2).sum().sqrt());     // from the formula
display(torch.linalg.norm(u));      // the library's L2 norm

// 5: the hypotenuse of a right triangle with legs 3 and 4. The notes compare L2 to "三角不等式求边长和" (summing side lengths
// with the triangle inequality); the exact picture is the **Pythagorean theorem** (勾股定理), √(3² + 4²) = 5. The triangle
// inequality is a different thing — a property every norm has. Here it is for L2 with two seeded random vectors, and for the
// legs of our triangle, where the way along the legs (3 + 4 = 7) is longer than the hypotenuse (5):

torch.manual_seed(1);
var p1 = torch.randn(5, dtype: ScalarType.Float64);
var p2 = torch.randn(5, dtype: ScalarType.Float64);
Console.WriteLine($"‖p1 + p2‖ = {torch.linalg.norm(p1 + p2).item<double>():F4} ≤ ‖p1‖ + ‖p2‖ = {(torch.linalg.norm(p1) + torch.linalg.norm(p2)).item<double>():F4}");
var leg1 = torch.tensor(new[] { 3.0, 0.0 });
var leg2 = torch.tensor(new[] { 0.0, -4.0 });
Console.WriteLine($"‖leg1 + leg2‖ = {torch.linalg.norm(leg1 + leg2).item<double>()} ≤ ‖leg1‖ + ‖leg2‖ = {(torch.linalg.norm(leg1) + torch.linalg.norm(leg2)).item<double>()}");

// The **L1 norm** is the sum of absolute values ("元素绝对值之和") — the distance walked along the axes, like a taxi in a grid
// of streets:

display(u.abs().sum());

// 3 + 4 = 7. Both are cases of the **Lp norm**, ‖x‖ₚ = (Σ |xᵢ|ᵖ)^{1/p}. We write it from the notes' formula and compare it with
// `torch.linalg.vector_norm(u, p)` for several p; p = ∞ is the limit, the largest absolute value:

double Lp(Tensor t, double p) => t.abs().pow(p).sum().pow(1.0 / p).item<double>();
foreach (var p in new[] { 1.0, 1.5, 2.0, 3.0, 4.0, 10.0, 50.0 })
    Console.WriteLine($"p = {p,4}: formula {Lp(u, p):F6}   vector_norm {torch.linalg.vector_norm(u, p).item<double>():F6}");
Console.WriteLine($"p = ∞   : max |uᵢ| {u.abs().max().item<double>():F6}   vector_norm {torch.linalg.vector_norm(u, double.PositiveInfinity).item<double>():F6}");

// The formula and the library agree for every p. As p grows, ‖u‖ₚ falls from 7 (L1) through 5 (L2) towards 4, the L∞ norm:
// the larger p, the more the biggest component dominates. The same on a curve:

var ps = Enumerable.Range(0, 60).Select(k => 1.0 + k * 0.25).ToArray();
display(Plots.Plot(ps, [new Series("‖u‖ₚ for u = (3, −4)", ps.Select(p => Lp(u, p)).ToArray()),
                new Series("L∞ = 4", ps.Select(_ => 4.0).ToArray())],
           xLabel: "p", yLabel: "norm"));

// ### Unit circles: what "size 1" means for each p
//
// The unit circle of a norm is the set of vectors with norm 1. We walk around the plane in 720 directions and rescale each
// direction to norm 1: L2 gives the round circle, L1 a diamond, L∞ a square. We add p = 4 (between the circle and the square)
// and p = 0.5, which is pinched inwards:

var angles = torch.linspace(0, 2 * Math.PI, 721, dtype: ScalarType.Float64);
var directions = torch.stack(new[] { angles.cos(), angles.sin() }, dim: 1);   // 721 × 2
var circles = new List<Curve>();
foreach (var (label, p) in new[] { ("p = 0.5", 0.5), ("p = 1", 1.0), ("p = 2", 2.0), ("p = 4", 4.0), ("p = ∞", double.PositiveInfinity) })
{
    var onCircle = directions / torch.linalg.vector_norm(directions, p, dims: new long[] { 1 }, keepdim: true);  // keepdim again
    circles.Add(new Curve(label, Plots.ToArray(onCircle[.., 0]), Plots.ToArray(onCircle[.., 1])));
}
display(Plots.Curves(circles, xLabel: "x₁", yLabel: "x₂", title: "vectors of norm 1",
    xRange: (-1.5, 1.5), yRange: (-1.5, 1.5), equalScale: true, width: 560, height: 520));   // one unit as long on both axes: circles look round

// The curves are nested: a larger p gives a larger unit "circle", up to the L∞ square. The p = 0.5 curve is not convex,
// and that is the sign that it is **not a norm**: the triangle inequality fails. The two unit vectors (1, 0) and (0, 1) each
// have "size" 1 for p = 0.5, but their sum gets size 4 > 1 + 1:

var e1 = torch.tensor(new[] { 1.0, 0.0 });
var e2 = torch.tensor(new[] { 0.0, 1.0 });
foreach (var p in new[] { 0.5, 1.0, 2.0 })
    Console.WriteLine($"p = {p}: ‖e1 + e2‖ = {Lp(e1 + e2, p):F4}   ‖e1‖ + ‖e2‖ = {Lp(e1, p) + Lp(e2, p):F4}");

// So the notes' Lp formula is a norm for p ≥ 1 only; for p < 1 it is still a useful measure of sparsity, but not a norm.
//
// ### L1 versus L2 on the notes' example
//
// In the regularization chapter (正则化) the notes compare L1 and L2 on the weights [0.1, 0.01, 3]: "L1 范数平方为 3.11，
// L2 范数平方为 9.010001", to argue that squaring magnifies the large weight 3. We compute both, in float64:

var w = torch.tensor(new[] { 0.1, 0.01, 3.0 }, dtype: ScalarType.Float64);
var l1 = w.abs().sum().item<double>();
var l2 = torch.linalg.norm(w).item<double>();
Console.WriteLine($"L1 norm          = {l1:R}");
Console.WriteLine($"L1 norm squared  = {l1 * l1:R}");
Console.WriteLine($"L2 norm          = {l2:R}");
Console.WriteLine($"L2 norm squared  = {w.pow(2).sum().item<double>():R}");
Console.WriteLine($"0.1² + 0.001² + 3² = {0.1 * 0.1 + 0.001 * 0.001 + 3.0 * 3.0:R}");

// Two small slips, easy to make by hand:
// - 3.11 is the **L1 norm itself**, not its square; the square would be 9.6721.
// - The squared L2 norm is 0.01 + 0.0001 + 9 = **9.0101**, not 9.010001. The notes' value is what we get if the middle weight
//   were 0.001: its square is 0.000001, while 0.01² = 0.0001.
//
// (The tail in 9.672099999999999 is binary rounding: 0.1 and 0.01 have no exact binary form, and C#'s `R` format prints every
// digit the double holds. Rounded to 10 significant digits it is 9.6721.)
//
// The argument itself stands. Squaring makes the big weight dominate the penalty — the share of the weight 3 is:

Console.WriteLine($"share of the weight 3 in the L1 penalty:  {3 / l1:P2}");
Console.WriteLine($"share of 3² in the squared-L2 penalty:    {9 / w.pow(2).sum().item<double>():P2}");

// about 96.5 % of the L1 penalty, but about 99.9 % of the squared L2 penalty: under L2, shrinking the weight 3 pays off most,
// which is the notes' point.
//
// ### Matrix norms: the Frobenius norm (Frobenius 范数)
//
// "矩阵也有类似于向量的范数": the **Frobenius norm** ‖X‖_F is the square root of the sum of the squares of *all* entries — the
// L2 norm of the matrix read as one long vector. d2l's example is a 4×9 matrix of ones: √36 = 6.

var ones49 = torch.ones(4, 9);
display(torch.linalg.norm(ones49));
display(ones49.pow(2).sum().sqrt());
display(torch.linalg.norm(ones49.flatten()));

// All three are 6. In the calculus chapter the notes write "‖x‖_p表示矩阵的 Frobenius 范数和向量的 L2 范数类似" (‖x‖_p, the
// Frobenius norm of a matrix, is like the L2 norm of a vector). That mixes two notations. The Frobenius norm is written ‖X‖_F.
// A subscript p on a *matrix*, ‖X‖ₚ, means in this course, as in most linear-algebra texts and in
// `torch.linalg.matrix_norm(X, p)` (which takes p = 1, 2 or ∞, where this norm has a closed form), the norm **induced** by the vector p-norm: the largest factor by which X can stretch the
// p-norm of a vector. For p = 2 it is the **spectral norm**, for p = 1 the largest column sum of absolute values. Some authors
// write ‖X‖ₚ for another family instead, the **entrywise** p-norm: the vector Lp norm of all the entries laid out as one long
// vector (`torch.linalg.vector_norm(X, p)`), which for p = 2 is the Frobenius norm. When this course means that one, it says
// "the Lp norm of the entries". The two families differ even for the 2×2 identity matrix, which stretches nothing:

var I2 = torch.eye(2, dtype: ScalarType.Float64);
Console.WriteLine($"Frobenius ‖I‖_F                = {torch.linalg.matrix_norm(I2, "fro").item<double>():F6}  (√2)");
Console.WriteLine($"Lp norm of the entries, p = 2  = {torch.linalg.vector_norm(I2, 2).item<double>():F6}");
Console.WriteLine($"Lp norm of the entries, p = 1  = {torch.linalg.vector_norm(I2, 1).item<double>():F6}");
Console.WriteLine($"induced ‖I‖₁ (column sums)     = {torch.linalg.matrix_norm(I2, 1).item<double>():F6}");
Console.WriteLine($"induced ‖I‖₂ (spectral)        = {torch.linalg.matrix_norm(I2, 2).item<double>():F6}");

// The Frobenius norm, √2 ≈ 1.414214, is the entrywise p = 2 norm; the entrywise p = 1 norm is 2 (the two ones added up). Both
// induced norms are 1: the identity leaves every vector as long as it was. So ‖X‖_F is the matrix counterpart of the vector L2
// norm (which is what the notes meant), while ‖X‖ₚ is another number; notebook 04 compares the two families on a matrix that
// does stretch.
//
// ## Summary
//
// - A scalar has 0 axes (shape `()`), a vector 1, a matrix 2; tensors have any number. One element does not make a scalar:
//   `[3.0]` has one axis.
// - "Dimension" means two things: a vector's length (ℝ⁴) and a tensor's number of axes; d2l calls the second "axes".
// - The transpose swaps rows and columns; a symmetric matrix equals its transpose. `*` is the element-wise (Hadamard) product.
//   `B = A` gives a second name for the same tensor; `A.clone()` gives new memory.
// - `sum` and `mean` reduce over all elements or along chosen axes; `keepdim: true` keeps a length-1 axis so that
//   broadcasting lines up; `cumsum` keeps the shape. In C#, write `sum(dim: 0)`: `sum(0)` converts every element to a byte and adds
//   them up in a byte.
// - Dot product = Σ xᵢyᵢ = ‖x‖‖y‖cos θ; **Ax** and **AB** are row·column dot products, which is why (m×n)·(n×p) needs equal
//   inner sizes. A matrix maps vectors to vectors (stretching, turning), and a product of matrices does one map after the other.
// - Norms: L1 = Σ|xᵢ|, L2 = √Σxᵢ² (Pythagoras), Lp for p ≥ 1, L∞ = max|xᵢ|; Frobenius = L2 of all matrix entries. On a
//   matrix, ‖X‖ₚ is the induced norm (‖X‖₂ the spectral norm); the Lp norm of the entries is the other convention.
//   For [0.1, 0.01, 3]: L1 = 3.11, squared L2 = 9.0101.
//
// ## Exercises
//
// Each exercise has a cell where you replace `null` with your answer, and a checker that says ⏳ (not answered yet), ✅ or ❌
// with a hint. The notebook runs top to bottom whether or not you have answered.

// **Exercise 1 (d2l 2.3, exercises 1–3).** Which of these hold for all matrices A and B (of shapes for which both sides are
// defined)? Answer with the letters of all that do.
//
// (a) $(\mathbf{A}^\top)^\top = \mathbf{A}$ (b) $(\mathbf{A} + \mathbf{B})^\top = \mathbf{A}^\top + \mathbf{B}^\top$
// (c) $(\mathbf{A}\mathbf{B})^\top = \mathbf{A}^\top\mathbf{B}^\top$ (d) $\mathbf{A} + \mathbf{A}^\top$ is symmetric for every square A

string answer1 = null; // replace null with your letters, e.g. "ac"
display(Exercises.Notebook03.Exercise1(answer1));

// **Exercise 2 (after d2l 2.3, exercise 7).** For a tensor `X` of shape (2, 3, 4), what are the shapes of `X.sum(dim: 1)`,
// `X.sum(dim: 2)` and `X.sum(new long[] { 0, 2 })`? Work them out first; give each as an array such as `new long[] { 7, 2 }`.

long[] shape1 = null, shape2 = null, shape02 = null; // replace each null with your answer
display(Exercises.Notebook03.Exercise2(shape1, shape2, shape02));

// **Exercise 3.** Frobenius norm from scratch: for the matrix `M` below, compute ‖M‖_F as a `double` using only element-wise
// operations and `sum` (no norm function), then compare with `torch.linalg.norm(M)`.

var M = torch.tensor(new[,] { { 1.0, -2.0, 2.0 }, { 0.0, 4.0, -4.0 } });
double? answer3 = null; // replace null with your answer
display(Exercises.Notebook03.Exercise3(answer3));

// **Exercise 4.** Shapes of products: with **P** of shape (3, 4), **Q** of shape (4, 5) and **r** of length 5, what is the
// shape of **PQr** (i.e. `torch.mv(torch.mm(P, Q), r)`)? Give it as an array such as `new long[] { 7, 2 }`.

long[] answer4 = null; // replace null with your answer
display(Exercises.Notebook03.Exercise4(answer4));
