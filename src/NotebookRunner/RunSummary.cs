using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner;

/// <summary>course-run.json: the kernel, the settings, and per notebook its file name, seconds, success, first error and slowest cells (the book reads it).</summary>
public static class RunSummary
{
    public static void Write(string path, IReadOnlyList<RunResult> results, string kernelVersion, RunOptions options, int jobs, TimeSpan wall)
    {
        var json = new JsonObject
        {
            ["kernel"] = "Microsoft.dotnet-interactive " + kernelVersion,
            ["jobs"] = jobs,
            ["environment"] = new JsonObject(options.Environment.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
            ["wallSeconds"] = Math.Round(wall.TotalSeconds, 1),
            ["notebooks"] = new JsonArray(results.Select(Entry).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    static JsonNode Entry(RunResult r) => new JsonObject
    {
        ["file"] = Path.GetFileName(r.Notebook),
        ["seconds"] = Math.Round(r.Elapsed.TotalSeconds, 1),
        ["succeeded"] = r.Succeeded,
        ["error"] = r.Error?.ToString(),
        ["slowestCells"] = new JsonArray(r.Slowest(3).Select(c => (JsonNode)new JsonObject
        {
            ["cell"] = c.CellNumber,
            ["firstLine"] = c.FirstLine,
            ["seconds"] = Math.Round(c.Seconds, 1),
        }).ToArray()),
    };
}
