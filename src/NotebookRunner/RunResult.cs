namespace NotebookRunner;

/// <summary>
/// The outcome of executing one notebook. <paramref name="Error"/> is its first problem (null when it succeeded);
/// a problem of the whole notebook (unreadable, no code, the kernel did not start) has cell number 0.
/// </summary>
public sealed record RunResult(string Notebook, string ExecutedCopy, TimeSpan Elapsed, CellError? Error,
    IReadOnlyList<CellError> Problems, IReadOnlyList<CellTiming> Cells, string Log)
{
    public bool Succeeded => Error is null;

    /// <summary>The slowest code cells, slowest first.</summary>
    public IEnumerable<CellTiming> Slowest(int n) => Cells.OrderByDescending(c => c.Seconds).Take(n);

    public string Describe() => Succeeded
        ? $"{Path.GetFileName(Notebook)} ok in {Elapsed.TotalSeconds:F1} s"
        : $"{Path.GetFileName(Notebook)} FAILED after {Elapsed.TotalSeconds:F1} s: " +
          string.Join("\n", Problems.Take(5).Select(p => p.ToString())) +
          (Problems.Count > 5 ? $"\n… and {Problems.Count - 5} more cells with problems" : "") +
          (Problems.Count == 0 ? Error!.ToString() : "");

    /// <summary>A notebook that failed before or outside any cell (e.g. it could not be read); no executed copy was written.</summary>
    public static RunResult Failed(string notebook, string executedCopy, TimeSpan elapsed, string message)
    {
        var error = new CellError(0, "", message);
        return new RunResult(notebook, executedCopy, elapsed, error, [error], [], "");
    }
}
