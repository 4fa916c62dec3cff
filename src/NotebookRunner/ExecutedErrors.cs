using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookRunner;

/// <summary>
/// The one error check over an executed copy, after the run (papermill's raise_for_execution_errors): every code cell
/// whose outputs show an error, a compiler warning or stderr text, named by number and first line. Learners would see
/// that text under the cell, so each one fails the run.
/// </summary>
public static partial class ExecutedErrors
{
    /// <summary>One problem per failing cell, in cell order; a notebook without code is a problem too.</summary>
    public static IReadOnlyList<CellError> Check(JsonObject executed)
    {
        var cells = Notebook.Cells(executed).Where(c => c.CellType == "code").ToList();
        if (cells.All(c => c.Source.Trim().Length == 0))
            return [new CellError(0, "", cells.Count == 0
                ? "the notebook has no code cells, so nothing was executed; expected a lesson with code."
                : "every code cell is empty, so nothing was executed; expected a lesson with code.")];
        return cells.Select(ProblemIn).OfType<CellError>().ToList();
    }

    /// <summary>The first problem in an executed copy, or null when there is none.</summary>
    public static CellError? FirstError(JsonObject executed) => Check(executed).FirstOrDefault();

    /// <summary>A cell's error output if it has one, else its compiler warnings, else its stderr text.</summary>
    static CellError? ProblemIn(NotebookCell cell)
    {
        var outputs = cell.Outputs.OfType<JsonObject>().ToList();
        if (outputs.FirstOrDefault(o => Type(o) == "error") is { } error)
            return new CellError(cell.Number, cell.FirstLine, ErrorText(error));
        string stderr = string.Concat(outputs.Where(o => Type(o) == "stream" && o["name"]?.GetValue<string>() == "stderr")
            .Select(o => Notebook.Text(o["text"])));
        if (stderr.Length == 0) return null;
        var warnings = stderr.Split('\n').Where(l => Warning().IsMatch(l)).ToList();
        return new CellError(cell.Number, cell.FirstLine, warnings.Count > 0
            ? "compiler warning: " + string.Join("\n", warnings)
            : "wrote to stderr: " + stderr.TrimEnd());
    }

    /// <summary>The traceback (the whole message, as the kernel or the runner wrote it), else "ename: evalue".</summary>
    static string ErrorText(JsonObject error)
    {
        var traceback = (error["traceback"] as JsonArray ?? []).Select(l => l?.GetValue<string>() ?? "").ToList();
        if (traceback.Count > 0) return string.Join("\n", traceback);
        return $"{error["ename"]?.GetValue<string>() ?? "Error"}: {error["evalue"]?.GetValue<string>() ?? ""}".Trim();
    }

    static string Type(JsonObject output) => output["output_type"]?.GetValue<string>() ?? "";

    /// <summary>A kernel diagnostic as the runner writes it: "warning CS8632: …".</summary>
    [GeneratedRegex(@"^warning [A-Z]+\d+: ")]
    private static partial Regex Warning();
}
