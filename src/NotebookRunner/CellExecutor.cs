namespace NotebookRunner;

/// <summary>Submits one cell to the kernel and collects that cell's events until the kernel answers, dies or time runs out.</summary>
public sealed class CellExecutor(KernelSession kernel, TimeSpan timeout)
{
    /// <summary>
    /// Runs <paramref name="code"/>. <paramref name="deadline"/> is cancelled when the notebook's time is up;
    /// <paramref name="ct"/> when the caller gives up (that is thrown, not reported).
    /// </summary>
    public async Task<CellRun> RunAsync(string code, CancellationToken deadline, CancellationToken ct)
    {
        var events = new List<KernelEvent>();
        string token = await kernel.SubmitAsync(code);
        try
        {
            while (await kernel.ReadAsync(deadline) is { } e)
            {
                if (!BelongsTo(e, token)) continue;
                events.Add(e);
                if (e.Token == token && e.Type is "CommandSucceeded" or "CommandFailed")
                    return new CellRun(events, CellEnd.Answered, e.At, null);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new CellRun(events, CellEnd.TimedOut, DateTimeOffset.UtcNow,
                $"timed out: the notebook did not finish within {timeout.TotalMinutes:0.#} min (this cell was still running).");
        }
        var finished = DateTimeOffset.UtcNow;
        var exit = await kernel.WaitForExitAsync();
        return new CellRun(events, CellEnd.KernelDied, finished,
            $"the kernel died while running this cell: {exit.Code}.\n{exit.Reason}".TrimEnd());
    }

    /// <summary>A command's events carry its token, or "token.N" for the sub-commands it spawned (#!import, #r).</summary>
    static bool BelongsTo(KernelEvent e, string token) =>
        e.Token is not null && (e.Token == token || e.Token.StartsWith(token + ".", StringComparison.Ordinal));
}
