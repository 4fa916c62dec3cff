using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NotebookRunner;

namespace D2lSharp.Tests;

/// <summary>Every notebook in notebooks/ is linted and executed headless; a new notebook needs no test edit.</summary>
public class NotebookTests
{
    static readonly string Root = Runner.RepositoryRoot();

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Runner.Discover(Root)) data.Add(Path.GetFileName(path));
        return data;
    }

    static string PathOf(string name) => Path.Combine(Runner.NotebooksFolder(Root), name);

    /// <summary>Package versions pinned in Directory.Packages.props.</summary>
    static Dictionary<string, string> PinnedVersions() =>
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    public const string ImportLine = "#!import ../src/D2lSharp/EnsureBuilt.csx";
    public const string LibraryLine = "#r \"../src/D2lSharp/bin/D2lSharp.dll\"";
    public static readonly string[] SetupPackages = ["TorchSharp-cpu", "Plotly.NET", "Plotly.NET.CSharp", "Plotly.NET.Interactive"];

    [Theory, MemberData(nameof(Notebooks))]
    public void Notebook_is_valid_nbformat4_with_polyglot_metadata(string name)
    {
        var nb = Notebook.Load(PathOf(name));
        Assert.Equal(4, nb["nbformat"]!.GetValue<int>());
        var meta = nb["metadata"]!;
        Assert.Equal(".net-csharp", meta["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(".NET (C#)", meta["kernelspec"]!["display_name"]!.GetValue<string>());
        Assert.Equal("C#", meta["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", meta["language_info"]!["name"]!.GetValue<string>());
        var kernelInfo = meta["polyglot_notebook"]!["kernelInfo"]!;
        Assert.Equal("csharp", kernelInfo["defaultKernelName"]!.GetValue<string>());
        Assert.Contains(kernelInfo["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "csharp");
        foreach (var cell in Notebook.Cells(nb))
        {
            Assert.Contains(cell.CellType, new[] { "markdown", "code" });
            if (cell.CellType == "code")
                Assert.Equal("csharp", cell.Json["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>());
        }
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void Notebook_has_no_committed_outputs(string name)
    {
        foreach (var cell in Notebook.Cells(Notebook.Load(PathOf(name))).Where(c => c.CellType == "code"))
        {
            Assert.True(cell.Outputs.Count == 0, $"{name} cell {cell.Number} has committed outputs");
            Assert.True(cell.Json["execution_count"] is null, $"{name} cell {cell.Number} has an execution count");
        }
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void Notebook_starts_with_the_standard_setup_cell(string name)
    {
        var cells = Notebook.Cells(Notebook.Load(PathOf(name)));
        Assert.Equal("markdown", cells[0].CellType); // the chapter's title and goals come first
        var setup = cells.First(c => c.CellType == "code");
        var lines = setup.Source.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal(ImportLine, lines[0]);
        var referenced = lines.Select(l => Regex.Match(l, "^#r \"nuget:\\s*([^,\"]+)")).Where(m => m.Success).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(SetupPackages, referenced.Take(SetupPackages.Length));
        Assert.Contains(LibraryLine, lines);
        Assert.Contains(lines, l => l.StartsWith("Course.Setup(", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void Notebook_package_versions_equal_the_pinned_versions(string name)
    {
        var pinned = PinnedVersions();
        foreach (var cell in Notebook.Cells(Notebook.Load(PathOf(name))).Where(c => c.CellType == "code"))
        foreach (Match m in Regex.Matches(cell.Source, "#r \"nuget:\\s*([^,\"]+)(?:,\\s*([^\"]+))?\""))
        {
            string package = m.Groups[1].Value.Trim();
            Assert.True(pinned.ContainsKey(package), $"{name} cell {cell.Number} references {package}, which Directory.Packages.props does not pin");
            Assert.True(m.Groups[2].Success, $"{name} cell {cell.Number} references {package} without a version");
            Assert.Equal(pinned[package], m.Groups[2].Value.Trim());
        }
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
        Assert.Null(NbformatSchema.Problems(result.ExecutedCopy));
        RunnerExecutionTests.AssertIdsAndTimes(executed);

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
        string setupText = ExecutedCourse.TextOf(setup).Trim();
        var outputs = setup.Outputs.OfType<JsonObject>().ToList();
        Assert.True(outputs.Count == 1, $"{name}'s setup cell shows {outputs.Count} outputs: {string.Join(" | ", outputs.Select(o => o.ToJsonString()[..Math.Min(120, o.ToJsonString().Length)]))}");
        string shown = setupText.Length > 0 ? setupText : outputs[0].ToJsonString();
        Assert.Matches(@"D2lSharp ready: TorchSharp [0-9.]+, seed \d+\.", shown);
        Assert.DoesNotContain("libstdc++", shown);
    }
}
