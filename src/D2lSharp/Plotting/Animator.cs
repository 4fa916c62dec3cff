using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace D2lSharp.Plotting;

/// <summary>The points one curve of an <see cref="Animator"/> has received so far.</summary>
public sealed record AnimatorSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// Course plumbing (display); d2l <c>Animator</c>, used from notebook 08 on: a chart of several curves that grows point by
/// point while a cell runs (e.g. one point per epoch). In a notebook it shows one chart and redraws it in place after every
/// <see cref="Add"/>: one <c>DisplayedValueProduced</c>, then <c>DisplayedValueUpdated</c> events carrying the same value id,
/// so a host that keeps the final state of each displayed value (VS Code, the course's runner) ends with one chart.
/// In a lesson program (programs/NN-topic.cs) it writes the chart as an HTML file at the first point, prints its path once, and
/// rewrites the file after every point, so the file holds the final chart when training ends. Anywhere else (no running kernel
/// cell, no lesson program: a test, a tool) it only records; <see cref="Chart"/> has the current chart.
/// </summary>
public sealed class Animator
{
    readonly string _xLabel, _yLabel;
    readonly string? _title;
    readonly string[] _legend;
    readonly (double, double)? _xLim, _yLim;
    readonly int _width, _height;
    readonly List<double>[] _xs, _ys;
    readonly IDisplaySink _sink;
    object? _handle;

    /// <summary>A chart with one curve per <paramref name="legend"/> entry, shown in the running notebook cell (if any);
    /// <paramref name="title"/> (optional) tells charts of several runs apart.</summary>
    public Animator(string xLabel, string[] legend, (double, double)? xLim = null, (double, double)? yLim = null,
        string yLabel = "", int width = Plots.DefaultWidth, int height = Plots.DefaultHeight, string? title = null)
        : this(KernelDisplay.Instance, xLabel, legend, xLim, yLim, yLabel, width, height, title)
    {
    }

    /// <summary>An animator that shows its chart on <paramref name="sink"/> (tests pass a fake).</summary>
    internal Animator(IDisplaySink sink, string xLabel, string[] legend, (double, double)? xLim = null, (double, double)? yLim = null,
        string yLabel = "", int width = Plots.DefaultWidth, int height = Plots.DefaultHeight, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(xLabel);
        if (legend is null || legend.Length == 0) throw new ArgumentException("Give at least one curve name in legend.", nameof(legend));
        if (xLim is var (x0, x1) && !(x0 < x1)) throw new ArgumentException($"xLim must be (low, high) with low < high; got ({x0}, {x1}).", nameof(xLim));
        if (yLim is var (y0, y1) && !(y0 < y1)) throw new ArgumentException($"yLim must be (low, high) with low < high; got ({y0}, {y1}).", nameof(yLim));
        (_xLabel, _legend, _xLim, _yLim, _yLabel, _width, _height, _title) = (xLabel, legend.ToArray(), xLim, yLim, yLabel, width, height, title);
        _xs = legend.Select(_ => new List<double>()).ToArray();
        _ys = legend.Select(_ => new List<double>()).ToArray();
        _sink = sink;
    }

    /// <summary>
    /// d2l's training plot: train loss, train acc and test acc (y in [0.3, 0.9] unless given) over epochs 1…<paramref name="epochs"/>,
    /// with half an epoch of room at both ends so that the first and last markers are drawn whole; <paramref name="title"/>
    /// (optional) says which run the chart shows when a notebook trains more than one.
    /// </summary>
    public static Animator ForTraining(int epochs, (double, double)? yLim = null, string? title = null)
    {
        if (epochs <= 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"epochs must be positive; got {epochs}.");
        return new Animator("epoch", ["train loss", "train acc", "test acc"], (0.5, epochs + 0.5), yLim ?? (0.3, 0.9), yLabel: "loss / accuracy",
            title: title);
    }

    /// <summary>
    /// Adds one point to each curve: <paramref name="ys"/>[i] at <paramref name="x"/> for curve i (NaN skips a curve),
    /// then shows the chart (the first time) or updates it in place.
    /// </summary>
    public void Add(double x, params double[] ys)
    {
        ArgumentNullException.ThrowIfNull(ys);
        if (ys.Length == 0 || ys.Length > _legend.Length)
            throw new ArgumentException(
                $"This animator has {_legend.Length} curves ({string.Join(", ", _legend)}); give 1 to {_legend.Length} values, got {ys.Length}.", nameof(ys));
        for (int i = 0; i < ys.Length; i++)
        {
            if (double.IsNaN(ys[i])) continue;
            _xs[i].Add(x);
            _ys[i].Add(ys[i]);
        }
        Points++;
        var chart = Chart;
        if (_handle is null) _handle = _sink.Show(chart); // null: nowhere to show it (no cell running), so it only records
        else _sink.Update(_handle, chart);
    }

    /// <summary>How many times <see cref="Add"/> was called.</summary>
    public int Points { get; private set; }

    /// <summary>Whether the chart has been shown in a notebook.</summary>
    public bool Shown => _handle is not null;

    /// <summary>The recorded points of every curve.</summary>
    public IReadOnlyList<AnimatorSeries> Series =>
        _legend.Select((name, i) => new AnimatorSeries(name, _xs[i].ToArray(), _ys[i].ToArray())).ToArray();

    /// <summary>The chart as it stands now: one line with markers per curve.</summary>
    public GenericChart Chart
    {
        get
        {
            var traces = _legend.Select((name, i) =>
                PlotlyChart.Line<double, double, string>(_xs[i].ToArray(), _ys[i].ToArray(), Name: name, ShowMarkers: true, ShowLegend: true)).ToArray();
            foreach (var trace in traces.SelectMany(GenericChart.getTraces))
                trace.SetProperty("cliponaxis", false);   // a marker on the edge of a fixed range is drawn whole, not cut in half
            return ChartLayout.Apply(PlotlyChart.Combine(traces), _width, _height, _title, new Axis(_xLabel, Range: _xLim), new Axis(_yLabel, Range: _yLim));
        }
    }
}

/// <summary>Where an <see cref="Animator"/> shows its chart: the notebook kernel or a lesson program's file, or a fake in tests.</summary>
internal interface IDisplaySink
{
    /// <summary>Shows a value and returns a handle for later updates, or null when there is nowhere to show it.</summary>
    object? Show(object value);

    /// <summary>Replaces the shown value.</summary>
    void Update(object handle, object value);
}

/// <summary>
/// Shows values in the running .NET Interactive kernel through its API. It publishes DisplayedValueProduced and then
/// DisplayedValueUpdated with one value id it chooses, so an update always names the output the front end received
/// (<c>display(x).Update(y)</c> in kernel 1.0.712001 sends the update with a different id). Each call uses the context of
/// the cell running at that moment. With none, a lesson program (see <see cref="Display.ProgramDisplay"/>) gets the chart as an
/// HTML file, rewritten on every update; anything else (no cell running, a test, a tool) shows nothing.
/// </summary>
internal sealed class KernelDisplay : IDisplaySink
{
    public static readonly KernelDisplay Instance = new();

    KernelDisplay() { }

    public object? Show(object value)
    {
        var context = KernelInvocationContext.Current;
        if (context is null) return Display.ProgramFigures.Folder is null ? null : Display.ProgramDisplay.display(value);
        string id = Guid.NewGuid().ToString("N");
        context.Publish(new DisplayedValueProduced(value, context.Command, Format(value), id));
        return id;
    }

    public void Update(object handle, object value)
    {
        if (handle is Display.ProgramOutput shown)
        {
            shown.Update(value);
            return;
        }
        var context = KernelInvocationContext.Current;
        if (context is null) return;
        context.Publish(new DisplayedValueUpdated(value, (string)handle, context.Command, Format(value)));
    }

    static IReadOnlyCollection<FormattedValue> Format(object value) => FormattedValue.CreateManyFromObject(value, HtmlFormatter.MimeType);
}
