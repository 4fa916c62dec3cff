using D2lSharp.Display;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using TorchSharp;
using Chart = Plotly.NET.CSharp.Chart;
using static TorchSharp.torch;

namespace D2lSharp.Plotting;

/// <summary>A named series of y values over a shared x, for <see cref="Plots.Plot(double[], Series[], string, string, string?, bool, bool, int, int, ValueTuple{double, double}?, ValueTuple{double, double}?)"/>.</summary>
public sealed record Series(string Name, double[] Y, bool Markers = false);

/// <summary>
/// d2l's plotting helpers over Plotly.NET: several named series on one chart, scatter plots,
/// and an image grid with titles. Every chart gets axis labels, a legend where it helps, and a sensible size.
/// </summary>
public static class Plots
{
    public const int DefaultWidth = 640, DefaultHeight = 400;

    /// <summary>Course plumbing (plotting); d2l <c>plot</c>. One or more named curves over the same x values.</summary>
    public static GenericChart Plot(double[] x, Series[] series, string xLabel = "x", string yLabel = "y",
        string? title = null, bool logX = false, bool logY = false, int width = DefaultWidth, int height = DefaultHeight,
        (double Min, double Max)? xRange = null, (double Min, double Max)? yRange = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (series is null || series.Length == 0) throw new ArgumentException("Give at least one series to plot.", nameof(series));
        foreach (var s in series)
            if (s.Y.Length != x.Length)
                throw new ArgumentException($"Series '{s.Name}' has {s.Y.Length} values but x has {x.Length}; they must match.", nameof(series));
        var traces = series.Select(s => Chart.Line<double, double, string>(x, s.Y, Name: s.Name, ShowMarkers: s.Markers, ShowLegend: series.Length > 1));
        return ChartLayout.Apply(Chart.Combine(traces), width, height, title, new Axis(xLabel, logX, CheckRange(xRange, logX, nameof(xRange))),
            new Axis(yLabel, logY, CheckRange(yRange, logY, nameof(yRange))));
    }

    /// <summary>Course plumbing (plotting); d2l <c>plot</c> of one curve y(x).</summary>
    public static GenericChart Plot(double[] x, double[] y, string xLabel = "x", string yLabel = "y", string? title = null,
        bool logX = false, bool logY = false, int width = DefaultWidth, int height = DefaultHeight) =>
        Plot(x, [new Series(yLabel, y)], xLabel, yLabel, title, logX, logY, width, height);

    /// <summary>Course plumbing (plotting); d2l <c>plot</c> of curves given as 1-d tensors (any dtype): <c>Plot(x, ("f(x)", y), ("tangent", t))</c>.</summary>
    public static GenericChart Plot(Tensor x, params (string Name, Tensor Y)[] series) =>
        Plot(ToArray(x), series.Select(s => new Series(s.Name, ToArray(s.Y))).ToArray());

    /// <summary>Points (x, y) as markers, optionally on top of other charts via <c>Chart.Combine</c>.</summary>
    public static GenericChart Scatter(double[] x, double[] y, string name = "data", string xLabel = "x", string yLabel = "y",
        string? title = null, int width = DefaultWidth, int height = DefaultHeight)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}; they must match.", nameof(y));
        var chart = Chart.Point<double, double, string>(x, y, Name: name, ShowLegend: true,
            Opacity: 0.7);
        return Style(chart, xLabel, yLabel, title, false, false, width, height);
    }

    /// <summary>Points given as 1-d tensors.</summary>
    public static GenericChart Scatter(Tensor x, Tensor y, string name = "data", string xLabel = "x", string yLabel = "y", string? title = null) =>
        Scatter(ToArray(x), ToArray(y), name, xLabel, yLabel, title);

    /// <summary>
    /// Course plumbing (plotting); d2l <c>show_images</c>. Grayscale images in a grid with a title above each.
    /// <paramref name="images"/> has shape (n, height, width) or (n, 1, height, width), values in any range.
    /// </summary>
    public static GenericChart ImageGrid(Tensor images, IReadOnlyList<string>? titles = null, int columns = 8, int cellSize = 110)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = NewDisposeScope(); // the squeezed view and the float64 copy go with it
        if (images.dim() == 4 && images.shape[1] == 1) images = images.squeeze(1);
        if (images.dim() != 3)
            throw new ArgumentException($"Expected images of shape (n, height, width) or (n, 1, height, width); got {TensorFormatter.Shape(images)}.", nameof(images));
        int n = (int)images.shape[0];
        if (n == 0) throw new ArgumentException("There are no images to show (the first axis has length 0).", nameof(images));
        if (titles is not null && titles.Count != n)
            throw new ArgumentException($"Got {titles.Count} titles for {n} images; give one title per image.", nameof(titles));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be at least 1.");
        columns = Math.Min(columns, n);
        int rows = (n + columns - 1) / columns, h = (int)images.shape[1], w = (int)images.shape[2];
        var pixels = images.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();

        var cells = new List<GenericChart>();
        for (int i = 0; i < rows * columns; i++)
        {
            var z = new double[h][];
            for (int r = 0; r < h; r++)
            {
                z[r] = new double[w];
                if (i < n) Array.Copy(pixels, (long)i * h * w + (long)r * w, z[r], 0, w);
            }
            cells.Add(Chart.Heatmap<double, int, int, string>(z, ColorScale: StyleParam.Colorscale.Greys, ReverseScale: true,
                ShowScale: false));
        }
        var subtitles = Enumerable.Range(0, rows * columns).Select(i => i < n && titles is not null ? titles[i] : "").ToArray();
        var grid = Chart.Grid(cells, rows, columns, SubPlotTitles: subtitles, XGap: 0.08, YGap: 0.25);
        var layout = new Layout();
        layout.SetProperty("width", columns * cellSize);
        layout.SetProperty("height", rows * (cellSize + 20) + 40);
        layout.SetProperty("showlegend", false);
        layout.SetProperty("margin", ChartLayout.Obj(("l", 10), ("r", 10), ("t", 40), ("b", 10)));
        for (int i = 1; i <= rows * columns; i++)
        {
            string suffix = i == 1 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var axis in new[] { "xaxis", "yaxis" })
                layout.SetProperty(axis + suffix, ChartLayout.Obj(("showgrid", false), ("showticklabels", false), ("zeroline", false), ("ticks", ""),
                    ("autorange", axis == "yaxis" ? "reversed" : true), ("scaleanchor", axis == "yaxis" ? "x" + suffix : null)));
        }
        return GenericChart.addLayout(layout, grid);
    }

    /// <summary>
    /// Course plumbing (plotting); the picture of d2l's <c>predict_ch3</c> (notebook 08 computes the predicted labels itself
    /// and passes them): the first <paramref name="n"/> Fashion-MNIST images, each titled with its true label over the
    /// predicted one (a mistake is marked ✗). Labels are class indices (1-d tensors).
    /// </summary>
    public static GenericChart Predictions(Tensor images, Tensor trueLabels, Tensor predictedLabels, int n = 8)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(trueLabels);
        ArgumentNullException.ThrowIfNull(predictedLabels);
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 1; got {n}.");
        if (images.dim() == 0 || trueLabels.dim() != 1 || predictedLabels.dim() != 1
            || trueLabels.shape[0] != images.shape[0] || predictedLabels.shape[0] != images.shape[0])
            throw new ArgumentException(
                $"Give one true and one predicted label per image: images {TensorFormatter.Shape(images)}, true labels {TensorFormatter.Shape(trueLabels)}, " +
                $"predicted labels {TensorFormatter.Shape(predictedLabels)}.", nameof(predictedLabels));
        int count = (int)Math.Min(n, images.shape[0]);
        using var scope = NewDisposeScope(); // the slices below
        var truth = Data.FashionMnist.TextLabels(trueLabels[..count]);
        var predicted = Data.FashionMnist.TextLabels(predictedLabels[..count]);
        var titles = truth.Zip(predicted, (t, p) => t == p ? $"{t}<br>{p}" : $"{t}<br>✗ {p}").ToArray();
        return ImageGrid(images[..count], titles, columns: Math.Min(count, 8));
    }

    static GenericChart Style(GenericChart chart, string xLabel, string yLabel, string? title, bool logX, bool logY, int width, int height) =>
        ChartLayout.Apply(chart, width, height, title, new Axis(xLabel, logX), new Axis(yLabel, logY));

    static (double Min, double Max)? CheckRange((double Min, double Max)? range, bool log, string name)
    {
        if (range is not var (min, max)) return null;
        if (!(min < max)) throw new ArgumentException($"A range needs min < max; got ({min}, {max}).", name);
        if (log && min <= 0) throw new ArgumentException($"A log axis's range must be positive; got ({min}, {max}).", name);
        return range;
    }

    /// <summary>
    /// Course plumbing (plotting). Any mix of named curves, point sets and bar series on one chart, each with its own x values,
    /// colour and dash (<see cref="Curve"/>). <paramref name="equalScale"/> draws one unit as long on both axes (geometry:
    /// circles look round); fixed ranges show "all about equal" at its true size.
    /// </summary>
    public static GenericChart Curves(IEnumerable<Curve> curves, string xLabel = "x", string yLabel = "y", string? title = null,
        bool logX = false, bool logY = false, (double Min, double Max)? xRange = null, (double Min, double Max)? yRange = null,
        bool equalScale = false, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var list = curves.ToList();
        if (list.Count == 0) throw new ArgumentException("Give at least one curve to plot.", nameof(curves));
        var traces = list.Select(c => CurveTrace(c, showLegend: list.Count > 1));
        var chart = GenericChart.ofTraceObjects(true, traces);
        var styled = ChartLayout.Apply(chart, width, height, title, new Axis(xLabel, logX, CheckRange(xRange, logX, nameof(xRange))),
            new Axis(yLabel, logY, CheckRange(yRange, logY, nameof(yRange)), ScaleAnchor: equalScale ? "x" : null));
        return list.Any(c => c.Mark == Mark.Bars) ? WithLayout(styled, ("barmode", "group"), ("bargap", 0.05)) : styled;
    }

    /// <summary>
    /// Course plumbing (plotting). One bar per named category (e.g. the missing values per column of a table);
    /// <paramref name="yRange"/> fixes the value axis (counts out of 4 drawn up to 4).
    /// </summary>
    public static GenericChart Bars(string[] categories, double[] values, string xLabel = "x", string yLabel = "y", string? title = null,
        int width = DefaultWidth, int height = DefaultHeight, (double Min, double Max)? yRange = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        if (categories.Length != values.Length)
            throw new ArgumentException($"Got {categories.Length} categories and {values.Length} values; give one value per category.", nameof(values));
        var trace = new Trace2D("bar");
        trace.SetProperty("x", categories);
        trace.SetProperty("y", values);
        trace.SetProperty("name", yLabel);
        return ChartLayout.Apply(GenericChart.ofTraceObject(true, trace), width, height, title, new Axis(xLabel, Category: true),
            new Axis(yLabel, Range: CheckRange(yRange, false, nameof(yRange))));
    }

    /// <summary>
    /// Course plumbing (plotting). Histograms of several samples on bins of one width from <paramref name="binStart"/> to
    /// <paramref name="binEnd"/> (values outside are counted in the first or last bin and said so in the legend), drawn as
    /// bars side by side; the counts are computed here, so the chart's data are the counts. <paramref name="logY"/> shows a
    /// tail of small counts next to a tall spike.
    /// </summary>
    public static GenericChart Histogram(IEnumerable<(string Name, double[] Values)> samples, double binStart, double binEnd, double binWidth,
        string xLabel = "value", string yLabel = "count", string? title = null, bool logY = false, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (!(binWidth > 0) || !(binEnd > binStart))
            throw new ArgumentException($"Bins need binStart < binEnd and a positive width; got {binStart} to {binEnd} in steps of {binWidth}.", nameof(binWidth));
        int bins = (int)Math.Ceiling((binEnd - binStart) / binWidth - 1e-9);
        var centres = Enumerable.Range(0, bins).Select(k => binStart + (k + 0.5) * binWidth).ToArray();
        var curves = samples.Select(sample =>
        {
            var counts = new double[bins];
            int outside = 0;
            foreach (double v in sample.Values)
            {
                int k = (int)Math.Floor((v - binStart) / binWidth);
                if (k < 0 || k >= bins) outside++;
                counts[Math.Clamp(k, 0, bins - 1)]++;
            }
            string name = outside == 0 ? sample.Name : $"{sample.Name} ({outside} outside the range, in the end bins)";
            return new Curve(name, centres, counts, Mark.Bars);
        }).ToList();
        // On a log axis an empty bin has no bar; the range starts just below 1 so that a count of 1 shows.
        var yRange = logY ? (0.8, Math.Max(2, curves.Max(c => c.Y.Max())) * 1.5) : ((double, double)?)null;
        return Curves(curves, xLabel, yLabel, title, logY: logY, yRange: yRange, width: width, height: height);
    }

    /// <summary>
    /// Course plumbing (plotting). A table of numbers as colours: <paramref name="z"/>[row][column], rows up the y axis.
    /// <paramref name="zRange"/> fixes the colour scale (so that small differences, such as sampling noise, look small);
    /// the colour bar says what a colour means.
    /// </summary>
    public static GenericChart Heatmap(double[][] z, string xLabel = "column", string yLabel = "row", string? title = null,
        (double Min, double Max)? zRange = null, string? colorBarTitle = null, int width = 520, int height = 440)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Length == 0 || z.Any(r => r is null || r.Length != z[0].Length || r.Length == 0))
            throw new ArgumentException("z must be a non-empty rectangular table (every row the same length).", nameof(z));
        var trace = new Trace2D("heatmap");
        trace.SetProperty("z", z);
        trace.SetProperty("colorbar", ChartLayout.Obj(("title", ChartLayout.Obj(("text", colorBarTitle)))));
        if (CheckRange(zRange, false, nameof(zRange)) is var (min, max))
        {
            trace.SetProperty("zmin", min);
            trace.SetProperty("zmax", max);
            trace.SetProperty("zauto", false);
        }
        return ChartLayout.Apply(GenericChart.ofTraceObject(true, trace), width, height, title, new Axis(xLabel), new Axis(yLabel));
    }

    /// <summary>
    /// Course plumbing (plotting): a chart with a knob. Each frame is one setting of the knob (e.g. a learning rate) with the
    /// curves the notebook computed for it; a slider under the chart shows one frame at a time, so the learner moves the knob
    /// and watches the effect. Every frame is drawn on the same axes (the ranges cover all frames unless given), so what
    /// changes between frames is the data, not the scale. Works wherever plotly.js draws: VS Code, Jupyter, the book.
    /// <paramref name="fixedCurves"/> are drawn in every frame (a reference to compare each frame with, e.g. the default setting).
    /// </summary>
    public static GenericChart Slider(string knob, IReadOnlyList<(string Label, IReadOnlyList<Curve> Curves)> frames, string xLabel = "x",
        string yLabel = "y", string? title = null, bool logX = false, bool logY = false, (double Min, double Max)? xRange = null,
        (double Min, double Max)? yRange = null, int active = 0, int width = DefaultWidth, int height = 460,
        IReadOnlyList<Curve>? fixedCurves = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(knob);
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count < 2) throw new ArgumentException($"A slider needs at least 2 frames; got {frames.Count}.", nameof(frames));
        if (frames.Any(f => f.Curves is null || f.Curves.Count == 0))
            throw new ArgumentException("Every frame needs at least one curve.", nameof(frames));
        if (active < 0 || active >= frames.Count)
            throw new ArgumentOutOfRangeException(nameof(active), active, $"active must be a frame index, 0 to {frames.Count - 1}.");
        var all = frames.SelectMany(f => f.Curves).Concat(fixedCurves ?? []).ToList();
        xRange = CheckRange(xRange, logX, nameof(xRange)) ?? Span(all.SelectMany(c => c.X), logX);
        yRange = CheckRange(yRange, logY, nameof(yRange)) ?? Span(all.SelectMany(c => c.Y), logY);

        var traces = new List<Trace>();
        var owner = new List<int>();   // which frame each trace belongs to
        for (int f = 0; f < frames.Count; f++)
            foreach (var curve in frames[f].Curves)
            {
                var trace = CurveTrace(curve, showLegend: true);
                trace.SetProperty("visible", f == active);
                traces.Add(trace);
                owner.Add(f);
            }
        foreach (var curve in fixedCurves ?? [])
        {
            traces.Add(CurveTrace(curve, showLegend: true));   // visible in every frame
            owner.Add(-1);
        }
        var steps = frames.Select((frame, f) => ChartLayout.Obj(
            ("label", frame.Label),
            ("method", "restyle"),
            ("args", new object[] { ChartLayout.Obj(("visible", owner.Select(o => o == f || o < 0).ToArray())) }))).ToArray();
        var slider = ChartLayout.Obj(("active", active), ("steps", steps), ("pad", ChartLayout.Obj(("t", 50))),
            ("currentvalue", ChartLayout.Obj(("prefix", knob + " = "), ("xanchor", "left"))));
        var chart = ChartLayout.Apply(GenericChart.ofTraceObjects(true, traces), width, height, title,
            new Axis(xLabel, logX, xRange), new Axis(yLabel, logY, yRange));
        return WithLayout(chart, ("sliders", new[] { slider }));
    }

    /// <summary>The data's span with 5 % room on each side (on a log axis, in powers of ten); NaN and infinities are left out.</summary>
    static (double Min, double Max)? Span(IEnumerable<double> values, bool log)
    {
        var finite = values.Where(v => double.IsFinite(v) && (!log || v > 0)).ToList();
        if (finite.Count == 0) return null;
        double min = finite.Min(), max = finite.Max();
        if (log)
        {
            double lo = Math.Log10(min), hi = Math.Log10(max), pad = Math.Max(0.05 * (hi - lo), 0.05);
            return (Math.Pow(10, lo - pad), Math.Pow(10, hi + pad));
        }
        double room = max > min ? 0.05 * (max - min) : Math.Max(Math.Abs(max) * 0.05, 0.5);
        return (min - room, max + room);
    }

    internal static Trace CurveTrace(Curve c, bool showLegend)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(c.X);
        ArgumentNullException.ThrowIfNull(c.Y);
        if (c.X.Length != c.Y.Length)
            throw new ArgumentException($"Curve '{c.Name}' has {c.X.Length} x values and {c.Y.Length} y values; they must match.");
        var trace = new Trace2D(c.Mark == Mark.Bars ? "bar" : "scatter");
        trace.SetProperty("x", c.X);
        trace.SetProperty("y", c.Y);
        trace.SetProperty("name", c.Name);
        trace.SetProperty("showlegend", showLegend);
        if (c.Opacity is double o) trace.SetProperty("opacity", o);
        if (c.Mark == Mark.Bars)
        {
            if (c.Color is not null) trace.SetProperty("marker", ChartLayout.Obj(("color", c.Color)));
            return trace;
        }
        trace.SetProperty("mode", c.Mark switch { Mark.Points => "markers", Mark.LineAndPoints => "lines+markers", _ => "lines" });
        trace.SetProperty("line", ChartLayout.Obj(("color", c.Color), ("dash", c.Dashed ? "dash" : null), ("width", c.Width)));
        if (c.Color is not null && c.Mark != Mark.Line) trace.SetProperty("marker", ChartLayout.Obj(("color", c.Color)));
        return trace;
    }

    static GenericChart WithLayout(GenericChart chart, params (string Key, object? Value)[] properties)
    {
        var layout = new Layout();
        foreach (var (k, v) in properties) layout.SetProperty(k, v);
        return GenericChart.addLayout(layout, chart);
    }


    /// <summary>A 1-d tensor's values as doubles (for plotting).</summary>
    public static double[] ToArray(Tensor t)
    {
        if (t.dim() != 1) throw new ArgumentException($"Expected a 1-d tensor to plot; got shape {TensorFormatter.Shape(t)}. Use .flatten() or pick one row.", nameof(t));
        using var scope = NewDisposeScope();
        return t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

}
