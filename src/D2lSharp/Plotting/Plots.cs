using D2lSharp.Display;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using TorchSharp;
using Chart = Plotly.NET.CSharp.Chart;
using static TorchSharp.torch;

namespace D2lSharp.Plotting;

/// <summary>A named series for <see cref="Plots.Plot(double[], Series[], string, string, string?, bool, bool, int, int)"/>.</summary>
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
        string? title = null, bool logX = false, bool logY = false, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (series is null || series.Length == 0) throw new ArgumentException("Give at least one series to plot.", nameof(series));
        foreach (var s in series)
            if (s.Y.Length != x.Length)
                throw new ArgumentException($"Series '{s.Name}' has {s.Y.Length} values but x has {x.Length}; they must match.", nameof(series));
        var traces = series.Select(s => Chart.Line<double, double, string>(x, s.Y, Name: s.Name, ShowMarkers: s.Markers, ShowLegend: series.Length > 1));
        return Style(Chart.Combine(traces), xLabel, yLabel, title, logX, logY, width, height);
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


    /// <summary>A 1-d tensor's values as doubles (for plotting).</summary>
    public static double[] ToArray(Tensor t)
    {
        if (t.dim() != 1) throw new ArgumentException($"Expected a 1-d tensor to plot; got shape {TensorFormatter.Shape(t)}. Use .flatten() or pick one row.", nameof(t));
        using var scope = NewDisposeScope();
        return t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

}
