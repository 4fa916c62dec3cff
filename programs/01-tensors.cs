// Notebook 01 as a .NET program: notebooks/01-tensors.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/01-tensors.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/01/
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

// # 01 — Tensors (张量)
//
// This notebook follows the first chapter of the notes, **张量 (tensors)**, which matches section 2.1 of *Dive into Deep Learning*. Every later notebook stores its data, its model parameters and its gradients in tensors, so this is the vocabulary of the whole course.
//
// In this notebook you will be able to:
// - create tensors and read their **shape**, number of elements and **dtype**;
// - apply the operators that **keep the shape** (element-wise arithmetic, `exp`, comparisons and logical operators giving bool tensors);
// - apply the operators that **change the shape** (dot and matrix products, transpose, concatenation, summing, broadcasting) and predict the resulting shape;
// - **index and slice** with half-open ranges — the notes' `[0:2, :]` is `X[0..2, ..]` in C# — and assign through an index;
// - tell an **in-place** operation from one that allocates new memory (C#'s `+=` differs from Python's here);
// - move values between tensors and .NET arrays and scalars.
//
// The code uses [TorchSharp](https://github.com/dotnet/TorchSharp), the .NET binding of the library that powers PyTorch, so the calls look almost like d2l's Python.

// ## Setting up
//
// The first code cell of every notebook is the same. It builds the course's helper library `D2lSharp` if this clone has not built it yet (the `#!import` line; on the first run this takes about ten seconds), loads TorchSharp and Plotly.NET from NuGet, and calls `Course.Setup()`, which
//
// - makes TorchSharp's native library load on Linux systems with an older C++ runtime (Debian 12, Ubuntu 22.04) — elsewhere it changes nothing;
// - lets Plotly.NET charts render inside the notebook;
// - teaches the notebook to display tensors the way numpy and PyTorch print them;
// - seeds TorchSharp's random generator, so every run of this notebook shows the same numbers.
//
// The line it prints says what it did on your machine.

display(Course.Setup());

// ## What a tensor is
//
// A **tensor (张量)** is an array of numbers that may have several **axes**. The notes name the first two cases:
//
// - a tensor with one axis is a **vector (向量)**;
// - a tensor with two axes is a **matrix (矩阵)**;
// - a tensor with more than two axes has no special mathematical name.
//
// `arange(12)` makes a vector of the integers 0 … 11. The notebook shows a tensor's shape and its **dtype** (the type of each element) above its values.

var x = arange(12);
display(x);

// The header says `shape (12,)`: one axis of length 12, and `dtype int64`, because `arange` with integer arguments makes 64-bit integers. `numel()` counts the elements, and `shape` is a plain .NET `long[]`:

Console.WriteLine($"numel = {x.numel()}, shape = [{string.Join(", ", x.shape)}], axes = {x.dim()}");

// `reshape` keeps the 12 elements and their order but arranges them on two axes: 3 rows of 4. It is the same data seen as a matrix; nothing is copied.

var X = x.reshape(3, 4);
display(X);

// The matrix has shape `(3, 4)`: axis 0 runs down the 3 rows, axis 1 across the 4 columns. Passing `-1` for one axis lets TorchSharp work that axis out from the number of elements (12 / 4 = 3):

var X2 = x.reshape(-1, 4);   // -1: "whatever length makes the 12 elements fit"
Console.WriteLine($"x.reshape(-1, 4): shape ({string.Join(", ", X2.shape)}), same values as X: {X2.eq(X).all().item<bool>()}");
Console.WriteLine($"x.reshape(2, -1): shape ({string.Join(", ", x.reshape(2, -1).shape)})");

// Tensors with more axes are made the same way. Here are all-zeros and all-ones tensors with three axes, and a matrix of samples from the standard normal distribution (mean 0, standard deviation 1):

display(zeros(2, 3, 4));
display(ones(2, 3, 4));
manual_seed(0);
display(randn(3, 4));

// A three-axis tensor is shown as two blocks of 3 × 4: the first axis picks the block. The random matrix has dtype `float32`, the default for floating point in deep learning; because the cell seeds the random generator first (`manual_seed(0)`), you see the same numbers every time you run it.
//
// You can also write the values yourself, from a C# array. A rectangular C# array `float[,]` becomes a matrix:

var Y = tensor(new float[,] { { 2, 1, 4, 3 }, { 1, 2, 3, 4 }, { 4, 3, 2, 1 } });
display(Y);

// ## Operators (运算符)
//
// The notes sort operators into two groups: those that **keep the shape** of their inputs and those that **change it**.
//
// ### Operators that keep the shape
//
// The arithmetic operators `+ − * /` work **element-wise (按元素)**: each output element is computed from the elements at the same position. `*` is the element-wise product, written ⊙ in the notes (also called the Hadamard product). C# has no `**` operator, so powers use `pow`.

var a = tensor(new[] { 1.0f, 2, 4, 8 });
var b = tensor(new[] { 2.0f, 2, 2, 2 });
display(a + b);
display(a - b);
display(a * b);
display(a / b);
display(a.pow(b));

// Each result is again a vector of 4 floats: 1 + 2 = 3, 1 − 2 = −1, 1 × 2 = 2, 1 / 2 = 0.5 and 1² = 1 in the first position, and so on. Unary functions such as the exponential also apply to every element:

display(exp(a));

// e¹ ≈ 2.7183, e² ≈ 7.3891, e⁴ ≈ 54.5981 and e⁸ ≈ 2980.9580: four outputs for four inputs, shown with four decimals as PyTorch does.
//
// **Comparisons and logical operators** also keep the shape, and give a tensor of dtype `bool`. In TorchSharp `==`, `<`, `>` compare element by element, like in PyTorch; `&` (and) and `|` (or) combine bool tensors, and `~` (or `logical_not()`) negates one — C#'s `!` does not apply to tensors.

var Xf = arange(12, dtype: float32).reshape(3, 4);
display(Xf == Y);
display(Xf < Y);
display((Xf < Y) & (Xf > 1));

// `Xf == Y` is `True` exactly where the two matrices agree: position (0, 1) holds 1 in both and (0, 3) holds 3 in both. The last result is `True` only at (0, 2), where 2 < 4 and 2 > 1 both hold. These bool tensors are masks: `Xf[Xf > 5]` picks the elements greater than 5.

display(Xf[Xf > 5]);

// The six elements 6 … 11 come out as a flat vector of shape (6,): a mask picks elements, not rows, so the matrix shape is not kept.
//
// ### Operators that change the shape
//
// **Dot product (点积).** For two vectors of the same length, $\mathbf{x}^\top \mathbf{y} = \sum_{i=1}^{d} x_i y_i$ — one number from two vectors:

var u = tensor(new[] { 1.0f, 2, 3 });
var v = tensor(new[] { 4.0f, 5, 6 });
display(u.dot(v));
display((u * v).sum());

// Both give 1·4 + 2·5 + 3·6 = 32, a tensor of shape `()`: zero axes, a single element. The second line shows what the dot product is: an element-wise product followed by a sum.
//
// **Matrix product (矩阵乘法).** `mm` multiplies two matrices: a (3, 4) matrix times a (4, 3) matrix gives (3, 3). **Transpose (转置)** `.T` swaps rows and columns, so `Y.T` has shape (4, 3):

display(Y.T);
display(Xf.mm(Y.T));

// Entry (i, j) of the product is the dot product of row i of `Xf` with column j of `Y.T` (which is row j of `Y`): for (0, 0), 0·2 + 1·1 + 2·4 + 3·3 = 18. The inner lengths must agree (4 and 4); the result takes the outer ones (3 and 3). Notebook 03 builds this product by hand.
//
// **Why `mm` and not `matmul`.** PyTorch code often multiplies with `torch.matmul(X, Y)` or `X @ Y`, one function for every case:
// two vectors, two matrices, a matrix and a vector, and stacks of matrices, broadcast over their leading axes. TorchSharp has `matmul` too
// (C# has no `@` operator), but in TorchSharp 0.107 it has a defect: when the shapes or dtypes do not fit, it does not throw an
// exception, the kernel process aborts. Every variable of your session is lost, and no `try` can catch it. The specific products, `mm`
// (matrix × matrix), `mv` (matrix × vector) and `dot` (vector · vector), compute the same results and report a mistake as an
// ordinary exception; d2l's own linear-algebra section writes `torch.mv` and `torch.mm` as well. This course multiplies with them.
// Here is such a mistake, a (3, 4) matrix times another (3, 4) matrix:

try
{
    Xf.mm(Y);
}
catch (Exception e)
{
    Console.WriteLine(e.Message.Split('\n')[0]);
}

// The message names both shapes: the first matrix has 4 columns but the second has 3 rows, so the inner lengths differ. You
// read it, fix the cell and run it again; `Xf.matmul(Y)` would have ended the session instead.
//
// **Concatenation (连结).** The notes' example: a 3 × 4 and a 3 × 5 matrix joined end to end along the column axis (axis 1) give 3 × 9.

var A34 = arange(12, dtype: float32).reshape(3, 4);
var B35 = ones(3, 5);
display(cat(new[] { A34, B35 }, dim: 1));

// Each row of the result is a row of the first matrix followed by the same row of the second: 4 + 5 = 9 columns. Joining along rows (axis 0) stacks the matrices instead, which needs the same number of **columns**: a 3 × 4 and a 2 × 4 give 5 × 4.

display(cat(new[] { A34, zeros(2, 4) }, dim: 0));

// The 3 × 4 and 3 × 5 matrices cannot be stacked along rows, because their rows have different lengths. TorchSharp says so (its messages come from libtorch and are long; the first line is the useful part):

try
{
    cat(new[] { A34, B35 }, dim: 0);
}
catch (Exception e)
{
    Console.WriteLine(e.Message.Split('\n')[0]);
}

// "Sizes of tensors must match except in dimension 0. Expected size 4 but got size 5": along axis 0 (the one we join on) the lengths may differ, but along every other axis they must match, and on axis 1 the first matrix has 4 columns and the second 5.
//
// **Summing (求和)** all elements reduces any tensor to a single element:

display(Xf.sum());

// 0 + 1 + … + 11 = 66, again a tensor of shape `()`. Notebook 03 sums along one axis at a time.
//
// **Broadcasting (广播).** When two tensors with the same number of axes have different shapes, an axis of length 1 is stretched (conceptually copied) to match the other tensor. A (3, 1) column plus a (1, 2) row gives a (3, 2) matrix:

var col = arange(3).reshape(3, 1);
var row = arange(2).reshape(1, 2);
display(col);
display(row);
display(col + row);

// Entry (i, j) is `col[i] + row[j]`: the column was repeated across 2 columns and the row down 3 rows. Only axes of length 1 stretch (and missing leading axes count as length 1). A length-3 vector and a length-2 vector have no length-1 axis to stretch, so adding them fails:

try
{
    var bad = arange(3) + arange(2);
}
catch (Exception e)
{
    Console.WriteLine(e.Message.Split('\n')[0]);
}

// "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0": axis 0 has lengths 3 and 2, and neither is 1 ("non-singleton"), so there is nothing to broadcast.
//
// ## Indexing and slicing (索引)
//
// Indexing works as in Python lists, with C# syntax. A range is **half-open** (左闭右开): `1..3` means indices 1 and 2, not 3. The notes' `[0:2, :]` — rows 0 and 1, all columns — is `X[0..2, ..]` in C#, where `..` alone means "the whole axis". `^1` counts from the end, like Python's `-1`.

display(Xf[^1]);
display(Xf[1..3]);
display(Xf[0..2, ..]);

// `Xf[^1]` is the last row `[8, 9, 10, 11]`; `Xf[1..3]` is rows 1 and 2; `Xf[0..2, ..]` is rows 0 and 1 with every column — the first and second rows (第 1 行和第 2 行), as the notes say. Columns are selected the same way on axis 1: `Xf[.., 1..3]` is columns 1 and 2.

display(Xf[.., 1..3]);

// **Assignment through an index** writes into the tensor. One element, then a whole block (the value is broadcast over the block):

var W = arange(12, dtype: float32).reshape(3, 4);
W[1, 2] = tensor(9f);
display(W);
W[0..2, ..] = tensor(12f);
display(W);

// First only position (1, 2) changed from 6 to 9; then every element of rows 0 and 1 became 12, while row 2 kept its values.
//
// ## In-place operations and memory (节省内存)
//
// `Y = Y + X` computes a new tensor in new memory and points `Y` at it; the old memory is freed later. With large parameters updated many times per second, allocating fresh memory every time is wasteful, so deep-learning code updates in place. We can see where a tensor's data lives with `storage<T>().data_ptr()`:

var P = ones(3, 4);
var Q = arange(12, dtype: float32).reshape(3, 4);
var before = P.storage<float>().data_ptr();
P = P + Q;
Console.WriteLine($"P = P + Q keeps the memory: {before == P.storage<float>().data_ptr()}");

before = P.storage<float>().data_ptr();
P.add_(Q);
Console.WriteLine($"P.add_(Q) keeps the memory: {before == P.storage<float>().data_ptr()}");

var Z = zeros_like(P);
before = Z.storage<float>().data_ptr();
Z[..] = P + Q;
Console.WriteLine($"Z[..] = P + Q keeps the memory: {before == Z.storage<float>().data_ptr()}");

// `P = P + Q` moved to new memory (`False`); the methods whose names end in `_`, like `add_`, `mul_` and `zero_`, write into the existing memory (`True`); and so does assigning through a full slice `Z[..] = …` (`True`; the right-hand side is still computed into a temporary first).
//
// **A C# difference that bites.** In Python, `X += Y` on a tensor is in place. In C#, `X += Y` is always compiled as `X = X + Y`, so it allocates:

var before2 = P.storage<float>().data_ptr();
P += Q;
Console.WriteLine($"P += Q keeps the memory in C#: {before2 == P.storage<float>().data_ptr()}");

// `False`: use `add_` when you mean in place. A second C# point: tensors hold native memory that .NET's garbage collector does not see, so loops that make many temporaries wrap each step in `using var scope = torch.NewDisposeScope();`, which frees every tensor created in that step when the scope ends. The training loops of later notebooks do this.
//
// ## Conversion to and from .NET objects (转换为其他 .NET 对象)
//
// `data<T>()` gives typed access to a tensor's elements; `ToArray()` copies them into a flat .NET array, and `ToNDArray()` into a rectangular one. Changing the copy does not change the tensor:

var M = arange(6, dtype: float32).reshape(2, 3);
float[] flat = M.data<float>().ToArray();
var grid = (float[,])M.data<float>().ToNDArray();
flat[0] = 100;
Console.WriteLine($"flat = [{string.Join(", ", flat)}], grid[1, 2] = {grid[1, 2]}, M[0, 0] = {M[0, 0].item<float>()}");

// The array changed (`flat[0]` is 100) but the tensor did not (`M[0, 0]` is still 0). The other way round, `tensor(array)` copies a .NET array into a new tensor, as we did for `Y` above.

// `data<T>()` itself, before `ToArray()`, is **not** a copy: it returns a `TensorAccessor<T>`, a view (视图) of the tensor's own
// memory (for a tensor on the CPU, as all of this course's are). Writing through it changes the tensor, and changes to the tensor show through it — fast, and a trap if you expected a copy:

var N = arange(6, dtype: float32).reshape(2, 3);
var view = N.data<float>();            // a view of N's memory, not a copy
view[0, 0] = 42;                       // write through the view ...
Console.WriteLine($"after view[0, 0] = 42: N[0, 0] = {N[0, 0].item<float>()}");
N[1, 2] = tensor(-1f);                 // ... or change the tensor
Console.WriteLine($"after N[1, 2] = -1:    view[1, 2] = {view[1, 2]}");

// Both directions go through the same six floats: `view[0, 0]` wrote 42 into `N[0, 0]`, and the −1 written into `N[1, 2]` is what
// `view[1, 2]` reads back. Call `ToArray()` when you want a .NET array of your own.
//
// A tensor with one element becomes a .NET scalar with `item<T>()`, where `T` must match the dtype; convert the dtype first when it does not:

var s = tensor(3.5f);
float f = s.item<float>();
double d = s.to_type(ScalarType.Float64).item<double>();
int i = (int)s.item<float>();
Console.WriteLine($"{f}, {d}, {i}");

// 3.5 as `float`, as `double`, and truncated to the `int` 3. (`s.item<double>()` on a `float32` tensor would throw: TorchSharp does not convert silently.)
//
// ## Summary
//
// - A tensor is an array of numbers with any number of axes: one axis is a vector, two a matrix. Its `shape`, `numel()` and `dtype` describe it.
// - Element-wise operators (`+ − * /`, `pow`, `exp`) and comparisons keep the shape; comparisons and logical operators give `bool` tensors that work as masks.
// - Dot and matrix products, transpose, concatenation, `sum` and broadcasting change the shape; the shape rules (inner lengths agree for `mm`, other axes agree for `cat`, length-1 axes stretch for broadcasting) tell you in advance what comes out or why it fails.
// - Ranges are half-open: the notes' `[0:2, :]` is `X[0..2, ..]`; `^1` is the last element; assignment through an index writes into the tensor.
// - Methods ending in `_` and `X[..] = …` work in place; `X = X + Y` and, in C#, `X += Y` allocate new memory.
// - `data<T>()` is a view that reads and writes the tensor's memory; `data<T>().ToArray()`, `ToNDArray()` and `item<T>()` copy values out to .NET; `tensor(array)` copies them in.
//
// ## Exercises
//
// Each exercise has a cell where you replace `null` with your answer, and a checker that says ⏳ (not answered yet), ✅ or ❌ with a hint. The notebook runs top to bottom whether or not you have answered.
//
// **1.** d2l asks: replace the condition `Xf == Y` with `Xf > Y`. Compute that bool tensor (using the `Xf` and `Y` from above).

Tensor answer1 = null; // replace null with your answer
display(Exercises.Notebook01.Exercise1(answer1));

// **2.** Broadcasting with three axes: what is the shape of `zeros(3, 1, 2) + zeros(1, 4, 1)`? Answer with a `long[]`, reasoning first, and only then check with code.

long[] answer2 = null; // replace null with e.g. new long[] { 1, 2, 3 }
display(Exercises.Notebook01.Exercise2(answer2));

// **3.** Using a range, select the last two columns of the 3 × 4 matrix `Xf` (a 3 × 2 tensor).

Tensor answer3 = null; // replace null with your answer
display(Exercises.Notebook01.Exercise3(answer3));

// **4.** How many elements does `cat(new[] { ones(2, 3, 4), zeros(2, 5, 4) }, dim: 1)` have? Reason about its shape first.

long? answer4 = null; // replace null with your answer
display(Exercises.Notebook01.Exercise4(answer4));

// **5.** The shape rules together: for the 3 × 4 tensor `Xf`, which of these run **and** give a result of shape (3, 4)? Answer
// with the letters of all that do, e.g. `"ac"`. Decide with the rules first; then check with code if you like (a line that
// fails throws an exception you can read).
//
// (a) `Xf + ones(4)` (b) `Xf + ones(3)` (c) `Xf * ones(3, 1)` (d) `Xf.mm(ones(4, 4))` (e) `Xf.T.mm(ones(3, 4))`
// (f) `cat(new[] { Xf, Xf }, dim: 0)`

string answer5 = null; // replace null with your letters, e.g. "ac"
display(Exercises.Notebook01.Exercise5(answer5));
