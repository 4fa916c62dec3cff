using System.Text.Json.Nodes;
using NotebookRunner;

namespace Course.Tests;

/// <summary>
/// Each notebook executed headless at most once per test run and CPU setting, shared by the execution test and the tests
/// that read results from the executed copy, so a training notebook is not run twice for the same purpose. The first
/// request of a setting starts every notebook of the course, <see cref="Runner.DefaultJobs"/> kernels at a time across both
/// settings, so the course executes while the tests wait for the copy they need.
/// <see cref="Native"/> runs libtorch as this CPU allows; <see cref="Avx2"/> as an AVX2-only CPU would
/// (ATEN_CPU_CAPABILITY=avx2, MKL_ENABLE_INSTRUCTIONS=AVX2), so that what the prose says is checked against another CPU's
/// numbers too.
/// </summary>
public sealed class ExecutedCourse
{
    static readonly string Root = Repository.Root();
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);
    static readonly SemaphoreSlim Gate = new(Runner.DefaultJobs);

    public static readonly ExecutedCourse Native = new("native", "test-executed", new Dictionary<string, string>(), "COURSE_EXECUTED");
    public static readonly ExecutedCourse Avx2 = new("avx2", "test-executed-avx2", RunOptions.Avx2Cpu, "COURSE_EXECUTED_AVX2");

    readonly Lazy<Dictionary<string, Task<RunResult>>> _runs;
    readonly RunOptions _options;
    readonly string _existingVariable;

    ExecutedCourse(string name, string folder, IReadOnlyDictionary<string, string> environment, string existingVariable)
    {
        Name = name;
        OutputFolder = Path.Combine(Repository.ArtifactsFolder(Root), folder);
        _options = new RunOptions(Timeout) { Environment = environment };
        _existingVariable = existingVariable;
        _runs = new(() => Repository.Notebooks(Root).ToDictionary(p => Path.GetFileName(p), Throttled, StringComparer.Ordinal));
    }

    /// <summary>"native" or "avx2".</summary>
    public string Name { get; }

    /// <summary>Where this setting's executed copies go (never notebooks/).</summary>
    public string OutputFolder { get; }

    /// <summary>The setting by name, for theories: "native" or "avx2".</summary>
    public static ExecutedCourse ByName(string name) => name switch
    {
        "native" => Native,
        "avx2" => Avx2,
        _ => throw new ArgumentException($"No CPU setting '{name}'; use native or avx2.", nameof(name)),
    };

    /// <summary>The result of executing notebooks/<paramref name="fileName"/> (e.g. "09-multilayer-perceptron.ipynb") natively.</summary>
    public static Task<RunResult> RunAsync(string fileName) => Native.Run(fileName);

    /// <summary>The native executed copy of a notebook that ran without errors; fails the calling test otherwise.</summary>
    public static Task<JsonObject> LoadAsync(string fileName) => Native.Load(fileName);

    /// <summary>The result of executing notebooks/<paramref name="fileName"/> with this setting.</summary>
    public Task<RunResult> Run(string fileName) =>
        _runs.Value.TryGetValue(fileName, out var run) ? run
            : throw new ArgumentException($"No notebook {fileName} in {Repository.NotebooksFolder(Root)}.", nameof(fileName));

    /// <summary>
    /// The executed copy of a notebook that ran without errors with this setting; fails the calling test otherwise.
    /// COURSE_EXECUTED=DIR (COURSE_EXECUTED_AVX2=DIR for the avx2 setting) reads copies already in DIR instead of running
    /// the notebooks, e.g. to check prose quickly against artifacts/executed.
    /// </summary>
    public async Task<JsonObject> Load(string fileName)
    {
        string? existing = Environment.GetEnvironmentVariable(_existingVariable);
        if (!string.IsNullOrEmpty(existing))
        {
            string copy = Path.Combine(existing, fileName);
            Assert.True(File.Exists(copy), $"{_existingVariable} has no executed copy {copy}.");
            return Notebook.Load(copy);
        }
        var result = await Run(fileName);
        Assert.True(result.Succeeded, $"[{Name}] " + result.Describe());
        return Notebook.Load(result.ExecutedCopy);
    }

    async Task<RunResult> Throttled(string path)
    {
        await Gate.WaitAsync();
        try { return await Runner.RunAsync(path, OutputFolder, _options); }
        finally { Gate.Release(); }
    }

    /// <summary>The printed and text/plain output of every code cell of an executed copy, cell after cell.</summary>
    public static string AllText(JsonObject executed) =>
        string.Join("\n", Notebook.Cells(executed).Where(c => c.CellType == "code").Select(Notebook.OutputText));
}
