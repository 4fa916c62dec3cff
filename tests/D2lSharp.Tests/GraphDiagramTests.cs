using System.Text.RegularExpressions;
using System.Xml.Linq;
using D2lSharp.Plotting;
using static D2lSharp.Plotting.GraphDiagram;

namespace D2lSharp.Tests;

public class GraphDiagramTests
{
    static readonly Node[] Small =
    [
        new("x", "x", 0, 1, Kind.Data), new("w", "w", 1, 0, Kind.Parameter), new("mul", "×", 1, 1, Kind.Operator),
        new("z", "z", 2, 1, Kind.Value),
    ];
    static readonly (string, string)[] SmallEdges = [("x", "mul"), ("w", "mul"), ("mul", "z")];

    static int Count(string svg, string pattern) => Regex.Matches(svg, pattern).Count;

    [Fact]
    public void Draws_a_box_per_value_a_circle_per_operator_and_an_arrow_per_edge()
    {
        var svg = Draw("y = w x", Small, SmallEdges).Svg;
        Assert.StartsWith("<svg", svg);
        XDocument.Parse(svg);                                  // well-formed XML, so every browser draws it
        Assert.Equal(3 + 3, Count(svg, "<rect"));                // 3 boxes + the legend's 3 box entries (data, parameter, value)
        Assert.Equal(1 + 1, Count(svg, "<circle"));              // the operator + its legend entry
        Assert.Equal(3, Count(svg, "<line"));
        Assert.Contains(">×<", svg);
        Assert.DoesNotContain("#d62728", svg);                  // nothing highlighted, no highlight legend
    }

    [Fact]
    public void Arrows_start_and_end_at_the_node_borders_not_the_centres()
    {
        // x at column 0 and z at column 2 of one row: the arrow x → z runs horizontally between the boxes' facing sides.
        var svg = Draw("t", [new("x", "x", 0, 0, Kind.Data), new("z", "z", 2, 0, Kind.Value)], [("x", "z")]).Svg;
        var line = XDocument.Parse(svg).Descendants().Single(e => e.Name.LocalName == "line");
        double X(string a) => double.Parse(line.Attribute(a)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var rects = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "rect").Take(2)
            .Select(r => (Left: double.Parse(r.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                          Width: double.Parse(r.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(rects[0].Left + rects[0].Width, X("x1"), 6);
        Assert.Equal(rects[1].Left, X("x2"), 6);
        Assert.Equal(X("y1"), X("y2"));
    }

    [Fact]
    public void Highlights_the_given_nodes_and_explains_them_in_the_legend()
    {
        var svg = Draw("kept", Small, SmallEdges, highlighted: ["x", "w"], highlightLegend: "kept for backward").Svg;
        Assert.Equal(2 + 1, Count(svg, "stroke='#d62728'"));      // two nodes and the legend entry
        Assert.Contains(">kept for backward<", svg);
    }

    [Fact]
    public void Escapes_the_title_the_labels_and_the_legend()
    {
        var nodes = new[] { new Node("a", "<b>&", 0, 0, Kind.Value), new Node("b", "\"'", 1, 0, Kind.Operator) };
        var svg = Draw("J < L & s > 0 <script>alert(1)</script>", nodes, [("a", "b")], ["a"], "<i>kept</i>").Svg;
        XDocument.Parse(svg);
        Assert.DoesNotContain("<script>", svg);
        Assert.DoesNotContain("<b>", svg);
        Assert.DoesNotContain("<i>", svg);
        Assert.Contains("J &lt; L &amp; s &gt; 0 &lt;script&gt;", svg);
        Assert.Contains("&lt;b&gt;&amp;", svg);
        Assert.Contains("&lt;i&gt;kept&lt;/i&gt;", svg);
        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("<b>&", texts);
        Assert.Contains("\"'", texts);
    }

    [Fact]
    public void Grows_with_the_grid_and_fits_a_wide_legend()
    {
        static double Width(string svg) => double.Parse(Regex.Match(svg, "width='([0-9.]+)'").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var narrow = Draw("t", [new("a", "a", 0, 0, Kind.Value), new("b", "b", 1, 0, Kind.Value)], [("a", "b")]).Svg;
        var wide = Draw("t", [new("a", "a", 0, 0, Kind.Value), new("b", "b", 10, 0, Kind.Value)], [("a", "b")]).Svg;
        Assert.True(Width(wide) > Width(narrow));
        var longLegend = Draw("t", [new("a", "a", 0, 0, Kind.Value), new("b", "b", 1, 0, Kind.Value)], [("a", "b")], ["a"], new string('k', 200)).Svg;
        Assert.True(Width(longLegend) >= 200 * 7.5);
    }

    [Fact]
    public void Refuses_unknown_ids_duplicates_and_misplaced_nodes_with_a_message_that_names_them()
    {
        Assert.Contains("'q'", Assert.Throws<ArgumentException>(() => Draw("t", Small, [("x", "q")])).Message);
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => Draw("t", Small, SmallEdges, ["nope"])).Message);
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => Draw("t", [.. Small, new("x", "x again", 3, 1, Kind.Data)], SmallEdges)).Message);
        Assert.Contains("row -1", Assert.Throws<ArgumentException>(() => Draw("t", [new("a", "a", 0, -1, Kind.Value)], [])).Message);
        Assert.Contains("same place", Assert.Throws<ArgumentException>(() =>
            Draw("t", [new("a", "a", 0, 0, Kind.Value), new("b", "b", 0, 0, Kind.Value)], [("a", "b")])).Message);
        Assert.Contains("itself", Assert.Throws<ArgumentException>(() => Draw("t", Small, [("x", "x")])).Message);
        Assert.Contains("at least one node", Assert.Throws<ArgumentException>(() => Draw("t", [], [])).Message);
        Assert.Throws<ArgumentNullException>(() => Draw(null!, Small, SmallEdges));
        Assert.Contains("is not the id", Assert.Throws<ArgumentException>(() => Draw("t", Small, [(null!, "x")])).Message);
    }
}
