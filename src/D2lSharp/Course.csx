// Imported by the first cell of every notebook (#!import), after EnsureBuilt.csx has built the library: the course's
// packages (the versions pinned in Directory.Packages.props; a test checks), the library, and the usings every lesson
// shares. The first cell then calls Course.Setup(). Paths are relative to the kernel's folder, the notebook's folder.
#r "nuget: TorchSharp-cpu, 0.107.0"
#r "nuget: Plotly.NET, 6.0.0"
#r "nuget: Plotly.NET.CSharp, 0.14.0"
#r "nuget: Plotly.NET.Interactive, 6.0.0"
#r "nuget: Microsoft.Data.Analysis, 0.23.1"
#r "../src/D2lSharp/bin/D2lSharp.dll"

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
using static D2lSharp.Display.TensorFormatter;   // ShapeText(t.shape), ValuesText(t) inside strings
using Exercises = D2lSharp.Exercises;            // the exercise cells say Exercises.Notebook07.…
