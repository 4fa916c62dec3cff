using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace D2lSharp.Plotting;

/// <summary>The points one curve of an <see cref="Animator"/> has received so far.</summary>
public sealed record AnimatorSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// d2l's <c>Animator</c>: a chart of several curves that grows point by point while a cell runs (e.g. one point per epoch).
/// In a notebook it shows one chart and redraws it in place after every <see cref="Add"/>. In a headless run
/// (environment variable D2LSHARP_HEADLESS=1, set by the course's runner) it shows the chart once, in its final
/// state, when <see cref="Finish"/> is called. Outside a notebook it only records; <see cref="Chart"/> has the current chart.
/// </summary>
public sealed class Animator
{
    readonly string _xLabel, _yLabel;
    readonly string[] _legend;
    readonly (double, double)? _xLim, _yLim;
    readonly int _width, _height;
    readonly List<double>[] _xs, _ys;
    readonly IDisplaySink? _sink;
    readonly bool _live;
    object? _handle;
    int _shownPoints;

    /// <summary>
    /// A chart with one curve per <paramref name="legend"/> entry. <paramref name="live"/> chooses between redrawing after every
    /// point (true) and showing only the final chart (false); by default it is live unless D2LSHARP_HEADLESS=1.
    /// </summary>
    public Animator(string xLabel, string[] legend, (double, double)? xLim = null, (double, double)? yLim = null,
        string yLabel = "", int width = Plots.DefaultWidth, int height = Plots.DefaultHeight, bool? live = null)
        : this(KernelDisplay.TryCreate(), xLabel, legend, xLim, yLim, yLabel, width, height, live)
    {
    }

    /// <summary>An animator that shows its chart on <paramref name="sink"/> (tests pass a fake; null only records).</summary>
    internal Animator(IDisplaySink? sink, string xLabel, string[] legend, (double, double)? xLim = null, (double, double)? yLim = null,
        string yLabel = "", int width = Plots.DefaultWidth, int height = Plots.DefaultHeight, bool? live = null)
    {
        ArgumentNullException.ThrowIfNull(xLabel);
        if (legend is null || legend.Length == 0) throw new ArgumentException("Give at least one curve name in legend.", nameof(legend));
        if (xLim is var (x0, x1) && !(x0 < x1)) throw new ArgumentException($"xLim must be (low, high) with low < high; got ({x0}, {x1}).", nameof(xLim));
        if (yLim is var (y0, y1) && !(y0 < y1)) throw new ArgumentException($"yLim must be (low, high) with low < high; got ({y0}, {y1}).", nameof(yLim));
        (_xLabel, _legend, _xLim, _yLim, _yLabel, _width, _height) = (xLabel, legend.ToArray(), xLim, yLim, yLabel, width, height);
        _xs = legend.Select(_ => new List<double>()).ToArray();
        _ys = legend.Select(_ => new List<double>()).ToArray();
        _sink = sink;
        _live = live ?? Environment.GetEnvironmentVariable("D2LSHARP_HEADLESS") != "1";
    }

    /// <summary>d2l's training plot: epochs on x in [1, epochs], train loss, train acc and test acc in [0.3, 0.9].</summary>
    public static Animator ForTraining(int epochs, (double, double)? yLim = null, bool? live = null)
    {
        if (epochs <= 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"epochs must be positive; got {epochs}.");
        return new Animator("epoch", ["train loss", "train acc", "test acc"], (1, Math.Max(epochs, 2)), yLim ?? (0.3, 0.9), live: live);
    }

    /// <summary>
    /// Adds one point to each curve: <paramref name="ys"/>[i] at <paramref name="x"/> for curve i (NaN skips a curve),
    /// then redraws the chart when live.
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
        if (_live && _sink is not null) Show();
    }

    /// <summary>Ends the animation: in a headless run this is when the one, final chart is shown. Safe to call more than once.</summary>
    public void Finish()
    {
        if (_sink is not null && Points > _shownPoints) Show();
    }

    void Show()
    {
        var chart = Chart;
        if (_handle is null) _handle = _sink!.Show(chart);
        else _sink!.Update(_handle, chart);
        if (_handle is null) return; // nowhere to show it (no cell running): it only records
        _shownPoints = Points;
        Shown = true;
    }

    /// <summary>How many times <see cref="Add"/> was called.</summary>
    public int Points { get; private set; }

    /// <summary>Whether the chart has been shown in a notebook.</summary>
    public bool Shown { get; private set; }

    /// <summary>Whether the chart redraws after every point (false: shown once, on <see cref="Finish"/>).</summary>
    public bool Live => _live;

    /// <summary>The recorded points of every curve.</summary>
    public IReadOnlyList<AnimatorSeries> Series =>
        _legend.Select((name, i) => new AnimatorSeries(name, _xs[i].ToArray(), _ys[i].ToArray())).ToArray();

    /// <summary>The chart as it stands now: one line with markers per curve.</summary>
    public GenericChart Chart
    {
        get
        {
            var traces = _legend.Select((name, i) =>
                PlotlyChart.Line<double, double, string>(_xs[i].ToArray(), _ys[i].ToArray(), Name: name, ShowMarkers: true, ShowLegend: true));
            return ChartLayout.Apply(PlotlyChart.Combine(traces), _width, _height, null, new Axis(_xLabel, Range: _xLim), new Axis(_yLabel, Range: _yLim));
        }
    }

}

/// <summary>Where an <see cref="Animator"/> shows its chart: the notebook kernel, or a fake in tests.</summary>
internal interface IDisplaySink
{
    /// <summary>Shows a value and returns a handle for later updates, or null when there is nowhere to show it.</summary>
    object? Show(object value);

    /// <summary>Replaces the shown value.</summary>
    void Update(object handle, object value);
}

/// <summary>
/// Shows values in the running .NET Interactive kernel, found by reflection so the library needs no reference to the kernel.
/// It publishes DisplayedValueProduced / DisplayedValueUpdated itself with one value id, so an update always names the
/// output the front end received (DisplayedValue's own ids have not always matched). Each call uses the context of the
/// cell running at that moment, so an animator made in one cell and fed in another shows up in the cell that feeds it.
/// </summary>
internal sealed class KernelDisplay : IDisplaySink
{
    readonly PropertyInfo _current, _command;
    readonly MethodInfo _publish;
    readonly ConstructorInfo _produced, _updated;

    KernelDisplay(PropertyInfo current, PropertyInfo command, MethodInfo publish, ConstructorInfo produced, ConstructorInfo updated) =>
        (_current, _command, _publish, _produced, _updated) = (current, command, publish, produced, updated);

    /// <summary>The kernel's display when this process hosts a .NET Interactive kernel, else null (a plain .NET program).</summary>
    public static KernelDisplay? TryCreate()
    {
        try
        {
            var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive");
            var contextType = assembly?.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext");
            if (assembly is null || contextType is null) return null;
            var current = contextType.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
            var command = contextType.GetProperty("Command", BindingFlags.Public | BindingFlags.Instance);
            var eventType = assembly.GetType("Microsoft.DotNet.Interactive.Events.KernelEvent");
            var produced = assembly.GetType("Microsoft.DotNet.Interactive.Events.DisplayedValueProduced")?.GetConstructors()
                .FirstOrDefault(c => c.GetParameters().Length == 4 && c.GetParameters()[3].ParameterType == typeof(string));
            var updated = assembly.GetType("Microsoft.DotNet.Interactive.Events.DisplayedValueUpdated")?.GetConstructors()
                .FirstOrDefault(c => c.GetParameters().Length == 4 && c.GetParameters()[1].ParameterType == typeof(string));
            var publish = eventType is null ? null : contextType.GetMethod("Publish", [eventType]);
            if (current is null || command is null || produced is null || updated is null || publish is null) return null;
            return new KernelDisplay(current, command, publish, produced, updated);
        }
        catch (Exception e) when (e is TargetInvocationException or TypeLoadException or FileNotFoundException or AmbiguousMatchException)
        {
            return null;
        }
    }

    static IReadOnlyCollection<FormattedValue> Format(object value) =>
        FormattedValue.CreateManyFromObject(value, HtmlFormatter.MimeType).ToArray();

    public object? Show(object value)
    {
        var context = _current.GetValue(null);
        if (context is null) return null; // not inside a running cell: nothing to show it in
        string id = Guid.NewGuid().ToString("N");
        _publish.Invoke(context, [_produced.Invoke([value, _command.GetValue(context), Format(value), id])]);
        return id;
    }

    public void Update(object handle, object value)
    {
        var context = _current.GetValue(null);
        if (context is null) return;
        _publish.Invoke(context, [_updated.Invoke([value, (string)handle, _command.GetValue(context), Format(value)])]);
    }
}
