using System.Globalization;
using System.Text.Json.Nodes;

namespace NotebookRunner;

/// <summary>
/// Builds one code cell's outputs from the kernel's events, the way a Jupyter front end shows them: printed text and
/// displayed values in the order they happened (consecutive printed text joined into one stream output, as Jupyter
/// clients do), a display that was updated shown once in its final state, the return value as execute_result, a failure
/// as an error output, and the kernel's own chatter (extension loading, package-install progress) left out.
/// </summary>
public sealed class CellOutputs(int executionCount)
{
    readonly JsonArray _outputs = [];
    readonly Dictionary<string, JsonObject> _byValueId = new(StringComparer.Ordinal);
    readonly HashSet<string> _chatter = new(StringComparer.Ordinal);
    readonly HashSet<string> _warnings = new(StringComparer.Ordinal);
    bool _failed;

    /// <summary>The cell's outputs so far, in nbformat's shape.</summary>
    public JsonArray Outputs => _outputs;

    /// <summary>When the kernel received the cell's code (its first CodeSubmissionReceived), if it said so.</summary>
    public DateTimeOffset? InputAt { get; private set; }

    /// <summary>The outputs of a cell's events, in order.</summary>
    public static CellOutputs From(IEnumerable<KernelEvent> events, int executionCount)
    {
        var outputs = new CellOutputs(executionCount);
        foreach (var e in events) outputs.Add(e);
        return outputs;
    }

    /// <summary>Folds one event of this cell into its outputs.</summary>
    public void Add(KernelEvent e)
    {
        var ev = e.Event;
        switch (e.Type)
        {
            case "CodeSubmissionReceived": InputAt ??= e.At; break;
            case "StandardOutputValueProduced": AppendStream("stdout", PlainText(ev)); break;
            case "StandardErrorValueProduced": AppendStream("stderr", PlainText(ev)); break;
            case "DisplayedValueProduced": AddDisplay(ev, ev["valueId"]?.GetValue<string>()); break;
            case "DisplayedValueUpdated": UpdateDisplay(ev); break;
            case "ReturnValueProduced": AddReturnValue(ev); break;
            case "DiagnosticsProduced": AddWarnings(ev); break;
            case "ErrorProduced" or "CommandFailed": AddFailure(ev); break;
        }
    }

    /// <summary>An error output: the message's first line as its value, every line in its traceback.</summary>
    public void AddError(string name, string message)
    {
        var lines = message.Replace("\r\n", "\n").Split('\n');
        _outputs.Add(new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = name,
            ["evalue"] = lines[0],
            ["traceback"] = new JsonArray(lines.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        });
    }

    /// <summary>The first failure the kernel reports for a cell (CommandFailed repeats an ErrorProduced's message).</summary>
    void AddFailure(JsonObject ev)
    {
        if (_failed) return;
        _failed = true;
        AddError("Error", ev["message"]?.GetValue<string>() ?? "the kernel reported a failure without a message");
    }

    /// <summary>Compiler warnings, as stderr text: what Jupyter front ends show for a kernel diagnostic.</summary>
    void AddWarnings(JsonObject ev)
    {
        foreach (var d in ev["diagnostics"] as JsonArray ?? [])
        {
            if (d?["severity"]?.GetValue<string>() != "warning") continue; // errors also arrive with CommandFailed
            string text = $"warning {d["code"]?.GetValue<string>()}: {d["message"]?.GetValue<string>()}";
            if (_warnings.Add(text)) AppendStream("stderr", text + "\n"); // reported once per sub-submission; shown once
        }
    }

    void AddReturnValue(JsonObject ev)
    {
        var bundle = MimeBundle(ev);
        if (bundle.Count == 0) return;
        _outputs.Add(new JsonObject
        {
            ["output_type"] = "execute_result",
            ["execution_count"] = executionCount,
            ["data"] = bundle,
            ["metadata"] = new JsonObject(),
        });
    }

    void UpdateDisplay(JsonObject ev)
    {
        string? id = ev["valueId"]?.GetValue<string>();
        if (id is not null && _chatter.Contains(id)) return;
        if (id is not null && _byValueId.TryGetValue(id, out var shown)) shown["data"] = MimeBundle(ev);
        else AddDisplay(ev, id); // an update of a value this cell never showed: show it once, later updates replace it
    }

    void AddDisplay(JsonObject ev, string? valueId)
    {
        var bundle = MimeBundle(ev);
        if (IsChatter(bundle))
        {
            if (valueId is not null) _chatter.Add(valueId);
            return;
        }
        if (bundle.Count == 0) return;
        var output = new JsonObject { ["output_type"] = "display_data", ["data"] = bundle, ["metadata"] = CourseMetadata(ev) };
        _outputs.Add(output);
        if (valueId is not null) _byValueId[valueId] = output;
    }

    /// <summary>
    /// The kernel's own messages while a `#r "nuget:…"` cell runs: the package-install box (its progress frames and its
    /// final "Installed Packages" state) and "Loading extensions from `…`" lines naming cache paths. VS Code shows them
    /// while it works; they say nothing about the lesson.
    /// </summary>
    public static bool IsChatter(JsonObject bundle)
    {
        string html = Notebook.Text(bundle["text/html"]);
        if (html.Contains("<strong>Installing Packages</strong>", StringComparison.Ordinal) ||
            html.Contains("<strong>Installed Packages</strong>", StringComparison.Ordinal)) return true;
        string plain = Notebook.Text(bundle["text/plain"]);
        return bundle.Count == 1 && plain.StartsWith("Loading extensions from ", StringComparison.Ordinal);
    }

    void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        if (_outputs.Count > 0 && _outputs[^1] is JsonObject last && last["output_type"]?.GetValue<string>() == "stream" &&
            last["name"]?.GetValue<string>() == name)
        {
            last["text"] = Lines(Notebook.Text(last["text"]) + text);
            return;
        }
        _outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = Lines(text) });
    }

    static string PlainText(JsonObject ev) =>
        (ev["formattedValues"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(f => f["mimeType"]?.GetValue<string>() == "text/plain")
            .Select(f => f["value"]?.GetValue<string>() ?? "").FirstOrDefault() ?? "";

    /// <summary>An nbformat mime bundle from the event's formatted values (each mime type once; suppressed ones left out).</summary>
    static JsonObject MimeBundle(JsonObject ev)
    {
        var data = new JsonObject();
        foreach (var f in (ev["formattedValues"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (f["suppressDisplay"]?.GetValue<bool>() == true) continue;
            string? mime = f["mimeType"]?.GetValue<string>();
            string value = f["value"]?.GetValue<string>() ?? "";
            if (mime is null || data.ContainsKey(mime)) continue;
            JsonNode? node = Lines(value);
            if (mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal)))
            {
                try { node = JsonNode.Parse(value); } catch (System.Text.Json.JsonException) { node = JsonValue.Create(value); }
            }
            data[mime] = node;
        }
        return data;
    }

    /// <summary>The prefix of the course's own mime types (e.g. recorded results).</summary>
    public const string CourseMimePrefix = "application/vnd.d2lsharp.";

    /// <summary>
    /// The course's hidden values (suppressed formatted values of a <see cref="CourseMimePrefix"/> type, such as the records
    /// <c>Course.Record</c> leaves), kept in the output's metadata: machine-readable for the tests, shown by no front end.
    /// </summary>
    static JsonObject CourseMetadata(JsonObject ev)
    {
        var metadata = new JsonObject();
        foreach (var f in (ev["formattedValues"] as JsonArray ?? []).OfType<JsonObject>())
        {
            string? mime = f["mimeType"]?.GetValue<string>();
            if (mime is null || !mime.StartsWith(CourseMimePrefix, StringComparison.Ordinal) || metadata.ContainsKey(mime)) continue;
            string value = f["value"]?.GetValue<string>() ?? "";
            try { metadata[mime] = JsonNode.Parse(value); } catch (System.Text.Json.JsonException) { metadata[mime] = value; }
        }
        return metadata;
    }

    /// <summary>nbformat's multiline string: a list of lines, each keeping its newline, as Jupyter writes them.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Jupyter clients' timestamp format in a cell's `execution` metadata.</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
