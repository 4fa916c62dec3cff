namespace CoursePrograms;

/// <summary>
/// A notebook that the generator cannot turn into a program as it stands: the message names the notebook, the cell (numbered
/// as in the editor, markdown cells included) and what to change, so that the fix goes into the notebook, the one source.
/// </summary>
public sealed class LessonProblem(string notebook, int? cell, string problem) : Exception(Describe(notebook, cell, problem))
{
    /// <summary>The notebook's file name, e.g. 05-automatic-differentiation.ipynb.</summary>
    public string Notebook { get; } = notebook;

    /// <summary>The cell's number, or null for a problem of the whole notebook.</summary>
    public int? Cell { get; } = cell;

    static string Describe(string notebook, int? cell, string problem) =>
        $"notebooks/{notebook}{(cell is { } c ? $", cell {c}" : "")}: {problem}";
}
