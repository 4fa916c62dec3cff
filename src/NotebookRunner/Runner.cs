
namespace NotebookRunner;

/// <summary>The outcome of executing one notebook.</summary>
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
}

/// <summary>
/// Executes notebooks with the kernel learners run (the pinned `Microsoft.dotnet-interactive` tool over its stdio
/// protocol): one fresh kernel per notebook, working in the notebook's own folder so relative paths resolve as in the
/// editor. Executed copies go elsewhere; sources are never written.
/// </summary>
public static partial class Runner
{
    /// <summary>Where executed copies go: outside notebooks/, so no source is ever overwritten.</summary>
    public static string DefaultOutputFolder(string root) => Path.Combine(Repository.ArtifactsFolder(root), "executed");

    /// <summary>Finds notebooks by name: a file name, its stem, or its number prefix ("01", "01-tensors").</summary>
    public static List<string> Select(string root, IReadOnlyCollection<string> names)
    {
        var all = Repository.Notebooks(root);
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

}
