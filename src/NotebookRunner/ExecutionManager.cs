using System.Text.Json.Nodes;

namespace NotebookRunner;

/// <summary>
/// Keeps the executed copy while the engine runs it (papermill's notebook wrapper): the engine calls a hook as each
/// cell starts, completes or fails, and the manager writes the cell's outputs, execution count, Jupyter's
/// `execution` timestamps and its timing.
/// </summary>
public sealed class ExecutionManager(JsonObject copy)
{
    readonly List<CellTiming> _timings = [];
    readonly HashSet<int> _executed = [];
    CellOutputs? _current;
    DateTimeOffset _busy;
    int _executionCount;

    /// <summary>The executed copy (cells numbered from 1, markdown cells count).</summary>
    public JsonObject Copy => copy;

    /// <summary>The code cells, in order.</summary>
    public IReadOnlyList<NotebookCell> CodeCells { get; } = Notebook.Cells(copy).Where(c => c.CellType == "code").ToList();

    public IReadOnlyList<CellTiming> Timings => _timings;

    /// <summary>Why the notebook could not run at all (e.g. the kernel did not start), or null.</summary>
    public string? NotebookFault { get; private set; }

    /// <summary>Everything the kernel process wrote to its own stderr.</summary>
    public string KernelLog { get; private set; } = "";

    public void CellStarted(NotebookCell cell) => _busy = DateTimeOffset.UtcNow;

    /// <summary>The cell's events become its outputs; its times go into its `execution` metadata (nbformat 4.5).</summary>
    public void CellCompleted(NotebookCell cell, CellRun run)
    {
        _current = CellOutputs.From(run.Events, ++_executionCount);
        _executed.Add(cell.Number);
        var json = cell.Json;
        json["execution_count"] = _executionCount;
        json["outputs"] = _current.Outputs;
        var metadata = json["metadata"] as JsonObject ?? [];
        json["metadata"] = metadata;
        metadata["execution"] = new JsonObject
        {
            ["iopub.execute_input"] = CellOutputs.Timestamp(_current.InputAt ?? _busy),
            ["iopub.status.busy"] = CellOutputs.Timestamp(_busy),
            ["iopub.status.idle"] = CellOutputs.Timestamp(run.FinishedAt),
            ["shell.execute_reply"] = CellOutputs.Timestamp(run.FinishedAt),
        };
        _timings.Add(new CellTiming(cell.Number, cell.FirstLine, (run.FinishedAt - _busy).TotalSeconds));
    }

    /// <summary>
    /// Called after CellCompleted for a cell that failed. The kernel's own errors are already outputs; a death or a
    /// timeout, which no event reports, becomes the cell's error output here.
    /// </summary>
    public void CellFailed(NotebookCell cell, CellRun run)
    {
        if (run.Fault is null || _current is null) return;
        _current.AddError(run.End == CellEnd.KernelDied ? "KernelDied" : "Timeout", run.Fault);
    }

    /// <summary>The notebook could not run (no cell is to blame).</summary>
    public void NotebookFailed(string message) => NotebookFault = message;

    /// <summary>Code cells that did not run are left without outputs or execution count.</summary>
    public void NotebookCompleted(string kernelLog)
    {
        KernelLog = kernelLog;
        foreach (var cell in CodeCells.Where(c => !_executed.Contains(c.Number)))
            ExecutedCopy.Clear(cell.Json);
    }
}
