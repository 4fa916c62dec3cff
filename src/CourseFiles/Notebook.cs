using System.Text.Json.Nodes;

namespace CourseFiles;

/// <summary>Reads .ipynb (nbformat 4) files: the one reader the runner, the book and the tests use.</summary>
public static class Notebook
{
    /// <summary>The notebook's JSON; a file that is not a JSON object gets an error naming the file and the problem.</summary>
    public static JsonObject Load(string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (System.Text.Json.JsonException e) { throw new InvalidDataException($"{Path.GetFileName(path)} is not valid JSON ({e.Message}); expected a notebook (nbformat 4).", e); }
        return node as JsonObject ?? throw new InvalidDataException($"{Path.GetFileName(path)}: the top level is not a JSON object; expected a notebook (nbformat 4).");
    }

    /// <summary>nbformat stores text (a source, a stream, a mime bundle's value) as a string or as a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l is JsonValue v && v.TryGetValue(out string? s) ? s : "")),
        JsonValue value when value.TryGetValue(out string? s) => s,
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

    /// <summary>All text a code cell printed or displayed as text/plain, in order.</summary>
    public static string OutputText(NotebookCell cell) => string.Concat(cell.Outputs.OfType<JsonObject>().Select(o =>
        o["output_type"]?.GetValue<string>() == "stream" ? Text(o["text"])
        : o["data"]?["text/plain"] is { } plain ? Text(plain) + "\n" : ""));

    /// <summary>The mime type under which <c>Course.Record</c> leaves its values in an output's metadata.</summary>
    public const string RecordsMimeType = "application/vnd.d2lsharp.records+json";

    /// <summary>Every value an executed notebook recorded with <c>Course.Record</c>, in order, with the cell that recorded it.</summary>
    public static List<(int Cell, string Name, double Value)> Records(JsonObject executed)
    {
        var records = new List<(int, string, double)>();
        foreach (var cell in Cells(executed).Where(c => c.CellType == "code"))
            foreach (var output in cell.Outputs.OfType<JsonObject>())
                foreach (var r in output["metadata"]?[RecordsMimeType] as JsonArray ?? [])
                {
                    string name = r?["name"]?.GetValue<string>() ?? "";
                    var v = r?["value"];
                    double value = v is JsonValue jv && jv.TryGetValue(out double d) ? d
                        : double.TryParse(v?.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out d) ? d : double.NaN;
                    records.Add((cell.Number, name, value));
                }
        return records;
    }

    /// <summary>The value recorded under <paramref name="name"/>; fails with the names that were recorded when there is none.</summary>
    public static double Record(JsonObject executed, string name)
    {
        var all = Records(executed);
        var hits = all.Where(r => r.Name == name).ToList();
        if (hits.Count == 1) return hits[0].Value;
        throw new KeyNotFoundException(hits.Count == 0
            ? $"No value is recorded as '{name}'. Recorded: {string.Join("; ", all.Select(r => r.Name))}."
            : $"'{name}' is recorded {hits.Count} times (cells {string.Join(", ", hits.Select(h => h.Cell))}); record each result once.");
    }
}
