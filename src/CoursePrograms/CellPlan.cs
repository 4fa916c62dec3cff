namespace CoursePrograms;

/// <summary>
/// One code cell as the program has it: its statements (with the edits a program needs), and what moves elsewhere in the
/// file: its using directives (a program states them before its first statement) and its type declarations (after the last).
/// </summary>
public sealed class CellPlan(int number)
{
    /// <summary>The cell's number in the notebook (markdown cells count, as in the editor).</summary>
    public int Number { get; } = number;

    /// <summary>The cell's statements, edited: a trailing expression displayed, names a program would repeat renamed.</summary>
    public string Code { get; set; } = "";

    /// <summary>The cell's using directives, as written.</summary>
    public List<string> Usings { get; } = [];

    /// <summary>The cell's type declarations, as written (with the comments above them).</summary>
    public List<string> Types { get; } = [];

    /// <summary>What the generator changed in the cell, one line each (e.g. "grid → grid2: declared again in cell 29").</summary>
    public List<string> Renames { get; } = [];
}
