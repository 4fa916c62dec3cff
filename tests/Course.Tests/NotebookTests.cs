using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NotebookRunner;

using Course.Tests.Shared;

namespace Course.Tests;

/// <summary>Every notebook in notebooks/ is linted and executed headless; a new notebook needs no test edit.</summary>
public class NotebookTests
{
    static readonly string Root = Repository.Root();

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Repository.Notebooks(Root)) data.Add(Path.GetFileName(path));
        return data;
    }

    static string PathOf(string name) => Path.Combine(Repository.NotebooksFolder(Root), name);

    /// <summary>Package versions pinned in Directory.Packages.props.</summary>
    static Dictionary<string, string> PinnedVersions() =>
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The first code cell of every notebook, the same in all 13: build the library if its sources changed, then import the
    /// packages, the library and the shared usings (src/D2lSharp/Course.csx), then set the course up.
    /// </summary>
    public const string SetupCell = "#!import ../src/D2lSharp/EnsureBuilt.csx\n#!import ../src/D2lSharp/Course.csx\n\nCourse.Setup()";
    static string CourseImport => Path.Combine(Root, "src", "D2lSharp", "Course.csx");

    [Theory, MemberData(nameof(Notebooks))]
    public void Notebook_starts_with_the_standard_setup_cell(string name)
    {
        var cells = Notebook.Cells(Notebook.Load(PathOf(name)));
        Assert.Equal("markdown", cells[0].CellType); // the chapter's title and goals come first
        var setup = cells.First(c => c.CellType == "code");
        Assert.Equal(SetupCell, setup.Source.Replace("\r\n", "\n").TrimEnd());
        Assert.True(SetupCell.Split('\n').Length <= 8, "the setup cell is at most 8 lines");
    }

    [Fact]
    public void The_setup_import_references_the_pinned_packages_and_the_library()
    {
        string import = File.ReadAllText(CourseImport);
        var referenced = Regex.Matches(import, "^#r \"nuget:\\s*([^,\"]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(SetupPackages, referenced);
        Assert.Contains("#r \"../src/D2lSharp/bin/D2lSharp.dll\"", import);
        AssertPinned("src/D2lSharp/Course.csx", import);
    }

    public static readonly string[] SetupPackages = ["TorchSharp-cpu", "Plotly.NET", "Plotly.NET.CSharp", "Plotly.NET.Interactive", "Microsoft.Data.Analysis"];

    /// <summary>Every `#r "nuget: …"` line names a pinned package at its pinned version.</summary>
    static void AssertPinned(string where, string code)
    {
        var pinned = PinnedVersions();
        foreach (Match m in Regex.Matches(code, "#r \"nuget:\\s*([^,\"]+)(?:,\\s*([^\"]+))?\""))
        {
            string package = m.Groups[1].Value.Trim();
            Assert.True(pinned.ContainsKey(package), $"{where} references {package}, which Directory.Packages.props does not pin");
            Assert.True(m.Groups[2].Success, $"{where} references {package} without a version");
            Assert.Equal(pinned[package], m.Groups[2].Value.Trim());
        }
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void Notebook_package_versions_equal_the_pinned_versions(string name)
    {
        foreach (var cell in Notebook.Cells(Notebook.Load(PathOf(name))).Where(c => c.CellType == "code"))
            AssertPinned($"{name} cell {cell.Number}", cell.Source);
    }

    /// <summary>
    /// A lesson cell shows the lesson (the library's README says where the rest goes): no P/Invoke, no SVG or HTML built in
    /// strings, no raw Plotly, and no function the library has under the same name unless this notebook is the one that teaches
    /// it (the d2l map in src/D2lSharp/README.md says which).
    /// </summary>
    [Theory, MemberData(nameof(Notebooks))]
    public void Lesson_cells_hold_no_plumbing(string name)
    {
        var rules = new (string What, Regex Pattern)[]
        {
            ("a P/Invoke", new(@"\[(DllImport|LibraryImport)\b|\bstatic\s+extern\b")),
            ("SVG or HTML built in a string", new(@"""\s*<\s*/?\s*(svg|div|table|span|html|g|path|text|line|circle|rect|tr|td)\b", RegexOptions.IgnoreCase)),
            ("raw Plotly", new(@"\busing\s+Plotly\b|\bPlotly\.NET\b|\bStyleParam\.|\bSetProperty\(|\bDynamicObj\b|\bGenericChart\.|\.With(X|Y)AxisStyle\b|\.WithSize\(")),
        };
        string number = name[..2];
        var taught = D2lMap().Where(row => row.Notebook != number).Select(row => row.Name).ToHashSet();
        var problems = new List<string>();
        foreach (var cell in Notebook.Cells(Notebook.Load(PathOf(name))).Where(c => c.CellType == "code"))
        {
            foreach (var (what, pattern) in rules)
                if (pattern.Match(cell.Source) is { Success: true } m)
                    problems.Add($"cell {cell.Number} has {what}: `{m.Value.Trim()}`");
            foreach (Match m in Regex.Matches(cell.Source, @"^\s*(?:[\w<>\[\],.?()\s]+?\s+)?(?<name>[A-Z]\w*)\s*(?:<[^>]*>)?\s*\([^;{=]*\)\s*(?:=>|\{|$)", RegexOptions.Multiline))
                if (taught.Contains(m.Groups["name"].Value) && !Regex.IsMatch(m.Value, @"^\s*(new|return|var|await)\b|\.\w+\s*\("))
                    problems.Add($"cell {cell.Number} defines {m.Groups["name"].Value}, which the library has (taught in another notebook): call the library's");
        }
        Assert.True(problems.Count == 0, $"{name}:\n" + string.Join("\n", problems));
    }

    /// <summary>The d2l map of src/D2lSharp/README.md: each library member's short name and the notebook that teaches it.</summary>
    static List<(string Name, string Notebook)> D2lMap()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "src", "D2lSharp", "README.md"));
        return Regex.Matches(readme, @"^\|\s*`[^`]+`\s*\|\s*`(?<member>[\w.]+)`\s*\|\s*(?<nb>\d{2})\s*\|", RegexOptions.Multiline)
            .Select(m => (m.Groups["member"].Value.Split('.')[^1], m.Groups["nb"].Value)).ToList();
    }

    /// <summary>Runs with the pinned kernel without an error, a compiler warning or any stderr output (RunResult.Succeeded).</summary>
    [Theory, MemberData(nameof(Notebooks))]
    public async Task Notebook_executes_headless_without_errors_warnings_or_stderr(string name)
    {
        var executed = await ExecutedCourse.LoadAsync(name);
        Assert.Contains(Notebook.Cells(executed), c => c.CellType == "code" && c.Outputs.Count > 0);
    }

    [Theory, MemberData(nameof(Notebooks))]
    public async Task Executed_copy_is_faithful_and_valid_nbformat_4_5(string name)
    {
        var result = await ExecutedCourse.RunAsync(name);
        var executed = await ExecutedCourse.LoadAsync(name);
        Assert.Null(ExecutedCopyChecks.Problems(result.ExecutedCopy));
        ExecutedCopyChecks.AssertIdsAndTimes(executed);

        // Sources byte-identical, nothing garbled.
        var source = Notebook.Cells(Notebook.Load(PathOf(name)));
        var cells = Notebook.Cells(executed);
        Assert.Equal(source.Select(c => c.Source), cells.Select(c => c.Source));
        string text = File.ReadAllText(result.ExecutedCopy);
        Assert.DoesNotContain('\uFFFD', text);

        // No kernel chatter; the first cell says the course is ready, in one short line.
        Assert.DoesNotContain("Installing Packages", text);
        Assert.DoesNotContain("Installed Packages", text);
        Assert.DoesNotContain("Loading extensions from", text);
        var setup = cells.First(c => c.CellType == "code");
        string setupText = Notebook.OutputText(setup).Trim();
        var outputs = setup.Outputs.OfType<JsonObject>().ToList();
        Assert.True(outputs.Count == 1, $"{name}'s setup cell shows {outputs.Count} outputs: {string.Join(" | ", outputs.Select(o => o.ToJsonString()[..Math.Min(120, o.ToJsonString().Length)]))}");
        string shown = setupText.Length > 0 ? setupText : outputs[0].ToJsonString();
        Assert.Matches(@"D2lSharp ready: TorchSharp [0-9.]+, seed \d+\.", shown);
        Assert.DoesNotContain("libstdc++", shown);
    }
}
