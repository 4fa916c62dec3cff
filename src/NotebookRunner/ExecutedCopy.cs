using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner;

/// <summary>The executed copy of a notebook: prepared from the source (nbformat 4.5, cell ids), written as Jupyter writes notebooks.</summary>
public static class ExecutedCopy
{
    static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 1, // as Jupyter writes notebooks
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese text stays readable in the file
    };

    /// <summary>A deep copy of <paramref name="source"/> as nbformat 4.5, every cell with an id.</summary>
    public static JsonObject Prepare(JsonObject source)
    {
        var copy = (JsonObject)source.DeepClone();
        int minor = source["nbformat_minor"] is JsonValue v && v.TryGetValue(out int m) ? m : 0;
        copy["nbformat"] = 4;
        copy["nbformat_minor"] = Math.Max(5, minor);
        AssignCellIds(copy["cells"] as JsonArray ?? []);
        return copy;
    }

    public static Task WriteAsync(string path, JsonObject copy) =>
        File.WriteAllTextAsync(path, copy.ToJsonString(Written) + "\n", new UTF8Encoding(false), CancellationToken.None);

    /// <summary>A code cell that did not run: no outputs, no execution count.</summary>
    public static void Clear(JsonObject cell)
    {
        cell["outputs"] = new JsonArray();
        cell["execution_count"] = null;
    }

    /// <summary>nbformat 4.5 wants a unique id on every cell; ids already in the file are kept.</summary>
    static void AssignCellIds(JsonArray cells)
    {
        var used = new HashSet<string>(cells.OfType<JsonObject>().Select(c => c["id"]?.GetValue<string>()).OfType<string>(), StringComparer.Ordinal);
        int n = 0;
        foreach (var cell in cells.OfType<JsonObject>())
        {
            n++;
            if (cell["id"] is not null) continue;
            string id = $"cell-{n}";
            while (!used.Add(id)) id += "x";
            // keep the id next to the cell type, where Jupyter writes it
            var entries = cell.ToList();
            cell.Clear();
            foreach (var (key, value) in entries)
            {
                cell[key] = value;
                if (key == "cell_type") cell["id"] = id;
            }
            if (cell["id"] is null) cell["id"] = id;
        }
    }
}
