using System.Text.Json.Nodes;

namespace NotebookRunner;

/// <summary>Reads the errors out of an executed copy.</summary>
public static class ExecutedErrors
{
    /// <summary>The first error a cell produced in an executed notebook, or null when there is none.</summary>
    public static CellError? FirstError(JsonObject executed)
    {
        foreach (var cell in Notebook.Cells(executed).Where(c => c.CellType == "code"))
        {
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                string type = output["output_type"]?.GetValue<string>() ?? "";
                if (type == "error")
                {
                    string name = output["ename"]?.GetValue<string>() ?? "Error";
                    string value = output["evalue"]?.GetValue<string>() ?? "";
                    return new CellError(cell.Number, cell.FirstLine, $"{name}: {value}".Trim());
                }
                if (type == "stream" && output["name"]?.GetValue<string>() == "stderr")
                    return new CellError(cell.Number, cell.FirstLine, "wrote to stderr: " + Notebook.Text(output["text"]));
            }
        }
        return null;
    }
}
