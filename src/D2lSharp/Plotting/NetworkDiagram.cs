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
    /// <summary>One layer of the picture: its name (e.g. "input layer") and the labels of its units (e.g. "x₁").</summary>
    public sealed record Layer(string Name, params string[] Units);

    /// <summary>Layers from the input (first) to the output (last); each unit is connected to every unit of the next layer.</summary>
    public static SvgFigure Draw(params Layer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length < 2) throw new ArgumentException($"A network picture needs at least 2 layers (inputs and outputs); got {layers.Length}.", nameof(layers));
        foreach (var (layer, i) in layers.Select((l, i) => (l, i)))
            if (layer.Units.Length == 0) throw new ArgumentException($"Layer {i} ('{layer.Name}') has no units.", nameof(layers));

        const double unitGap = 70, layerGap = 110, radius = 20, labelWidth = 130, margin = 30;
        int widest = layers.Max(l => l.Units.Length);
        double width = labelWidth + margin * 2 + (widest - 1) * unitGap + 2 * radius;
        double height = margin * 2 + (layers.Length - 1) * layerGap + 2 * radius;
        double centre = labelWidth + margin + radius + (widest - 1) * unitGap / 2;
        (double X, double Y) Position(int layer, int unit)
        {
            var units = layers[layer].Units.Length;
            return (centre + (unit - (units - 1) / 2.0) * unitGap, height - margin - radius - layer * layerGap);
        }
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns='http://www.w3.org/2000/svg' width='{F(width)}' height='{F(height)}' viewBox='0 0 {F(width)} {F(height)}' ")
           .Append("style='max-width:100%;height:auto;background:white;font-family:sans-serif'>");
        svg.Append("<defs><marker id='d2l-arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='6' markerHeight='6' orient='auto'>")
           .Append("<path d='M0,0 L10,5 L0,10 z' fill='#555'/></marker></defs>");
        for (int l = 0; l + 1 < layers.Length; l++)
            for (int a = 0; a < layers[l].Units.Length; a++)
                for (int b = 0; b < layers[l + 1].Units.Length; b++)
                {
                    var (x1, y1) = Position(l, a);
                    var (x2, y2) = Position(l + 1, b);
                    double dx = x2 - x1, dy = y2 - y1, length = Math.Sqrt(dx * dx + dy * dy);
                    svg.Append($"<line x1='{F(x1 + dx / length * radius)}' y1='{F(y1 + dy / length * radius)}' x2='{F(x2 - dx / length * radius)}' y2='{F(y2 - dy / length * radius)}' ")
                       .Append("stroke='#555' stroke-width='1.2' marker-end='url(#d2l-arrow)'/>");
                }
        for (int l = 0; l < layers.Length; l++)
        {
            var (_, y) = Position(l, 0);
            svg.Append($"<text x='{F(margin)}' y='{F(y + 5)}' font-size='14' fill='#333'>{WebUtility.HtmlEncode(layers[l].Name)}</text>");
            for (int u = 0; u < layers[l].Units.Length; u++)
            {
                var (x, yu) = Position(l, u);
                svg.Append($"<circle cx='{F(x)}' cy='{F(yu)}' r='{F(radius)}' fill='#eaf2fb' stroke='#2a6cb0' stroke-width='1.5'/>")
                   .Append($"<text x='{F(x)}' y='{F(yu + 5)}' text-anchor='middle' font-size='15' fill='#000'>{WebUtility.HtmlEncode(layers[l].Units[u])}</text>");
            }
        }
        svg.Append("</svg>");
        return new SvgFigure(svg.ToString());
    }
}
