using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner;

namespace Course.Tests;

/// <summary>
/// Every Plotly chart in every executed notebook, read back from its HTML output, is checked for what can be checked
/// mechanically: both axes titled, geometry drawn at one scale, and no trace hidden exactly behind an identical one.
/// </summary>
public class ChartTruthTests
{
    public static TheoryData<string> Notebooks() => NotebookTests.Notebooks();

    /// <summary>A chart's data and layout, as the executed copy's HTML hands them to Plotly.newPlot.</summary>
    public sealed record PlotlyChart(int Cell, JsonArray Data, JsonObject Layout);

    static readonly Regex PlotlyCall = new(@"var data = (\[.*?\]);\s*var layout = (\{.*?\});\s*var config", RegexOptions.Singleline);

    public static List<PlotlyChart> ChartsOf(JsonObject executed)
    {
        var charts = new List<PlotlyChart>();
        foreach (var cell in Notebook.Cells(executed).Where(c => c.CellType == "code"))
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                string html = Notebook.Text(output["data"]?["text/html"]);
                foreach (Match m in PlotlyCall.Matches(html))
                    charts.Add(new PlotlyChart(cell.Number, JsonNode.Parse(m.Groups[1].Value)!.AsArray(), JsonNode.Parse(m.Groups[2].Value)!.AsObject()));
            }
        return charts;
    }

    static string? AxisTitle(JsonObject layout, string axis) => layout[axis]?["title"] switch
    {
        JsonObject t => t["text"]?.GetValue<string>(),
        JsonValue v => v.GetValue<string>(),
        _ => null,
    };

    /// <summary>Image grids lay out many small axes (xaxis2, …) whose pictures need no titles.</summary>
    static bool IsImageGrid(PlotlyChart c) => c.Layout.Any(p => Regex.IsMatch(p.Key, @"^[xy]axis\d+$"));

    /// <summary>Two axes that are coordinates of one plane (x₁ and x₂, w1 and w2) must share one scale.</summary>
    static bool IsGeometry(PlotlyChart c) =>
        c.Data.Any(t => t?["type"]?.GetValue<string>() == "contour")
        || (AxisTitle(c.Layout, "xaxis") is { } x && AxisTitle(c.Layout, "yaxis") is { } y
            && Regex.Match(x, @"^([a-zA-Z])\s*(₁|1)$") is { Success: true } mx && Regex.Match(y, @"^([a-zA-Z])\s*(₂|2)$") is { Success: true } my
            && mx.Groups[1].Value == my.Groups[1].Value);

    [Theory, MemberData(nameof(Notebooks))]
    public async Task Every_chart_titles_its_axes_draws_geometry_at_one_scale_and_hides_no_trace(string name)
    {
        var charts = ChartsOf(await ExecutedCourse.LoadAsync(name));
        foreach (var chart in charts.Where(c => !IsImageGrid(c)))
        {
            string where = $"{name}, cell {chart.Cell}";
            Assert.False(string.IsNullOrWhiteSpace(AxisTitle(chart.Layout, "xaxis")), $"{where}: the x axis has no title");
            Assert.False(string.IsNullOrWhiteSpace(AxisTitle(chart.Layout, "yaxis")), $"{where}: the y axis has no title");
            if (IsGeometry(chart))
                Assert.True(chart.Layout["yaxis"]?["scaleanchor"]?.GetValue<string>() == "x",
                    $"{where}: a chart of {AxisTitle(chart.Layout, "xaxis")} against {AxisTitle(chart.Layout, "yaxis")} must draw both at one scale (scaleanchor)");
            foreach (var (earlier, later) in HiddenPairs(chart))
                Assert.Fail($"{where}: traces '{earlier["name"]}' and '{later["name"]}' have the same points and the same style, so the later one hides the earlier");
        }
    }

    /// <summary>Pairs of traces drawn at the same time (in one step of a slider, or both visible) where the later hides the earlier.</summary>
    static List<(JsonObject Earlier, JsonObject Later)> HiddenPairs(PlotlyChart chart)
    {
        var traces = chart.Data.OfType<JsonObject>().ToList();
        static bool Drawn(JsonNode? visible) => visible is not JsonValue v || (v.TryGetValue(out bool b) ? b : v.ToString() != "legendonly");
        // What a reader can see at once: each slider step shows the traces its "visible" list names; a chart without a slider has one view.
        var steps = chart.Layout["sliders"]?[0]?["steps"] as JsonArray;
        var views = steps is { Count: > 0 }
            ? steps.Select(s => s?["args"]?[0]?["visible"] is JsonArray shown ? shown.Select(Drawn).ToArray() : traces.Select(t => Drawn(t["visible"])).ToArray()).ToList()
            : [traces.Select(t => Drawn(t["visible"])).ToArray()];
        var pairs = new List<(JsonObject, JsonObject)>();
        for (int i = 0; i < traces.Count; i++)
            for (int j = i + 1; j < traces.Count; j++)
                if (views.Any(v => i < v.Length && j < v.Length && v[i] && v[j]) && HiddenBehind(traces[i], traces[j]))
                    pairs.Add((traces[i], traces[j]));
        return pairs;
    }

    /// <summary>Same points, same mode and no difference of line or marker style: the later trace covers the earlier entirely.</summary>
    static bool HiddenBehind(JsonObject a, JsonObject b)
    {
        static string Key(JsonObject t, string p) => t[p]?.ToJsonString() ?? "";
        if (Key(a, "x") != Key(b, "x") || Key(a, "y") != Key(b, "y") || Key(a, "x").Length == 0) return false;
        if (Key(a, "type") != Key(b, "type") || Key(a, "mode") != Key(b, "mode")) return false;
        static string Style(JsonObject t) =>
            (t["line"]?["dash"]?.ToJsonString() ?? "") + (t["line"]?["width"]?.ToJsonString() ?? "") + (t["marker"]?["symbol"]?.ToJsonString() ?? "") +
            (t["marker"]?["size"]?.ToJsonString() ?? "");
        return Style(a) == Style(b);
    }

    [Fact]
    public void The_checks_catch_what_they_are_for()
    {
        static JsonObject Trace(string name, string dash = "") => JsonNode.Parse(
            $$"""{"type":"scatter","mode":"lines","name":"{{name}}","x":[1,2],"y":[3,4]{{(dash.Length > 0 ? $",\"line\":{{\"dash\":\"{dash}\"}}" : "")}}}""")!.AsObject();
        Assert.True(HiddenBehind(Trace("a"), Trace("b")));
        Assert.False(HiddenBehind(Trace("a"), Trace("b", dash: "dash")));
        // A slider shows one step at a time: the same data in two steps hides nothing, the same data twice in one step does.
        var slider = JsonNode.Parse("""{"sliders":[{"steps":[{"args":[{"visible":[true,false,true]}]},{"args":[{"visible":[false,true,false]}]}]}]}""")!.AsObject();
        Assert.Single(HiddenPairs(new PlotlyChart(1, [Trace("a"), Trace("a in step 2"), Trace("a again")], slider)));
        Assert.Empty(HiddenPairs(new PlotlyChart(1, [Trace("a"), Trace("a in step 2")], slider)));
        var circle = new PlotlyChart(1, [], JsonNode.Parse("""{"xaxis":{"title":{"text":"x₁"}},"yaxis":{"title":{"text":"x₂"}}}""")!.AsObject());
        Assert.True(IsGeometry(circle));
        var curve = new PlotlyChart(1, [], JsonNode.Parse("""{"xaxis":{"title":{"text":"x"}},"yaxis":{"title":{"text":"f(x)"}}}""")!.AsObject());
        Assert.False(IsGeometry(curve));
    }
}
