using System.Diagnostics;

namespace NotebookRunner;

/// <summary>
/// Executes notebooks with the kernel learners run (the pinned `Microsoft.dotnet-interactive` tool over its stdio
/// protocol): one fresh kernel per notebook, working in the notebook's own folder so relative paths resolve as in the
/// editor. Executed copies go elsewhere; sources are never written. Every fault is reported in the result, not thrown.
/// </summary>
public static class Runner
{
    /// <summary>
    /// Notebooks run at once when no --jobs is given: one kernel per two cores. A kernel keeps about two cores busy
    /// (Roslyn compiling cells, libtorch's threads); on the course's 2-core machine, back to back, the course took
    /// 113.0 s with --jobs 1, 115.9 s with --jobs 2 and 121.7 s with --jobs 3, so more kernels than that only add contention.
    /// </summary>
    public static int DefaultJobs => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Where executed copies go: outside notebooks/, so no source is ever overwritten.</summary>
    public static string DefaultOutputFolder(string root) => Path.Combine(Repository.ArtifactsFolder(root), "executed");

    public static Task<RunResult> RunAsync(string notebook, string outputFolder, TimeSpan timeout, CancellationToken ct = default) =>
        RunAsync(notebook, outputFolder, new RunOptions(timeout), ct);

    /// <summary>Executes one notebook in a fresh kernel and writes the executed copy to <paramref name="outputFolder"/>.</summary>
    public static async Task<RunResult> RunAsync(string notebook, string outputFolder, RunOptions options, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        notebook = Path.GetFullPath(notebook);
        string target = ExecutedCopyPath(notebook, outputFolder);
        if (Load(notebook, out var manager) is { } unreadable)
            return RunResult.Failed(notebook, target, watch.Elapsed, unreadable);

        await NotebookEngine.RunAsync(manager, Path.GetDirectoryName(notebook)!, options, ct);
        var problems = Check(manager);
        await ExecutedCopy.WriteAsync(target, manager.Copy);
        return new RunResult(notebook, target, watch.Elapsed, problems.FirstOrDefault(), problems, manager.Timings, manager.KernelLog);
    }

    /// <summary>The executed copy's path in <paramref name="outputFolder"/>; a copy left by an earlier run is deleted.</summary>
    static string ExecutedCopyPath(string notebook, string outputFolder)
    {
        string target = Path.Combine(Path.GetFullPath(outputFolder), Path.GetFileName(notebook));
        if (string.Equals(target, notebook, StringComparison.Ordinal))
            throw new ArgumentException("The output folder is the notebook's folder; executed copies must go elsewhere.", nameof(outputFolder));
        Directory.CreateDirectory(outputFolder);
        File.Delete(target);
        return target;
    }

    /// <summary>Reads the notebook into a manager for its executed copy; returns why it could not, or null.</summary>
    static string? Load(string notebook, out ExecutionManager manager)
    {
        manager = null!;
        try
        {
            manager = new ExecutionManager(ExecutedCopy.Prepare(Notebook.Load(notebook)));
            return null;
        }
        catch (InvalidDataException e) { return e.Message; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"{Path.GetFileName(notebook)} could not be read as a notebook (nbformat 4): {e.Message}";
        }
    }

    /// <summary>The notebook's own fault (e.g. the kernel did not start) first, then the error check over the executed copy.</summary>
    static List<CellError> Check(ExecutionManager manager)
    {
        var problems = new List<CellError>();
        if (manager.NotebookFault is { } fault) problems.Add(new CellError(0, "", fault));
        problems.AddRange(ExecutedErrors.Check(manager.Copy));
        return problems;
    }

    public static Task<IReadOnlyList<RunResult>> RunManyAsync(IReadOnlyList<string> notebooks, string outputFolder, TimeSpan timeout,
        int jobs, Action<RunResult>? onDone = null, CancellationToken ct = default) =>
        RunManyAsync(notebooks, outputFolder, new RunOptions(timeout), jobs, onDone, ct);

    /// <summary>
    /// Executes notebooks, at most <paramref name="jobs"/> at a time, each in its own kernel. <paramref name="onDone"/>
    /// is called as each finishes. Results come back in the order of <paramref name="notebooks"/>; a notebook the runner
    /// itself failed on gets a failed result, so the others still run.
    /// </summary>
    public static async Task<IReadOnlyList<RunResult>> RunManyAsync(IReadOnlyList<string> notebooks, string outputFolder, RunOptions options,
        int jobs, Action<RunResult>? onDone = null, CancellationToken ct = default)
    {
        if (jobs < 1) throw new ArgumentOutOfRangeException(nameof(jobs), jobs, "--jobs must be at least 1.");
        using var gate = new SemaphoreSlim(jobs);
        return await Task.WhenAll(notebooks.Select(async notebook =>
        {
            await gate.WaitAsync(ct);
            RunResult result;
            try { result = await RunAsync(notebook, outputFolder, options, ct); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                result = RunResult.Failed(Path.GetFullPath(notebook), Path.Combine(Path.GetFullPath(outputFolder), Path.GetFileName(notebook)),
                    TimeSpan.Zero, $"the runner failed on {Path.GetFileName(notebook)}: {e.GetType().Name}: {e.Message}");
            }
            finally { gate.Release(); }
            onDone?.Invoke(result);
            return result;
        }));
    }

    /// <summary>
    /// Finds notebooks by name: a file name, its stem, or its number prefix ("01", "01-tensors") in notebooks/,
    /// or the path of an .ipynb file elsewhere in the repository.
    /// </summary>
    public static List<string> Select(string root, IReadOnlyCollection<string> names)
    {
        var all = Repository.Notebooks(root);
        if (names.Count == 0) return all;
        return names.Select(name => name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) && File.Exists(name)
            ? Path.GetFullPath(name) : SelectOne(all, name)).ToList();
    }

    static string SelectOne(List<string> all, string name)
    {
        string stem = Path.GetFileNameWithoutExtension(name);
        var hits = all.Where(p =>
        {
            string s = Path.GetFileNameWithoutExtension(p);
            return s.Equals(stem, StringComparison.OrdinalIgnoreCase) || s.StartsWith(stem + "-", StringComparison.OrdinalIgnoreCase);
        }).ToList();
        if (hits.Count == 1) return hits[0];
        throw new ArgumentException(hits.Count == 0
            ? $"No notebook matches '{name}'. Available: {string.Join(", ", all.Select(Path.GetFileNameWithoutExtension))}."
            : $"'{name}' matches several notebooks: {string.Join(", ", hits.Select(Path.GetFileName))}; be more specific.");
    }
}
