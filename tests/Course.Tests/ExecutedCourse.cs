using System.Text.Json.Nodes;
using NotebookRunner;

namespace Course.Tests;

/// <summary>
/// Each notebook executed headless at most once per test run, shared by the execution test and the tests that read
/// results (accuracies, printed numbers) from the executed copy, so a training notebook is not run twice. The first
/// request starts every notebook of the course, <see cref="Runner.DefaultJobs"/> at a time (each in its own kernel),
/// so the course executes concurrently while the tests wait for the copy they need.
/// </summary>
public static class ExecutedCourse
{
    static readonly string Root = Repository.Root();
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);
    static readonly SemaphoreSlim Gate = new(Runner.DefaultJobs);
    static readonly Lazy<Dictionary<string, Task<RunResult>>> Course = new(() =>
        Repository.Notebooks(Root).ToDictionary(p => Path.GetFileName(p), p => Throttled(p), StringComparer.Ordinal));

    /// <summary>Where the tests write executed copies (never notebooks/).</summary>
    public static string OutputFolder => Path.Combine(Root, "artifacts", "test-executed");

    /// <summary>The result of executing notebooks/<paramref name="fileName"/> (e.g. "09-multilayer-perceptron.ipynb").</summary>
    public static Task<RunResult> RunAsync(string fileName) =>
        Course.Value.TryGetValue(fileName, out var run) ? run
            : throw new ArgumentException($"No notebook {fileName} in {Repository.NotebooksFolder(Root)}.", nameof(fileName));

    static async Task<RunResult> Throttled(string path)
    {
        await Gate.WaitAsync();
        try { return await Runner.RunAsync(path, OutputFolder, Timeout); }
        finally { Gate.Release(); }
    }

    /// <summary>
    /// The executed copy of a notebook that ran without errors; fails the calling test otherwise. COURSE_EXECUTED=DIR reads
    /// the copies already in DIR (e.g. artifacts/executed) instead of running the notebooks, for checking prose quickly.
    /// </summary>
    public static async Task<JsonObject> LoadAsync(string fileName)
    {
        string? existing = Environment.GetEnvironmentVariable("COURSE_EXECUTED");
        if (!string.IsNullOrEmpty(existing))
        {
            string copy = Path.Combine(existing, fileName);
            Assert.True(File.Exists(copy), $"COURSE_EXECUTED has no executed copy {copy}.");
            return Notebook.Load(copy);
        }
        var result = await RunAsync(fileName);
        Assert.True(result.Succeeded, result.Describe());
        return Notebook.Load(result.ExecutedCopy);
    }

    /// <summary>The printed and text/plain output of every code cell of an executed copy, cell after cell.</summary>
    public static string AllText(JsonObject executed) =>
        string.Join("\n", Notebook.Cells(executed).Where(c => c.CellType == "code").Select(Notebook.OutputText));
}
