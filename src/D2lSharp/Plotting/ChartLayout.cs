using Plotly.NET;

namespace D2lSharp.Plotting;

/// <summary>
/// An axis of a course chart: its label, and optionally a log scale or a fixed range. A category axis places named values
/// (bar labels) instead of numbers; on a linear axis plotly.js would draw no bar for them.
/// </summary>
internal sealed record Axis(string Label, bool Log = false, (double Min, double Max)? Range = null, string? ScaleAnchor = null, bool Category = false);

/// <summary>
/// The one layout every 2-D chart of the course shares (size, margins, title, labelled axes), written as
/// plotly.js JSON because Plotly.NET's typed layout API is awkward to call from C#.
/// </summary>
internal static class ChartLayout
{
    public static GenericChart Apply(GenericChart chart, int width, int height, string? title, Axis x, Axis y, DynamicObj.DynamicObj? legend = null)
    {
        var layout = new Layout();
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("margin", Obj(("l", 60), ("r", 20), ("t", title is null ? 20 : 50), ("b", 50)));
        if (title is not null) layout.SetProperty("title", Obj(("text", title)));
        layout.SetProperty("xaxis", AxisJson(x));
        layout.SetProperty("yaxis", AxisJson(y));
        if (legend is not null) layout.SetProperty("legend", legend);
        return GenericChart.addLayout(layout, chart);
    }

    static DynamicObj.DynamicObj AxisJson(Axis a) =>
        Obj(("title", Obj(("text", a.Label))), ("type", a.Log ? "log" : a.Category ? "category" : "linear"),
            ("exponentformat", a.Log ? "power" : null), // 10⁻⁶ rather than plotly's default "1µ" on log axes
            // plotly.js takes a log axis's range in powers of ten
            ("range", a.Range is var (min, max) ? (a.Log ? new[] { Math.Log10(min), Math.Log10(max) } : new[] { min, max }) : null),
            ("scaleanchor", a.ScaleAnchor), ("scaleratio", a.ScaleAnchor is null ? null : 1));

    /// <summary>A plotly.js JSON object from (key, value) pairs; null values are left out.</summary>
    public static DynamicObj.DynamicObj Obj(params (string Key, object? Value)[] properties)
    {
        var o = new DynamicObj.DynamicObj();
        foreach (var (k, v) in properties)
            if (v is not null) o.SetProperty(k, v);
        return o;
    }
}
