using Plotly.NET;

namespace D2lSharp.Plotting;

/// <summary>
/// Course plumbing: layout fixes that make a chart tell the truth — equal axis scales where the picture is geometry
/// (circles, gradients, descent paths), and a fixed colour range where the point is "all about equal".
/// </summary>
public static class ChartStyle
{
    /// <summary>One unit on the y axis is as long on screen as one unit on the x axis (a circle looks round).</summary>
    public static GenericChart EqualScale(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = new Layout();   // merged into the chart's layout, keeping the axis title and range already there
        layout.SetProperty("yaxis", ChartLayout.Obj(("scaleanchor", "x"), ("scaleratio", 1)));
        return GenericChart.addLayout(layout, chart);
    }

    /// <summary>
    /// Colours of a heatmap or contour chart span [<paramref name="min"/>, <paramref name="max"/>] instead of the data's own
    /// range, so that small differences (sampling noise) look small.
    /// </summary>
    public static GenericChart ColorRange(GenericChart chart, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (!(min < max)) throw new ArgumentException($"The colour range needs min < max; got [{min}, {max}].", nameof(max));
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("zmin", min);
            trace.SetProperty("zmax", max);
            trace.SetProperty("zauto", false);
        }
        return chart;
    }
}
