using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CoursePrograms;

/// <summary>A notebook's program: where it goes (programs/NN-topic.cs) and its text.</summary>
public sealed record GeneratedProgram(string Notebook, string Path, string Text);

/// <summary>
/// Writes a notebook as a .NET 10 file-based program: the lesson's markdown as comments and its code cells as top-level
/// statements, in the notebook's order, so the file reads like the lesson; the setup cell's imports become <c>#:project</c> and
/// <c>#:package</c> directives and usings. The notebook stays the one source: the program is generated, never edited.
/// </summary>
public static class ProgramGenerator
{
    /// <summary>The command that regenerates every program (the tests name it when a program is stale).</summary>
    public const string Command = "dotnet run --project src/CoursePrograms";

    /// <summary>programs/: the lessons as programs, next to notebooks/.</summary>
    public static string ProgramsFolder(string root) => Path.Combine(root, "programs");

    /// <summary>programs/NN-topic.cs for notebooks/NN-topic.ipynb.</summary>
    public static string ProgramPath(string root, string notebook) =>
        Path.Combine(ProgramsFolder(root), Path.GetFileNameWithoutExtension(notebook) + ".cs");

    /// <summary>The usings the kernel gives every C# cell before any of the notebook's own.</summary>
    static readonly string[] KernelUsings = ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    /// <summary>The kernel's display(...) and HTML(...): in a notebook they come from the kernel, in a program from the library.</summary>
    const string KernelDisplay = "using static Microsoft.DotNet.Interactive.Kernel;";
    const string ProgramDisplay = "using static D2lSharp.Display.ProgramDisplay;";

    /// <summary>
    /// Warnings about unused locals: a cell's top-level variables and functions are fields and methods of the script in the
    /// kernel, which never get them; in a program they are locals of one method and would, for a lesson that declares a
    /// value to look at it later or leaves an exercise's answer for the learner to use.
    /// </summary>
    public static readonly IReadOnlySet<string> UnusedLocalWarnings = new HashSet<string>(["CS0168", "CS0219", "CS8321"]);

    /// <summary>How a lesson program is built; the header says why.</summary>
    static readonly string[] Properties =
    [
        "PublishAot=false", "Nullable=disable", "ImplicitUsings=disable", "NoWarn=$(NoWarn);" + string.Join(";", UnusedLocalWarnings.Order()),
        "ManagePackageVersionsCentrally=false", "CopyLocalLockFileAssemblies=false", "GenerateRuntimeConfigDevFile=true",
    ];

    /// <summary>Generates the program of one notebook (a path in notebooks/).</summary>
    public static GeneratedProgram Generate(string root, string notebookPath)
    {
        string notebook = Path.GetFileName(notebookPath);
        string number = notebook.Split('-')[0];
        LessonProblem Problem(int? cell, string what) => new(notebook, cell, what);

        var cells = Notebook.Cells(Notebook.Load(notebookPath));
        var imports = new SetupImports(root, Repository.NotebooksFolder(root), ProgramsFolder(root));
        var code = new List<(int Number, string Code)>();
        foreach (var cell in cells.Where(c => c.CellType == "code"))
        {
            var directives = KernelDirectives.Read(cell.Source, what => Problem(cell.Number, what));
            imports.Add(directives, what => Problem(cell.Number, what));
            code.Add((cell.Number, directives.Code));
        }
        imports.CheckPins(PinnedVersions(root), what => Problem(null, what));

        string prelude = string.Join("\n", KernelUsings.Select(u => $"using {u};").Append(KernelDisplay).Concat(imports.Usings));
        var references = CompileReferences.For(root);
        var plans = LessonScript.Plan(notebook, prelude, code, references).ToDictionary(p => p.Number);

        var head = new StringBuilder();
        string program = Path.GetFileNameWithoutExtension(notebook) + ".cs";
        head.Append($"""
            // Notebook {number} as a .NET program: notebooks/{notebook}, the lesson's text as comments and its code as
            // statements, in the notebook's order. Run it from the repository root:
            //     dotnet run programs/{program}
            // It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/{number}/
            // (open it in any browser, offline). Generated from the notebook by `{Command}`:
            // change the notebook, then run that command (a test fails while a program is older than its notebook).
            //
            // How it is built (the #: lines are directives of `dotnet run`): the course's helper library and the packages the
            // notebook loads, at the versions the notebook pins; the usual JIT runtime (file-based apps default to native-AOT
            // settings); as in the notebook kernel, no nullable context, only the usings below, and no warnings about unused
            // variables (the kernel keeps a cell's variables as fields); package versions written here rather than taken from
            // Directory.Packages.props (a test checks that they agree); and packages used from the NuGet cache, as the kernel
            // uses them, rather than copied beside each program (TorchSharp's native libraries alone are about 1 GB).

            """);
        foreach (var property in Properties) head.Append($"#:property {property}\n");
        foreach (var project in imports.Projects) head.Append($"#:project {project}\n");
        foreach (var package in imports.Packages) head.Append($"#:package {package.Name}@{package.Version}\n");

        var body = new StringBuilder();
        var origins = new List<(int Line, int Cell)>();   // the body line each cell starts at, for compiler messages
        void Block(string text, int cell)
        {
            if (body.Length > 0) body.Append('\n');
            origins.Add((body.ToString().Count(c => c == '\n') + 1, cell));
            body.Append(text.TrimEnd()).Append('\n');
        }

        var usings = KernelUsings.Select(u => $"using {u};").ToList();
        Block(string.Join("\n", usings.Prepend("// As in the notebook: the usings the kernel gives every cell" +
                (imports.UsingSources.Count > 0 ? ", then those of " + string.Join(" and ", imports.UsingSources) : "") + ".")
            .Append(ProgramDisplay + "   // the kernel's display(...) and HTML(...), for a program").Concat(imports.Usings)), 0);
        var cellUsings = plans.Values.SelectMany(p => p.Usings).Distinct(StringComparer.Ordinal)
            .Where(u => !imports.Usings.Contains(Strip(u))).ToList();
        if (cellUsings.Count > 0)
            Block("// The cells' own usings (a program states its usings before its first statement):\n" + string.Join("\n", cellUsings), 0);

        foreach (var cell in cells)
        {
            if (cell.CellType == "markdown") Block(Comment(cell.Source), cell.Number);
            else if (cell.CellType == "code")
            {
                var plan = plans[cell.Number];
                string text = Trim(plan.Code);
                if (plan.Renames.Count > 0)
                    text = string.Concat(plan.Renames.Select(r => $"// In this program {r}.\n")) + text;
                if (text.Length > 0) Block(text, cell.Number);
            }
        }
        var types = plans.Values.SelectMany(p => p.Types.Select(t => (p.Number, Text: t))).ToList();
        if (types.Count > 0)
        {
            Block("// The types the lesson declares, from the cells above (a program declares its types after its statements).", 0);
            foreach (var (cell, text) in types) Block(text, cell);
        }

        string bodyText = body.ToString();
        ProgramCheck.Compile(notebook, bodyText, origins, references, UnusedLocalWarnings);
        return new GeneratedProgram(notebook, ProgramPath(root, notebook), head + "\n" + bodyText);
    }

    /// <summary>Markdown as line comments, blank lines kept as empty comment lines.</summary>
    static string Comment(string markdown) => string.Join("\n",
        markdown.Replace("\r\n", "\n").TrimEnd().Split('\n').Select(l => l.TrimEnd().Length == 0 ? "//" : "// " + l.TrimEnd()));

    /// <summary>A cell's code without its leading and trailing blank lines and with trailing spaces removed.</summary>
    static string Trim(string code) => string.Join("\n", code.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()))
        .Trim('\n');

    /// <summary>A using directive without its trailing comment, to compare with the setup's.</summary>
    static string Strip(string usingLine) =>
        CSharpSyntaxTree.ParseText(usingLine, LessonScript.ScriptOptions).GetRoot() is CompilationUnitSyntax { Usings: [var u] }
            ? u.WithoutTrivia().ToString() : usingLine;

    /// <summary>Package versions pinned in Directory.Packages.props.</summary>
    static Dictionary<string, string> PinnedVersions(string root) =>
        XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
}
