// Notebook 02 as a .NET program: notebooks/02-data-preprocessing.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/02-data-preprocessing.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/02/
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

// # 02 — Data preprocessing (数据预处理)
//
// This notebook follows the chapter **数据预处理** of the notes (d2l-zh §2.2). The notes name only the tool, "pandas";
// in .NET the counterpart is the `DataFrame` of **Microsoft.Data.Analysis**, and the course's helper `Tables` reads a CSV
// file into one. We take d2l's tiny house table from a file on disk to tensors a model can eat.
//
// In this notebook you will:
// - read a CSV file into a `DataFrame` and see which values are missing (缺失值);
// - handle missing values by imputation (插值法): fill a numeric gap with its column's mean, and give a category column an extra "missing" category through one-hot encoding (独热编码);
// - split the table into inputs and target and convert both to TorchSharp tensors (float64 and float32);
// - recognise the errors that a malformed file or a column of the wrong type produces, and what they tell you.

display(Course.Setup());

// ## Reading the dataset (读取数据集)
//
// d2l writes a small table of four houses to `house_tiny.csv`: the number of rooms (`NumRooms`), the type of alley
// (`Alley`) and the price (`Price`). `NA` marks a value nobody recorded. The course ships the file in `data/`; from the
// notebook's folder its path is `../data/house_tiny.csv`. First the raw text, exactly as it sits on disk:

var path = "../data/house_tiny.csv";
Console.Write(File.ReadAllText(path));

// Each line is one house (a row, a sample, 样本) and each comma-separated field one column: two features (特征) and the price we
// would predict from them; the first line is the header.
//
// pandas' `read_csv` knows that `NA` means "missing". Microsoft.Data.Analysis has a reader too, `DataFrame.LoadCsv`;
// let us see what it makes of the same file, by printing the type it chose for each column and how many values it
// considers missing:

var loaded = DataFrame.LoadCsv(path);
foreach (var column in loaded.Columns)
    Console.WriteLine($"{column.Name,-9} {column.DataType.Name,-7} missing: {column.NullCount}");

// `LoadCsv` reads `NA` as the two-letter text "NA": `NumRooms` becomes a column of strings and nothing counts as missing.
// (It also guessed `Single`, i.e. float32, for the prices.) That is not what we want, so the course library has a small
// reader, `Tables.ReadCsv`, that treats `NA` and empty fields as missing — as pandas does — makes every column whose values
// are all numbers a column of `double`, and reports problems with the file name, line and column (we try that at the end).

var data = Tables.ReadCsv(path);
display(data);

// The table shows the four houses; the missing values appear as `<null>` — the role pandas gives to `NaN`.
// Every column of a `DataFrame` has one type; the per-column view shows how many values are missing in each:

foreach (var column in data.Columns)
    Console.WriteLine($"{column.Name,-9} {column.DataType.Name,-7} missing: {column.NullCount} of {column.Length}");

// `NumRooms` and `Price` are numbers (`Double`), `Alley` is text (`String`). Two of four room counts and three of four
// alley types are missing; every price is known. A picture of the same counts, drawn against the full height of 4 rows:

var names = data.Columns.Select(c => c.Name).ToArray();
var missingCounts = data.Columns.Select(c => (double)c.NullCount).ToArray();
display(Plots.Bars(names, missingCounts, xLabel: "column", yLabel: "missing values (of 4 rows)", yRange: (0, 4), width: 480, height: 320));

// ## Handling missing values (处理缺失值)
//
// There are two usual ways to handle missing values: **imputation** (插值法) replaces a missing value by a substitute,
// **deletion** (删除法) ignores the rows or columns that have them. d2l uses imputation here.
//
// First we split the table by position, like pandas' `iloc`: the first two columns are the inputs, the last one (the price)
// is the target we would predict. `Clone()` copies the columns, so filling gaps in `inputs` leaves `data` as it was read.

var inputs = new DataFrame(data.Columns[0].Clone(), data.Columns[1].Clone()); // data.iloc[:, 0:2]
var outputs = data.Columns[2].Clone();                                       // data.iloc[:, 2]
display(inputs);

// For a numeric column, d2l fills each gap with the mean of the known values. `Mean()` skips missing values, so for
// `NumRooms` it averages 2 and 4:

var roomsMean = inputs.Columns["NumRooms"].Mean();
display(roomsMean);

// The mean is 3. `FillNulls(value, inPlace: true)` writes it into both gaps:

inputs.Columns["NumRooms"].FillNulls(roomsMean, inPlace: true);
display(inputs);

// A C# caution: the one-line summary `DataFrame.Description()` (pandas' `describe`) has a "Mean" row that, in
// Microsoft.Data.Analysis 0.23.1, divides the sum by *all* rows, missing ones included. On the raw `NumRooms` column it
// reports 6 / 4 = 1.5, not 3 — use `Mean()` on the column.

display(new DataFrame(data.Columns["NumRooms"]).Description());

// For a category (类别) column such as `Alley` a mean means nothing. Following d2l (pandas' `get_dummies(..., dummy_na=True)`),
// we treat "missing" as a category of its own and replace the column by one 0/1 column per category: `Alley_Pave` is 1 where
// the alley is paved, `Alley_nan` is 1 where the alley type is missing (pandas' name for that column, kept so the output
// matches the book). This is one-hot encoding (独热编码): in every row exactly one of the new columns is 1.

var encoded = Tables.OneHot(inputs, "Alley");
display(encoded);

// Now every entry of `encoded` is a number and none is missing: the first house has 3 rooms (the filled-in mean) and a
// paved alley; the other three have no recorded alley type.
//
// ## Conversion to the tensor format (转换为张量格式)
//
// With only numbers left, the tables convert to tensors. `Tables.ToTensor` copies a table into a (rows, columns) tensor,
// and a single column into a vector. pandas hands PyTorch float64 values, so d2l's tensors are float64; we ask for the same:

var X = Tables.ToTensor(encoded);   // ScalarType.Float64 by default
var y = Tables.ToTensor(outputs);
display(X);
display(y);
Console.WriteLine($"X: shape {string.Join("×", X.shape)}, {X.dtype};  y: shape {string.Join("×", y.shape)}, {y.dtype}");

// `X` is 4×3 — four houses, three features (`NumRooms`, `Alley_Pave`, `Alley_nan`) — and `y` is a vector of four prices.
// Deep-learning models usually compute in float32 (half the memory, faster); the same call takes a `dtype`:

var X32 = Tables.ToTensor(encoded, ScalarType.Float32);
var y32 = Tables.ToTensor(outputs, ScalarType.Float32);
Console.WriteLine($"X32: shape {string.Join("×", X32.shape)}, {X32.dtype};  y32: shape {string.Join("×", y32.shape)}, {y32.dtype}");
Console.WriteLine($"largest difference between the float32 and float64 prices: {(y32.to_type(ScalarType.Float64) - y).abs().max().item<double>()}");

// The float32 tensors have the same shapes, and these prices survive the conversion exactly: float32 holds every
// whole number up to 2²⁴ = 16 777 216 without rounding. (In C#, `item<double>()` reads a one-element tensor; its type
// argument must match the tensor's dtype.)
//
// ## When the data is wrong: errors that say where
//
// Real files are messier than `house_tiny.csv`. A good reader stops at the first problem and says *which file, which line,
// which column, and what it expected*. First, asking for a tensor of the table as it was read — with text and gaps in it:

try
{
    Tables.ToTensor(data);
}
catch (ArgumentException e)
{
    Console.WriteLine(e.Message.Split('\n')[0]);
}

// The message names the column (`Alley`, the 2nd column), shows a value it holds, and says what to do: encode the text as
// numbers first. (Every column's type is checked before any value, so the text in `Alley` is reported before the gaps in
// `NumRooms`.) A numeric column that still has gaps is refused too, with the first missing row (counted from 0, as in the
// tensor):

try
{
    Tables.ToTensor(data.Columns["NumRooms"]);
}
catch (ArgumentException e)
{
    Console.WriteLine(e.Message.Split('\n')[0]);
}

// Now a malformed file. We write a copy of the table to a temporary file with one mistake: the third line has a fourth field
// (a stray comma in a price).

var badPath = Path.Combine(Path.GetTempPath(), "house_tiny_extra_field.csv");
File.WriteAllText(badPath, "NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106,000\n4,NA,178100\nNA,NA,140000\n");
try
{
    Tables.ReadCsv(badPath);
}
catch (FormatException e)
{
    Console.WriteLine(e.Message);
}

// The message points at `house_tiny_extra_field.csv`, line 3, says that three fields were expected and four found, and quotes the
// line. For comparison, `DataFrame.LoadCsv` on the same file, and on a second copy whose stray comma sits in the last line
// (line 5) instead:

var badLastPath = Path.Combine(Path.GetTempPath(), "house_tiny_extra_field_last.csv");
File.WriteAllText(badLastPath, "NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140,000\n");
foreach (var csv in new[] { badPath, badLastPath })
{
    try
    {
        DataFrame.LoadCsv(csv);
    }
    catch (FormatException e)
    {
        Console.WriteLine($"{Path.GetFileName(csv)}: {e.Message}");
    }
}

// Both say "Line 2", wherever the mistake is. Line 2 is the first house, `NA,Pave,127500`, which is fine: `LoadCsv` takes its
// widest row (4 fields) as the expected width and then blames the first row with fewer. The message names neither the file
// nor the faulty line; on a file of thousands of lines, that costs time.
//
// A column of the wrong type is subtler: a letter O typed for a zero (`1O6000`) does not break the file, it quietly turns the
// price column into text. When we know a column must hold numbers, we say so with `numericColumns`, and the reader checks
// every value:

var typoPath = Path.Combine(Path.GetTempPath(), "house_tiny_typo.csv");
File.WriteAllText(typoPath, "NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,1O6000\n4,NA,178100\nNA,NA,140000\n");
Console.WriteLine($"without the declaration, Price is read as {Tables.ReadCsv(typoPath).Columns["Price"].DataType.Name}");
try
{
    Tables.ReadCsv(typoPath, numericColumns: ["NumRooms", "Price"]);
}
catch (FormatException e)
{
    Console.WriteLine(e.Message);
}

// Without the declaration `Price` silently became a `String` column (and `ToTensor` would refuse it later, far from the cause);
// with it, the reader stops at line 3, column 3, and shows the value it could not read as a number.
//
// ## Summary
//
// - The notes' "pandas" is, in .NET, `Microsoft.Data.Analysis.DataFrame`; `Tables.ReadCsv` reads a CSV file into one,
//   treating `NA` and empty fields as missing (`DataFrame.LoadCsv` would keep `NA` as text).
// - Missing values are handled by imputation (插值法) or deletion (删除法). Here a numeric gap got its column's mean (3 rooms),
//   and the category column `Alley` was one-hot encoded with a category for "missing" (`Alley_Pave`, `Alley_nan`).
// - An all-numeric table converts to a tensor: inputs 4×3 and target of length 4, in float64 (as pandas gives) or float32
//   (as models usually use).
// - Errors should say where: the file, the line, the column, what was expected and what was found.
//
// ## Exercises
//
// **Exercise 1 (d2l 2.2, exercise 1).** Deletion instead of imputation: remove the column with the most missing values from
// `data` (the table as read, before any filling). Give the resulting `DataFrame` (it keeps all four rows). `Columns.Remove`
// changes the table it is called on, in place, so call it on a copy, `data.Clone()`, and `data` stays as it was read.

DataFrame answer1 = null; // replace null with your answer
display(Exercises.Notebook02.Exercise1(answer1));

// **Exercise 2.** Delete rows instead of a column: starting again from the file (the cell below reads it afresh into
// `houses`, so nothing you did to `data` in exercise 1 carries over), keep only the houses whose `NumRooms` is known, split
// off `Price`, one-hot encode `Alley` with a "missing" category, and give the inputs as a **float32** tensor. (Before you
// start, predict its shape: which `Alley` categories are left once those rows are gone?)

var houses = Tables.ReadCsv(path);   // the table as read from the file
Tensor answer2 = null; // replace null with your answer
display(Exercises.Notebook02.Exercise2(answer2));

// **Exercise 3 — imputation, conceptually.** We filled the missing `NumRooms` with the mean of the column. Which statements are
// true? Answer with the letters of all true ones.
//
// (a) The mean must be computed from the known values only.
// (b) Filling with 0 instead would pull the column towards smaller values.
// (c) With a "missing" category, one-hot encoding `Alley` keeps every row: the missing value gets a column of its own.
// (d) Imputation adds information about each house that the data did not have.

string answer3 = null; // replace null with your letters, e.g. "ac"
display(Exercises.Notebook02.Exercise3(answer3));

// **Exercise 4 — counting columns.** A column `Roof` holds one of four categories (`Tile`, `Slate`, `Metal`, `Thatch`) or is
// missing. After one-hot encoding with a category for missing values (as we did for `Alley`), how many columns replace `Roof`?

long? answer4 = null; // replace null with your answer
display(Exercises.Notebook02.Exercise4(answer4));
