namespace D2lSharp.Plotting;

/// <summary>How a <see cref="Curve"/> is drawn.</summary>
public enum Mark
{
    /// <summary>A line through the points.</summary>
    Line,
    /// <summary>Markers only.</summary>
    Points,
    /// <summary>A line with a marker at every point.</summary>
    LineAndPoints,
    /// <summary>One bar per point (x is the bar's centre).</summary>
    Bars,
}

/// <summary>
/// One named series of points for <see cref="Plots.Curves"/> and <see cref="Plots.Slider"/>: its own x and y values, how it is
/// drawn, and optionally its colour (any CSS colour), a dashed line, a line width and an opacity.
/// </summary>
public sealed record Curve(string Name, double[] X, double[] Y, Mark Mark = Mark.Line, string? Color = null, bool Dashed = false,
    double? Width = null, double? Opacity = null)
{
    /// <summary>A dashed line (e.g. a reference value, or a curve that would hide exactly behind another).</summary>
    public Curve AsDashed() => this with { Dashed = true };
}
