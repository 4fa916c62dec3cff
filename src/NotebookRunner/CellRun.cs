namespace NotebookRunner;

/// <summary>
/// One cell's execution as the cell executor saw it: the kernel's events for the cell, in order, and how it ended.
/// <paramref name="Fault"/> says why when the kernel died or time ran out (no event says so).
/// </summary>
public sealed record CellRun(IReadOnlyList<KernelEvent> Events, CellEnd End, DateTimeOffset FinishedAt, string? Fault)
{
    /// <summary>The cell failed: the kernel reported an error (also one inside a #!import'ed file), died, or time ran out.</summary>
    public bool Failed => End != CellEnd.Answered || Events.Any(e => e.Type is "CommandFailed" or "ErrorProduced");
}
