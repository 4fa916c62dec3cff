using System.Globalization;
using System.Net;
using System.Text;

namespace D2lSharp.Plotting;

/// <summary>A drawing as SVG markup; notebooks show it as HTML, so it appears in VS Code, Jupyter and executed copies alike.</summary>
public sealed record SvgFigure(string Svg)
{
    public override string ToString() => Svg;
}

/// <summary>
/// Course plumbing: d2l's pictures of a network as layers of units, every unit of one layer connected to every unit of the next
/// (fully connected), drawn bottom-up from the inputs to the outputs as in d2l's figures.
/// </summary>
public static class NetworkDiagram
{
    /// <summary>
    /// One layer of the picture: its name (e.g. "input layer") and the labels of its units (e.g. "x₁"). <see cref="Dropped"/>
    /// (optional, 0-based) marks units that dropout has removed in one step (notebook 11): drawn crossed out, without connections.
    /// </summary>
    public sealed record Layer(string Name, params string[] Units)
    {
        /// <summary>The 0-based indices of the units dropped out; empty for a layer without dropout.</summary>
        public int[] Dropped { get; init; } = [];
    }

    /// <summary>Layers from the input (first) to the output (last); each unit is connected to every unit of the next layer.</summary>
    public static SvgFigure Draw(params Layer[] layers)
    {
        Check(layers, nameof(layers));
        var (width, height) = Size(layers, withLabels: true);
        var svg = Open(width, height);
        Panel(svg, layers, 0, 0, withLabels: true);
        svg.Append("</svg>");
        return new SvgFigure(svg.ToString());
    }

    /// <summary>
    /// Course plumbing: several networks side by side in one picture, each with a caption above it, e.g. d2l's "MLP before and after
    /// dropout" (notebook 11). Layer names are written once, left of the first panel.
    /// </summary>
    public static SvgFigure SideBySide(params (string Caption, Layer[] Layers)[] panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Length == 0) throw new ArgumentException("Give at least one panel (a caption and its layers).", nameof(panels));
        for (int p = 0; p < panels.Length; p++) Check(panels[p].Layers, $"{nameof(panels)}[{p}]");
        const double captionHeight = 30, panelGap = 30;
        var sizes = panels.Select((panel, p) => Size(panel.Layers, withLabels: p == 0)).ToList();
        double width = sizes.Sum(s => s.Width) + panelGap * (panels.Length - 1), height = captionHeight + sizes.Max(s => s.Height);
        var svg = Open(width, height);
        double x = 0;
        for (int p = 0; p < panels.Length; p++)
        {
            double centre = x + (p == 0 ? LabelWidth : 0) + (sizes[p].Width - (p == 0 ? LabelWidth : 0)) / 2;
            svg.Append($"<text x='{F(centre)}' y='{F(captionHeight - 8)}' text-anchor='middle' font-size='15' font-weight='bold' fill='#333'>")
               .Append(WebUtility.HtmlEncode(panels[p].Caption ?? "")).Append("</text>");
            Panel(svg, panels[p].Layers, x, captionHeight + sizes.Max(s => s.Height) - sizes[p].Height, withLabels: p == 0);
            x += sizes[p].Width + panelGap;
        }
        svg.Append("</svg>");
        return new SvgFigure(svg.ToString());
    }

    const double UnitGap = 70, LayerGap = 110, Radius = 20, LabelWidth = 130, Margin = 30;

    static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    static void Check(Layer[]? layers, string name)
    {
        ArgumentNullException.ThrowIfNull(layers, name);
        if (layers.Length < 2) throw new ArgumentException($"A network picture needs at least 2 layers (inputs and outputs); got {layers.Length}.", name);
        foreach (var (layer, i) in layers.Select((l, i) => (l, i)))
        {
            if (layer is null) throw new ArgumentException($"Layer {i} is null.", name);
            if (layer.Units.Length == 0) throw new ArgumentException($"Layer {i} ('{layer.Name}') has no units.", name);
            foreach (int d in layer.Dropped ?? [])
                if (d < 0 || d >= layer.Units.Length)
                    throw new ArgumentException($"Layer {i} ('{layer.Name}') has {layer.Units.Length} units (indices 0 to {layer.Units.Length - 1}); " +
                                                $"it cannot drop unit {d}.", name);
        }
    }

    static (double Width, double Height) Size(Layer[] layers, bool withLabels)
    {
        int widest = layers.Max(l => l.Units.Length);
        return ((withLabels ? LabelWidth : 0) + Margin * 2 + (widest - 1) * UnitGap + 2 * Radius, Margin * 2 + (layers.Length - 1) * LayerGap + 2 * Radius);
    }

    static StringBuilder Open(double width, double height)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns='http://www.w3.org/2000/svg' width='{F(width)}' height='{F(height)}' viewBox='0 0 {F(width)} {F(height)}' ")
           .Append("style='max-width:100%;height:auto;background:white;font-family:sans-serif'>");
        svg.Append("<defs><marker id='d2l-arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='6' markerHeight='6' orient='auto'>")
           .Append("<path d='M0,0 L10,5 L0,10 z' fill='#555'/></marker></defs>");
        return svg;
    }

    /// <summary>One network with its top-left corner at (left, top): connections first, then units (dropped ones crossed out).</summary>
    static void Panel(StringBuilder svg, Layer[] layers, double left, double top, bool withLabels)
    {
        var (width, height) = Size(layers, withLabels);
        int widest = layers.Max(l => l.Units.Length);
        double centre = left + (withLabels ? LabelWidth : 0) + Margin + Radius + (widest - 1) * UnitGap / 2;
        (double X, double Y) Position(int layer, int unit)
        {
            var units = layers[layer].Units.Length;
            return (centre + (unit - (units - 1) / 2.0) * UnitGap, top + height - Margin - Radius - layer * LayerGap);
        }
        bool IsDropped(int layer, int unit) => (layers[layer].Dropped ?? []).Contains(unit);

        for (int l = 0; l + 1 < layers.Length; l++)
            for (int a = 0; a < layers[l].Units.Length; a++)
                for (int b = 0; b < layers[l + 1].Units.Length; b++)
                {
                    if (IsDropped(l, a) || IsDropped(l + 1, b)) continue;   // a dropped unit neither receives nor sends anything
                    var (x1, y1) = Position(l, a);
                    var (x2, y2) = Position(l + 1, b);
                    double dx = x2 - x1, dy = y2 - y1, length = Math.Sqrt(dx * dx + dy * dy);
                    svg.Append($"<line x1='{F(x1 + dx / length * Radius)}' y1='{F(y1 + dy / length * Radius)}' x2='{F(x2 - dx / length * Radius)}' y2='{F(y2 - dy / length * Radius)}' ")
                       .Append("stroke='#555' stroke-width='1.2' marker-end='url(#d2l-arrow)'/>");
                }
        for (int l = 0; l < layers.Length; l++)
        {
            var (_, y) = Position(l, 0);
            if (withLabels)
                svg.Append($"<text x='{F(left + Margin)}' y='{F(y + 5)}' font-size='14' fill='#333'>{WebUtility.HtmlEncode(layers[l].Name)}</text>");
            for (int u = 0; u < layers[l].Units.Length; u++)
            {
                var (x, yu) = Position(l, u);
                string label = WebUtility.HtmlEncode(layers[l].Units[u]);
                if (IsDropped(l, u))
                {
                    double c = Radius * 0.75;
                    svg.Append($"<circle class='dropped' cx='{F(x)}' cy='{F(yu)}' r='{F(Radius)}' fill='#f2f2f2' stroke='#999' stroke-width='1.5' stroke-dasharray='4 3'/>")
                       .Append($"<text x='{F(x)}' y='{F(yu + 5)}' text-anchor='middle' font-size='15' fill='#999'>{label}</text>")
                       .Append($"<path d='M{F(x - c)},{F(yu - c)} L{F(x + c)},{F(yu + c)} M{F(x - c)},{F(yu + c)} L{F(x + c)},{F(yu - c)}' stroke='#c0392b' stroke-width='2'/>");
                }
                else
                    svg.Append($"<circle cx='{F(x)}' cy='{F(yu)}' r='{F(Radius)}' fill='#eaf2fb' stroke='#2a6cb0' stroke-width='1.5'/>")
                       .Append($"<text x='{F(x)}' y='{F(yu + 5)}' text-anchor='middle' font-size='15' fill='#000'>{label}</text>");
            }
        }
    }
}
