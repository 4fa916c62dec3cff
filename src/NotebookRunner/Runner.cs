using System.Diagnostics;

namespace NotebookRunner;

/// <summary>The outcome of executing one notebook.</summary>
public sealed record RunResult(string Notebook, string ExecutedCopy, TimeSpan Elapsed, int ExitCode, CellError? Error, string Log)
{
    public bool Succeeded => ExitCode == 0 && Error is null;

    public string Describe() => Succeeded
        ? $"{Path.GetFileName(Notebook)} ok in {Elapsed.TotalSeconds:F1} s"
        : $"{Path.GetFileName(Notebook)} FAILED after {Elapsed.TotalSeconds:F1} s: " +
          (Error?.ToString() ?? $"the kernel exited with code {ExitCode} and no cell reported an error.\n{Tail(Log, 2000)}");

    static string Tail(string s, int n) => s.Length <= n ? s : "…" + s[^n..];
}

/// <summary>
/// Runs one notebook in dotnet-repl (which hosts the same .NET Interactive kernel as VS Code), started in
/// the notebook's own folder so relative paths resolve as they do in the editor. Sources are never written.
/// </summary>
public static class Runner
{
    /// <summary>The repository root: the nearest folder upward holding Course.sln.</summary>
    public static string RepositoryRoot(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Course.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException(
            $"Could not find Course.sln in {start ?? AppContext.BaseDirectory} or any folder above it; run from inside the course repository.");
    }

    public static string NotebooksFolder(string root) => Path.Combine(root, "notebooks");

    /// <summary>Where executed copies go: outside notebooks/, so no source is ever overwritten.</summary>
    public static string DefaultOutputFolder(string root) => Path.Combine(root, "artifacts", "executed");

    /// <summary>Every notebook in notebooks/, in course order (file names start with their number).</summary>
    public static List<string> Discover(string root) =>
        Directory.GetFiles(NotebooksFolder(root), "*.ipynb").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToList();

    /// <summary>Finds notebooks by name: a file name, its stem, or its number prefix ("01", "01-tensors").</summary>
    public static List<string> Select(string root, IReadOnlyCollection<string> names)
    {
        var all = Discover(root);
        if (names.Count == 0) return all;
        var chosen = new List<string>();
        foreach (var name in names)
        {
            string stem = Path.GetFileNameWithoutExtension(name);
            var hits = all.Where(p =>
            {
                string s = Path.GetFileNameWithoutExtension(p);
                return s.Equals(stem, StringComparison.OrdinalIgnoreCase) || s.StartsWith(stem + "-", StringComparison.OrdinalIgnoreCase);
            }).ToList();
            if (hits.Count != 1)
                throw new ArgumentException(hits.Count == 0
                    ? $"No notebook matches '{name}'. Available: {string.Join(", ", all.Select(Path.GetFileNameWithoutExtension))}."
                    : $"'{name}' matches several notebooks: {string.Join(", ", hits.Select(Path.GetFileName))}; be more specific.");
            chosen.Add(hits[0]);
        }
        return chosen;
    }

    /// <summary>Executes one notebook and writes the executed copy to <paramref name="outputFolder"/>.</summary>
    public static async Task<RunResult> RunAsync(string notebook, string outputFolder, TimeSpan timeout, CancellationToken ct = default)
    {
        notebook = Path.GetFullPath(notebook);
        Directory.CreateDirectory(outputFolder);
        string executed = Path.Combine(Path.GetFullPath(outputFolder), Path.GetFileName(notebook));
        if (string.Equals(executed, notebook, StringComparison.Ordinal))
            throw new ArgumentException("The output folder is the notebooks folder; executed copies must go elsewhere.", nameof(outputFolder));
        File.Delete(executed);

        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(notebook)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "tool", "run", "dotnet-repl", "--", "--run", notebook, "--exit-after-run", "--output-path", executed })
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["D2LSHARP_HEADLESS"] = "1"; // live charts (Animator) show their final state once instead of one copy per update

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start `dotnet`; is the .NET SDK on PATH?");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new RunResult(notebook, executed, watch.Elapsed, -1,
                new CellError(0, "", $"timed out after {timeout.TotalMinutes:F0} min"), "");
        }
        string log = (await stdout) + (await stderr);
        watch.Stop();

        CellError? error = null;
        if (File.Exists(executed)) error = Notebook.FirstError(Notebook.Load(executed));
        else if (process.ExitCode == 0)
            error = new CellError(0, "", $"dotnet-repl wrote no executed copy to {executed}.");
        if (log.Contains("Cannot find a tool in the manifest", StringComparison.Ordinal) || log.Contains("dotnet tool restore", StringComparison.Ordinal))
            error ??= new CellError(0, "", "dotnet-repl is not installed: run `dotnet tool restore` in the repository root.");
        return new RunResult(notebook, executed, watch.Elapsed, process.ExitCode, error, log);
    }
}
