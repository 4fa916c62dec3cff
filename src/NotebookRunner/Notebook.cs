using System.Text.Json.Nodes;

namespace NotebookRunner;

/// <summary>A cell of an .ipynb file as the runner and the lint tests see it.</summary>
public sealed record NotebookCell(int Number, string CellType, string Source, JsonArray Outputs, JsonObject Json)
{
    /// <summary>The first non-blank line of the cell's source, for error messages.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}

/// <summary>Reads .ipynb (nbformat 4) files.</summary>
public static class Notebook
{
    public static JsonObject Load(string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (System.Text.Json.JsonException e) { throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e); }
        return node as JsonObject ?? throw new InvalidDataException($"{path}: the top level is not a JSON object.");
    }

    /// <summary>nbformat stores text (a source, a stream, a mime bundle's value) as a string or as a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    /// <summary>A cell's source as one string.</summary>
    public static string SourceOf(JsonObject cell) => Text(cell["source"]);

    /// <summary>Cells numbered from 1 in file order (markdown cells count, as in the editor).</summary>
    public static List<NotebookCell> Cells(JsonObject notebook) =>
        (notebook["cells"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select((c, i) => new NotebookCell(i + 1, c["cell_type"]?.GetValue<string>() ?? "", SourceOf(c),
                c["outputs"] as JsonArray ?? [], c))
            .ToList();

    /// <summary>The first error a cell produced in an executed notebook, or null when there is none.</summary>
    public static CellError? FirstError(JsonObject executed)
    {
        foreach (var cell in Cells(executed).Where(c => c.CellType == "code"))
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
                    return new CellError(cell.Number, cell.FirstLine, "wrote to stderr: " + Text(output["text"]));
            }
        }
        return null;
    }
}

/// <summary>Where and how a notebook failed.</summary>
public sealed record CellError(int CellNumber, string FirstLine, string Message)
{
    /// <summary>The message without libtorch's native stack frames, which say nothing to a learner.</summary>
    public override string ToString() =>
        $"cell {CellNumber} (`{FirstLine}`): " + string.Join('\n', Message.Split('\n')
            .Where(l => !l.TrimStart().StartsWith("frame #", StringComparison.Ordinal) && !l.StartsWith("Exception raised from", StringComparison.Ordinal))
            .Take(12));
}
