using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner;

public static partial class Runner
{
    /// <summary>
    /// Notebooks run at once when no --jobs is given: one kernel per two cores. A kernel keeps about two cores busy
    /// (Roslyn compiling cells, libtorch's threads); on the course's 2-core machine, back to back, the course took
    /// 113.0 s with --jobs 1, 115.9 s with --jobs 2 and 121.7 s with --jobs 3, so more kernels than that only add contention.
    /// </summary>
    public static int DefaultJobs => Math.Max(1, Environment.ProcessorCount / 2);

    static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 1, // as Jupyter writes notebooks
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese text stays readable in the file
    };

    /// <summary>Executes one notebook in a fresh kernel and writes the executed copy to <paramref name="outputFolder"/>.</summary>
    public static async Task<RunResult> RunAsync(string notebook, string outputFolder, TimeSpan timeout, CancellationToken ct = default)
    {
        notebook = Path.GetFullPath(notebook);
        Directory.CreateDirectory(outputFolder);
        string executed = Path.Combine(Path.GetFullPath(outputFolder), Path.GetFileName(notebook));
        if (string.Equals(executed, notebook, StringComparison.Ordinal))
            throw new ArgumentException("The output folder is the notebooks folder; executed copies must go elsewhere.", nameof(outputFolder));
        File.Delete(executed);

        var source = Notebook.Load(notebook);
        var copy = (JsonObject)source.DeepClone();
        copy["nbformat"] = 4;
        copy["nbformat_minor"] = Math.Max(5, source["nbformat_minor"]?.GetValue<int>() ?? 0);
        var cells = copy["cells"] as JsonArray ?? [];
        AssignCellIds(cells, Path.GetFileNameWithoutExtension(notebook));

        var watch = Stopwatch.StartNew();
        var problems = new List<CellError>();
        var timings = new List<CellTiming>();
        CellError? fatal = null;
        string log = "";
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        KernelSession? kernel = null;
        int executionCount = 0;
        try
        {
            kernel = await KernelSession.StartAsync(Repository.Root(Path.GetDirectoryName(notebook)), Path.GetDirectoryName(notebook)!, timeout, cts.Token);
            for (int i = 0; i < cells.Count; i++)
            {
                if (cells[i] is not JsonObject cell || cell["cell_type"]?.GetValue<string>() != "code") continue;
                var info = new NotebookCell(i + 1, "code", Notebook.SourceOf(cell), [], cell);
                if (fatal is not null) { Clear(cell); continue; }

                var outputs = new CellOutputs(++executionCount);
                var busy = DateTimeOffset.UtcNow;
                string token = await kernel.SubmitAsync(info.Source);
                KernelEvent? end = null;
                try
                {
                    while (end is null)
                    {
                        var e = await kernel.ReadAsync(cts.Token);
                        if (e is null)
                        {
                            fatal = new CellError(info.Number, info.FirstLine,
                                $"the kernel exited (code {kernel.ExitCode}) while running this cell.\n{KernelSession.Tail(kernel.ProcessLog, 1500)}");
                            break;
                        }
                        if (e.Token is null || !(e.Token == token || e.Token.StartsWith(token + ".", StringComparison.Ordinal))) continue;
                        outputs.Add(e);
                        if (e.Token == token && e.Type is "CommandSucceeded" or "CommandFailed") end = e;
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    fatal = new CellError(info.Number, info.FirstLine,
                        $"timed out: the notebook did not finish within {timeout.TotalMinutes:0.#} min (this cell was still running).");
                }
                var reply = end?.At ?? DateTimeOffset.UtcNow;
                cell["execution_count"] = executionCount;
                cell["outputs"] = outputs.Outputs;
                var metadata = cell["metadata"] as JsonObject ?? [];
                cell["metadata"] = metadata;
                metadata["execution"] = new JsonObject
                {
                    ["iopub.execute_input"] = CellOutputs.Timestamp(outputs.InputAt ?? busy),
                    ["iopub.status.busy"] = CellOutputs.Timestamp(busy),
                    ["iopub.status.idle"] = CellOutputs.Timestamp(reply),
                    ["shell.execute_reply"] = CellOutputs.Timestamp(reply),
                };
                timings.Add(new CellTiming(info.Number, info.FirstLine, (reply - busy).TotalSeconds));

                if (outputs.Failure is not null) fatal ??= new CellError(info.Number, info.FirstLine, outputs.Failure);
                if (fatal is not null && fatal.CellNumber == info.Number) problems.Add(fatal);
                else if (outputs.Warnings.Count > 0)
                    problems.Add(new CellError(info.Number, info.FirstLine, "compiler warning: " + string.Join("\n", outputs.Warnings)));
                else if (outputs.Stderr.Count > 0)
                    problems.Add(new CellError(info.Number, info.FirstLine, "wrote to stderr: " + string.Concat(outputs.Stderr).TrimEnd()));
            }
        }
        catch (KernelException e)
        {
            fatal = new CellError(0, "", e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            fatal = new CellError(0, "", $"timed out: the kernel did not start within {timeout.TotalMinutes:0.#} min.");
        }
        finally
        {
            if (kernel is not null)
            {
                log = kernel.ProcessLog;
                await kernel.DisposeAsync();
            }
        }
        watch.Stop();
        if (fatal is not null && !problems.Contains(fatal)) problems.Insert(0, fatal);
        foreach (var cell in cells.OfType<JsonObject>().Where(c => c["cell_type"]?.GetValue<string>() == "code" && !c.ContainsKey("outputs")))
            Clear(cell);

        await File.WriteAllTextAsync(executed, copy.ToJsonString(Written) + "\n", new UTF8Encoding(false), CancellationToken.None);
        return new RunResult(notebook, executed, watch.Elapsed, problems.FirstOrDefault(), problems, timings, log);
    }

    static void Clear(JsonObject cell)
    {
        cell["outputs"] = new JsonArray();
        cell["execution_count"] = null;
    }

    /// <summary>nbformat 4.5 wants a unique id on every cell; ids already in the file are kept.</summary>
    static void AssignCellIds(JsonArray cells, string stem)
    {
        var used = new HashSet<string>(cells.OfType<JsonObject>().Select(c => c["id"]?.GetValue<string>()).OfType<string>(), StringComparer.Ordinal);
        int n = 0;
        foreach (var cell in cells.OfType<JsonObject>())
        {
            n++;
            if (cell["id"] is not null) continue;
            string id = $"cell-{n}";
            while (!used.Add(id)) id += "x";
            // keep the id next to the cell type, where Jupyter writes it
            var entries = cell.ToList();
            cell.Clear();
            foreach (var (key, value) in entries)
            {
                cell[key] = value;
                if (key == "cell_type") cell["id"] = id;
            }
            if (cell["id"] is null) cell["id"] = id;
        }
    }

    /// <summary>
    /// Executes notebooks, at most <paramref name="jobs"/> at a time, each in its own kernel. <paramref name="onDone"/>
    /// is called as each finishes. Results come back in the order of <paramref name="notebooks"/>.
    /// </summary>
    public static async Task<IReadOnlyList<RunResult>> RunManyAsync(IReadOnlyList<string> notebooks, string outputFolder, TimeSpan timeout,
        int jobs, Action<RunResult>? onDone = null, CancellationToken ct = default)
    {
        if (jobs < 1) throw new ArgumentOutOfRangeException(nameof(jobs), jobs, "--jobs must be at least 1.");
        using var gate = new SemaphoreSlim(jobs);
        var tasks = notebooks.Select(async nb =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var r = await RunAsync(nb, outputFolder, timeout, ct);
                onDone?.Invoke(r);
                return r;
            }
            finally { gate.Release(); }
        }).ToList();
        return await Task.WhenAll(tasks);
    }

    /// <summary>course-run.json: per notebook its file name, seconds, success and slowest cells (the static book reads it).</summary>
    public static void WriteSummary(string path, IReadOnlyList<RunResult> results, int jobs, TimeSpan wall)
    {
        var json = new JsonObject
        {
            ["kernel"] = "Microsoft.dotnet-interactive " + ToolVersion(),
            ["jobs"] = jobs,
            ["wallSeconds"] = Math.Round(wall.TotalSeconds, 1),
            ["notebooks"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["file"] = Path.GetFileName(r.Notebook),
                ["seconds"] = Math.Round(r.Elapsed.TotalSeconds, 1),
                ["succeeded"] = r.Succeeded,
                ["error"] = r.Error?.ToString(),
                ["slowestCells"] = new JsonArray(r.Slowest(3).Select(c => (JsonNode)new JsonObject
                {
                    ["cell"] = c.CellNumber,
                    ["firstLine"] = c.FirstLine,
                    ["seconds"] = Math.Round(c.Seconds, 1),
                }).ToArray()),
            }).ToArray()),
        };
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    /// <summary>The version of the kernel tool pinned in .config/dotnet-tools.json.</summary>
    public static string ToolVersion(string? root = null)
    {
        string manifest = Path.Combine(root ?? Repository.Root(), ".config", "dotnet-tools.json");
        return JsonNode.Parse(File.ReadAllText(manifest))?["tools"]?["microsoft.dotnet-interactive"]?["version"]?.GetValue<string>() ?? "?";
    }
}
