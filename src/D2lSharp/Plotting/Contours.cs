using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace D2lSharp.Plotting;

/// <summary>
/// Contour plots of a function of two variables, with gradient arrows and optimization paths drawn on top:
/// the pictures of chapters 04–05 (gradient fields, gradient descent) and of later optimization chapters.
/// </summary>
public static class Contours
{
    /// <summary>
    /// Contour lines of f(x1, x2) over the grid x1 × x2, with <paramref name="overlays"/> (arrows, paths) drawn on top. The
    /// colour bar says which value a colour stands for (<paramref name="valueLabel"/> titles it).
    /// </summary>
    public static GenericChart Plot(Func<double, double, double> f, double[] x1, double[] x2, IEnumerable<GenericChart>? overlays = null,
        string? title = null, int contours = 20, int width = 600, int height = 600, string valueLabel = "f(x1, x2)")
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        if (x1.Length < 2 || x2.Length < 2)
            throw new ArgumentException($"The grid needs at least 2 values per axis; got {x1.Length} × {x2.Length}.", x1.Length < 2 ? nameof(x1) : nameof(x2));
        var z = x2.Select(b => x1.Select(a => f(a, b)).ToArray()).ToArray(); // rows follow x2 (vertical), columns x1
        var contour = Chart.Contour<double, double, double, string>(z, X: x1, Y: x2, NContours: contours, ShowScale: true, Name: "f",
            ShowLegend: false);
        foreach (var trace in GenericChart.getTraces(contour))
            trace.SetProperty("colorbar", ChartLayout.Obj(("title", ChartLayout.Obj(("text", valueLabel), ("side", "right"))), ("thickness", 14)));
        var chart = Chart.Combine(new[] { contour }.Concat(overlays ?? []));
        // The legend sits below the plot area, where it covers no arrow or path; x1 and x2 share one scale, so that
        // right angles (a gradient crossing its contour line) and step lengths look as they are.
        var styled = ChartLayout.Apply(chart, width, height, title, new Axis("x1", Range: (x1.Min(), x1.Max())), new Axis("x2", Range: (x2.Min(), x2.Max())),
            legend: ChartLayout.Obj(("orientation", "h"), ("x", 0.0), ("xanchor", "left"), ("y", -0.12), ("yanchor", "top")));
        return ChartStyle.EqualScale(styled);
    }

    /// <summary>Contour lines of f(x1, x2) with point sets or curves (<see cref="Curve"/>) drawn on top, e.g. labelled data.</summary>
    public static GenericChart Plot(Func<double, double, double> f, double[] x1, double[] x2, IEnumerable<Curve> overlays,
        string? title = null, int contours = 20, int width = 600, int height = 600, string valueLabel = "f(x1, x2)")
    {
        ArgumentNullException.ThrowIfNull(overlays);
        var traces = overlays.Select(c => Plots.CurveTrace(c, showLegend: true)).ToList();
        return Plot(f, x1, x2, traces.Count == 0 ? [] : [GenericChart.ofTraceObjects(true, traces)], title, contours, width, height, valueLabel);
    }

    /// <summary>
    /// A quiver: one line segment from each point (x, y) to (x + scale·dx, y + scale·dy), with a dot at the base,
    /// all in one trace (segments separated by gaps).
    /// </summary>
    public static GenericChart Arrows(double[] x, double[] y, double[] dx, double[] dy, double scale = 1, string name = "gradient", string color = "white")
    {
        ArgumentNullException.ThrowIfNull(x);
        if (y.Length != x.Length || dx.Length != x.Length || dy.Length != x.Length)
            throw new ArgumentException($"x, y, dx and dy must have the same length; got {x.Length}, {y.Length}, {dx.Length}, {dy.Length}.", nameof(dx));
        var lineX = new List<object?>(); var lineY = new List<object?>();
        for (int i = 0; i < x.Length; i++)
        {
            lineX.AddRange([x[i], x[i] + scale * dx[i], null]); // null breaks the line: plotly draws a gap
            lineY.AddRange([y[i], y[i] + scale * dy[i], null]);
        }
        var segments = Chart.Line<double, double, string>([0.0], [0.0], Name: name, LineColor: Color.fromString(color), ShowLegend: true);
        foreach (var trace in GenericChart.getTraces(segments))
        {
            trace.SetProperty("x", lineX.ToArray()); // Chart.Line takes no nullable values, so the data are set on the trace
            trace.SetProperty("y", lineY.ToArray());
        }
        var bases = Chart.Point<double, double, string>(x, y, Name: name + " (base)", MarkerColor: Color.fromString(color), ShowLegend: false);
        return Chart.Combine([segments, bases]);
    }

    /// <summary>A sequence of points (e.g. gradient-descent iterates) drawn as a line with markers.</summary>
    public static GenericChart Path(IReadOnlyList<(double X1, double X2)> points, string name, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("The path has no points.", nameof(points));
        return color is null
            ? Chart.Line<double, double, string>(points.Select(p => p.X1), points.Select(p => p.X2), Name: name, ShowMarkers: true, ShowLegend: true)
            : Chart.Line<double, double, string>(points.Select(p => p.X1), points.Select(p => p.X2), Name: name, ShowMarkers: true, ShowLegend: true,
                LineColor: Color.fromString(color), MarkerColor: Color.fromString(color));
    }

}
