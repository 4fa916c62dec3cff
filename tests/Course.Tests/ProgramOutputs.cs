using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>One thing a lesson shows, in order: text (printed, or a value's text/plain), or a figure (a chart or picture drawn as HTML).</summary>
public sealed record Shown(bool Figure, string Text);

/// <summary>
/// What a notebook's executed copy and its program's output show, as comparable sequences. The notebook's text is its printed
/// text and the text/plain of every displayed value (the kernel publishes text/plain next to the HTML for tensors, tables,
/// feedback and plain values); an output with HTML alone is a figure. The program prints the same text, and for each figure a
/// line <c>chart: path</c> or <c>picture: path</c>. Measurements of the running process are masked on both sides, the one
/// thing that may differ between a kernel and a program: timings, and memory amounts (notebook 12 reads the C heap, which holds
/// the kernel's own allocations too).
/// </summary>
public static partial class ProgramOutputs
{
    /// <summary>The outputs of every code cell of an executed copy, consecutive text joined (the setup's build line left out).</summary>
    public static List<Shown> OfNotebook(JsonObject executed)
    {
        var shown = new List<Shown>();
        bool setup = true;
        foreach (var cell in Notebook.Cells(executed).Where(c => c.CellType == "code"))
        {
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                string type = output["output_type"]?.GetValue<string>() ?? "";
                if (type == "stream" && setup) Add(shown, false, LibraryBuilt().Replace(Notebook.Text(output["text"]), ""));
                else if (type == "stream") Add(shown, false, Notebook.Text(output["text"]));
                else if (type == "error") Add(shown, false, $"error: {output["evalue"]}\n");
                else if (output["data"] is JsonObject data)
                {
                    if (data["text/plain"] is { } plain) Add(shown, false, Notebook.Text(plain) + "\n");
                    else if (data["text/html"] is { } html) Add(shown, true, Notebook.Text(html));
                }
            }
            setup = false;
        }
        shown.RemoveAll(s => !s.Figure && s.Text.Length == 0);
        return shown;
    }

    /// <summary>
    /// The line the setup cell prints when it had to build the library first (EnsureBuilt.csx, after a source changed): a
    /// program's build does that step (<c>#:project</c>), so it is not lesson output.
    /// </summary>
    [GeneratedRegex(@"^Built the course library .*\n", RegexOptions.Multiline)]
    private static partial Regex LibraryBuilt();

    /// <summary>A program's standard output, with each figure line as a figure (its text is the file's path).</summary>
    public static List<Shown> OfProgram(string output)
    {
        var shown = new List<Shown>();
        foreach (var line in output.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
        {
            var figure = FigureLine().Match(line);
            if (figure.Success) Add(shown, true, figure.Groups[2].Value);
            else Add(shown, false, line + "\n");
        }
        return shown;
    }

    static void Add(List<Shown> shown, bool figure, string text)
    {
        if (!figure && shown.Count > 0 && !shown[^1].Figure) shown[^1] = new Shown(false, shown[^1].Text + text);
        else shown.Add(new Shown(figure, text));
    }

    /// <summary>The figure line a program prints (see D2lSharp's ProgramDisplay).</summary>
    [GeneratedRegex(@"^(chart|picture): (.+\.html)$")]
    public static partial Regex FigureLine();

    /// <summary>
    /// Text with its measurements masked: a number of seconds or milliseconds ("0.93 s", "12 ms", "took 1.2 s") and a ratio of
    /// two timings ("2.0x as long", "about 67,551× faster"), with the blanks around a timing, which pad a table column to the
    /// timing's width ("  9.8 s" on one run, " 12.3 s" on the next); on a line that reports an amount of memory ("4.361 MB"), every
    /// number, since what it says follows from those readings (e.g. "the largest gap is at 4 hidden layers"). Every other number
    /// must agree.
    /// </summary>
    public static string MaskMeasurements(string text) =>
        string.Join("\n", text.Split('\n').Select(line => Memory().IsMatch(line)
            ? AnyNumber().Replace(line, "⟨n⟩")
            : TimingRatio().Replace(Timing().Replace(line, " ⟨time⟩ "), "⟨ratio⟩")));

    [GeneratedRegex(@"[+-]?\d[\d,]*(?:\.\d+)?")]
    private static partial Regex AnyNumber();

    [GeneratedRegex(@"[ \t]*\b\d+(?:[.,]\d+)?\s?(?:ms|s)\b[ \t]*")]
    private static partial Regex Timing();

    [GeneratedRegex(@"[+-]?\b\d[\d,]*(?:\.\d+)?\s?(?:[kKMG]B)\b")]
    private static partial Regex Memory();

    /// <summary>An axis title that says its values are measured: a memory or time unit.</summary>
    [GeneratedRegex(@"\b(?:[kKMG]B|ms|seconds?)\b|\(s\)")]
    private static partial Regex MeasuredAxis();

    [GeneratedRegex(@"\b\d[\d,]*(?:\.\d+)?\s?[x×](?=\s+(?:as long|faster|slower)\b)")]
    private static partial Regex TimingRatio();

    /// <summary>
    /// Null when both show the same, in the same order; otherwise where they first differ: which output, and the first
    /// differing line of text on each side, or how a figure differs (<paramref name="readFigure"/> reads a program's figure file).
    /// </summary>
    public static string? Difference(List<Shown> notebook, List<Shown> program, Func<string, string> readFigure)
    {
        for (int i = 0; i < Math.Max(notebook.Count, program.Count); i++)
        {
            if (i >= notebook.Count) return $"the program shows more: {Describe(program[i])}";
            if (i >= program.Count) return $"the program stops before the notebook's {Describe(notebook[i])}";
            var (n, p) = (notebook[i], program[i]);
            if (n.Figure != p.Figure)
                return $"output {i + 1}: the notebook shows {Describe(n)}, the program {Describe(p)}";
            if (n.Figure)
            {
                if (FigureDifference(n.Text, readFigure(p.Text)) is { } figure) return $"output {i + 1}, {p.Text}: {figure}";
                continue;
            }
            var nLines = MaskMeasurements(n.Text).Split('\n');
            var pLines = MaskMeasurements(p.Text).Split('\n');
            for (int l = 0; l < Math.Max(nLines.Length, pLines.Length); l++)
            {
                string a = l < nLines.Length ? nLines[l] : "(nothing)", b = l < pLines.Length ? pLines[l] : "(nothing)";
                if (a != b) return $"output {i + 1}, line {l + 1}:\n  notebook: {a}\n  program:  {b}";
            }
        }
        return null;
    }

    /// <summary>
    /// Null when a program's figure page draws what the notebook's HTML output draws: for a chart the same plotly.js data and
    /// layout (the JSON Plotly.NET writes into both; on an axis whose title names a memory or time unit the values are
    /// measurements, and only the traces' other properties are compared), for a picture the same markup.
    /// </summary>
    public static string? FigureDifference(string notebookHtml, string programHtml)
    {
        var (data, layout) = (Script(notebookHtml, "data"), Script(notebookHtml, "layout"));
        if (data is null) return programHtml.Contains(notebookHtml.Trim(), StringComparison.Ordinal) ? null : "the picture's markup differs";
        if (Script(programHtml, "layout") != layout) return "the chart's layout differs";
        var measured = MeasuredAxes(layout);
        string? programData = Script(programHtml, "data");
        if (programData is null || WithoutMeasured(programData, measured) != WithoutMeasured(data, measured)) return "the chart's data differ";
        return null;
    }

    /// <summary>"x" and/or "y" when that axis's title names a measured unit.</summary>
    static string[] MeasuredAxes(string? layout)
    {
        if (layout is null || JsonNode.Parse(layout) is not JsonObject l) return [];
        return new[] { "x", "y" }.Where(a => l[a + "axis"]?["title"]?["text"]?.GetValue<string>() is { } title && MeasuredAxis().IsMatch(title)).ToArray();
    }

    static string WithoutMeasured(string data, string[] axes)
    {
        if (axes.Length == 0 || JsonNode.Parse(data) is not JsonArray traces) return data;
        foreach (var trace in traces.OfType<JsonObject>())
            foreach (var axis in axes) trace.Remove(axis);
        return traces.ToJsonString();
    }

    /// <summary>The JSON of <c>var name = …;</c> in a Plotly.NET chart's script, or null.</summary>
    static string? Script(string html, string name) =>
        Regex.Match(html, $@"\bvar {name} = (.*?);\s*\n") is { Success: true } m ? m.Groups[1].Value : null;

    static string Describe(Shown s) => s.Figure ? $"a figure ({Short(s.Text)})" : $"text \"{Short(s.Text)}\"";

    static string Short(string text)
    {
        string line = text.Split('\n')[0];
        return line.Length > 100 ? line[..100] + "…" : line;
    }
}
