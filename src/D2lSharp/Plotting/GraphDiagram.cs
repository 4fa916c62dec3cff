using System.Globalization;
using System.Text;

namespace D2lSharp.Plotting;

/// <summary>
/// Course plumbing: d2l's computational graphs (计算图) — a box for every value, a circle for every operator, an arrow from each
/// operator's inputs to its output — drawn on a grid of columns (left to right) and rows (top to bottom). First used in notebook 12.
/// </summary>
public static class GraphDiagram
{
    /// <summary>What a node is; each kind has its own colour, and the legend lists the kinds a graph uses.</summary>
    public enum Kind { Data, Parameter, Value, Operator }

    /// <summary>
    /// One node: an id that edges refer to, the label drawn in it (e.g. "W⁽¹⁾", "×"), its place on the grid (column 0 is the
    /// leftmost, row 0 the top; halves are fine) and its kind.
    /// </summary>
    public sealed record Node(string Id, string Label, double Column, double Row, Kind Kind);

    const double ColumnWidth = 80, RowHeight = 78, Margin = 50, TitleHeight = 34, LegendHeight = 46;
    const double HalfWidth = 26, HalfHeight = 15, Radius = 19;

    static readonly Dictionary<Kind, (string Fill, string Legend)> Styles = new()
    {
        [Kind.Data] = ("#e6e6e6", "data"),
        [Kind.Parameter] = ("#ffd8a8", "parameter"),
        [Kind.Value] = ("#d0e4ff", "computed value"),
        [Kind.Operator] = ("#ffffff", "operator"),
    };

    /// <summary>
    /// Draws the graph: nodes, an arrow for every (from, to) edge, and a legend. The nodes in <paramref name="highlighted"/> get a
    /// thick red border, explained in the legend by <paramref name="highlightLegend"/>. All text is escaped, so a label may contain
    /// any character.
    /// </summary>
    public static SvgFigure Draw(string title, IReadOnlyList<Node> nodes, IReadOnlyList<(string From, string To)> edges,
        IReadOnlyCollection<string>? highlighted = null, string highlightLegend = "highlighted")
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(highlightLegend);
        highlighted ??= [];
        if (nodes.Count == 0) throw new ArgumentException("A graph needs at least one node.", nameof(nodes));
        var byId = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node is null) throw new ArgumentException("A node is null.", nameof(nodes));
            if (string.IsNullOrEmpty(node.Id)) throw new ArgumentException($"The node labelled '{node.Label}' has no id.", nameof(nodes));
            if (!byId.TryAdd(node.Id, node)) throw new ArgumentException($"Two nodes have the id '{node.Id}'; ids must be unique.", nameof(nodes));
            if (!double.IsFinite(node.Column) || !double.IsFinite(node.Row) || node.Column < 0 || node.Row < 0)
                throw new ArgumentException($"Node '{node.Id}' is at column {node.Column}, row {node.Row}; both must be finite and 0 or more.", nameof(nodes));
            if (!Enum.IsDefined(node.Kind)) throw new ArgumentException($"Node '{node.Id}' has no kind {(int)node.Kind}.", nameof(nodes));
        }
        string Known(string id, string role) => id is not null && byId.ContainsKey(id) ? id
            : throw new ArgumentException($"The {role} '{id}' is not the id of a node; the ids are {string.Join(", ", byId.Keys)}.", role == "highlighted node" ? nameof(highlighted) : nameof(edges));
        foreach (var (from, to) in edges)
        {
            Known(from, "edge's start");
            Known(to, "edge's end");
            if (from == to) throw new ArgumentException($"The edge from '{from}' to itself is not an arrow of a computational graph.", nameof(edges));
        }
        foreach (var id in highlighted) Known(id, "highlighted node");

        var kept = highlighted.ToHashSet(StringComparer.Ordinal);
        var legend = Styles.Where(s => nodes.Any(n => n.Kind == s.Key))
            .Select(s => (Fill: s.Value.Fill, Red: false, Label: s.Value.Legend, Circle: s.Key == Kind.Operator)).ToList();
        if (kept.Count > 0) legend.Add(("#ffffff", true, highlightLegend, false));
        double LegendEntryWidth(string label) => 40 + 7.5 * label.Length;

        double width = Math.Max(2 * Margin + nodes.Max(n => n.Column) * ColumnWidth, 20 + legend.Sum(e => LegendEntryWidth(e.Label)));
        double legendTop = TitleHeight + 2 * Margin - 20 + nodes.Max(n => n.Row) * RowHeight;
        double height = legendTop + LegendHeight;
        (double X, double Y) Centre(Node n) => (Margin + n.Column * ColumnWidth, TitleHeight + Margin - 10 + n.Row * RowHeight);
        // distance from a node's centre to its border along the unit direction (ux, uy)
        double Border(Node n, double ux, double uy) => n.Kind == Kind.Operator ? Radius
            : Math.Min(ux == 0 ? double.MaxValue : HalfWidth / Math.Abs(ux), uy == 0 ? double.MaxValue : HalfHeight / Math.Abs(uy));

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns='http://www.w3.org/2000/svg' width='{F(width)}' height='{F(height)}' viewBox='0 0 {F(width)} {F(height)}' ")
           .Append("style='max-width:100%;height:auto;background:white;font-family:sans-serif'>");
        svg.Append("<defs><marker id='d2l-graph-arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto-start-reverse'>")
           .Append("<path d='M0,0 L10,5 L0,10 z' fill='#333'/></marker></defs>");
        svg.Append($"<text x='10' y='22' font-size='14' fill='#000'>{Text(title)}</text>");
        foreach (var (from, to) in edges)
        {
            var (a, b) = (byId[from], byId[to]);
            var ((ax, ay), (bx, by)) = (Centre(a), Centre(b));
            double dx = bx - ax, dy = by - ay, length = Math.Sqrt(dx * dx + dy * dy);
            if (length == 0) throw new ArgumentException($"Nodes '{from}' and '{to}' are at the same place; an arrow between them has no direction.", nameof(nodes));
            double ux = dx / length, uy = dy / length, s0 = Border(a, ux, uy), s1 = Border(b, ux, uy);
            svg.Append($"<line x1='{F(ax + ux * s0)}' y1='{F(ay + uy * s0)}' x2='{F(bx - ux * s1)}' y2='{F(by - uy * s1)}' ")
               .Append("stroke='#333' stroke-width='1.5' marker-end='url(#d2l-graph-arrow)'/>");
        }
        foreach (var node in nodes)
        {
            var (x, y) = Centre(node);
            string stroke = kept.Contains(node.Id) ? "stroke='#d62728' stroke-width='4'" : "stroke='#333' stroke-width='1.2'";
            string fill = Styles[node.Kind].Fill;
            svg.Append(node.Kind == Kind.Operator
                ? $"<circle cx='{F(x)}' cy='{F(y)}' r='{F(Radius)}' fill='{fill}' {stroke}/>"
                : $"<rect x='{F(x - HalfWidth)}' y='{F(y - HalfHeight)}' width='{F(2 * HalfWidth)}' height='{F(2 * HalfHeight)}' rx='4' fill='{fill}' {stroke}/>");
            svg.Append($"<text x='{F(x)}' y='{F(y + 5)}' text-anchor='middle' font-size='{(node.Label.Length > 2 ? 13 : 16)}' fill='#000'>{Text(node.Label)}</text>");
        }

        double lx = 20, ly = legendTop + 12;
        foreach (var (fill, red, label, circle) in legend)
        {
            string stroke = red ? "stroke='#d62728' stroke-width='4'" : "stroke='#333' stroke-width='1.2'";
            svg.Append(circle
                ? $"<circle cx='{F(lx + 9)}' cy='{F(ly + 9)}' r='9' fill='{fill}' {stroke}/>"
                : $"<rect x='{F(lx)}' y='{F(ly)}' width='18' height='18' rx='3' fill='{fill}' {stroke}/>");
            svg.Append($"<text x='{F(lx + 26)}' y='{F(ly + 14)}' font-size='13' fill='#000'>{Text(label)}</text>");
            lx += LegendEntryWidth(label);
        }
        svg.Append("</svg>");
        return new SvgFigure(svg.ToString());
    }

    static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text escaped for SVG inside HTML: the five markup characters only, so "×" and "⁽¹⁾" stay readable in the source.</summary>
    static string Text(string s) =>
        s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
