using System.Text.Json.Nodes;

namespace CourseFiles;

/// <summary>A cell of an .ipynb file: its number (from 1, markdown cells count, as in the editor), type, source, outputs and JSON.</summary>
public sealed record NotebookCell(int Number, string CellType, string Source, JsonArray Outputs, JsonObject Json)
{
    /// <summary>The first non-blank line of the cell's source, for error messages.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
