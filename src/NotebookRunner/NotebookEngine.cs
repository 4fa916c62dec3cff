namespace NotebookRunner;

/// <summary>
/// Runs a notebook's code cells in order in one fresh kernel, working in the notebook's folder, calling the execution
/// manager's hooks around each cell. The first failed cell ends the run: later cells stay unexecuted, as they would
/// after "Run All" in the editor.
/// </summary>
public static class NotebookEngine
{
    public static async Task RunAsync(ExecutionManager manager, string notebookFolder, RunOptions options, CancellationToken ct)
    {
        KernelSession? kernel = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Timeout);
        try
        {
            if (manager.CodeCells.Count == 0) return; // nothing to run; the error check says so
            string root = Repository.Root(notebookFolder);
            kernel = await KernelSession.StartAsync(root, notebookFolder, options.Environment, options.Timeout, deadline.Token);
            await RunCellsAsync(manager, new CellExecutor(kernel, options.Timeout), deadline.Token, ct);
        }
        catch (Exception e) when (e is KernelException or DirectoryNotFoundException)
        {
            manager.NotebookFailed(e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            manager.NotebookFailed($"timed out: the kernel did not start within {options.Timeout.TotalMinutes:0.#} min.");
        }
        finally
        {
            if (kernel is not null) await kernel.DisposeAsync();
            manager.NotebookCompleted(kernel?.ProcessLog ?? "");
        }
    }

    static async Task RunCellsAsync(ExecutionManager manager, CellExecutor executor, CancellationToken deadline, CancellationToken ct)
    {
        foreach (var cell in manager.CodeCells)
        {
            manager.CellStarted(cell);
            var run = await executor.RunAsync(cell.Source, deadline, ct);
            manager.CellCompleted(cell, run);
            if (!run.Failed) continue;
            manager.CellFailed(cell, run);
            return;
        }
    }
}
