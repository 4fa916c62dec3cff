namespace CourseFiles;

/// <summary>The course repository's folders: the one place that knows how to find the root (the folder holding Course.sln).</summary>
public static class Repository
{
    public const string SolutionFile = "Course.sln";

    /// <summary>
    /// The nearest folder at or above <paramref name="start"/> that holds Course.sln. Without a start: the current folder,
    /// then the running program's own folder (tests and tools run from a bin folder inside the repository).
    /// </summary>
    public static string Root(string? start = null)
    {
        var candidates = start is not null ? [start] : new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var from in candidates)
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new DirectoryNotFoundException(
            $"Could not find {SolutionFile} in {string.Join(" or ", candidates)} or any folder above; run this from inside the course repository.");
    }

    /// <summary>notebooks/: the lessons.</summary>
    public static string NotebooksFolder(string root) => Path.Combine(root, "notebooks");

    /// <summary>artifacts/: everything the course and its tests write (executed copies, the book, programs' charts).</summary>
    public static string ArtifactsFolder(string root) => Path.Combine(root, "artifacts");

    /// <summary>Every notebook in notebooks/, in course order (file names start with their number).</summary>
    public static List<string> Notebooks(string root) =>
        Directory.GetFiles(NotebooksFolder(root), "*.ipynb").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToList();
}
