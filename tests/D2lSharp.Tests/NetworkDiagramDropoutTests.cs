using System.Text.RegularExpressions;
using D2lSharp.Plotting;

namespace D2lSharp.Tests;

/// <summary>d2l's "MLP before and after dropout" (notebook 11): dropped units are crossed out and lose every connection.</summary>
public class NetworkDiagramDropoutTests
{
    static int Count(string svg, string pattern) => Regex.Matches(svg, pattern).Count;

    static NetworkDiagram.Layer[] Mlp(params int[] dropped) =>
    [
        new("input layer", "x₁", "x₂", "x₃", "x₄"),
        new("hidden layer", "h₁", "h₂", "h₃", "h₄", "h₅") { Dropped = dropped },
        new("output layer", "o₁", "o₂", "o₃"),
    ];

    [Fact]
    public void A_dropped_unit_is_crossed_out_and_neither_receives_nor_sends()
    {
        var full = NetworkDiagram.Draw(Mlp()).Svg;
        Assert.Equal(4 * 5 + 5 * 3, Count(full, "<line"));
        Assert.Equal(0, Count(full, "class='dropped'"));

        var dropped = NetworkDiagram.Draw(Mlp(1, 4)).Svg;                      // h₂ and h₅, as in d2l's figure
        Assert.Equal(12, Count(dropped, "<circle"));                          // every unit is still drawn
        Assert.Equal(2, Count(dropped, "class='dropped'"));
        Assert.Equal(4 * 3 + 3 * 3, Count(dropped, "<line"));                 // only the 3 kept hidden units are connected
        Assert.Contains(">h₂<", dropped);
        Assert.Equal(2, Count(dropped, "<path d='M[^']*' stroke='#c0392b'"));  // one cross per dropped unit
    }

    [Fact]
    public void Before_and_after_side_by_side_is_one_picture_with_two_captions()
    {
        var figure = NetworkDiagram.SideBySide(("before dropout", Mlp()), ("after dropout", Mlp(1, 4))).Svg;
        Assert.Equal(1, Count(figure, "<svg"));
        Assert.Contains(">before dropout<", figure);
        Assert.Contains(">after dropout<", figure);
        Assert.Equal(24, Count(figure, "<circle"));
        Assert.Equal(35 + 21, Count(figure, "<line"));
        Assert.Equal(3, Count(figure, ">[a-z]+ layer<"));                     // layer names once, left of the first panel
        var width = double.Parse(Regex.Match(figure, "width='([0-9.]+)'").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var single = double.Parse(Regex.Match(NetworkDiagram.Draw(Mlp()).Svg, "width='([0-9.]+)'").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(width > single * 1.5, $"two panels side by side should be wider than one ({width} vs {single})");
    }

    [Fact]
    public void Refuses_a_dropped_index_outside_the_layer_and_an_empty_set_of_panels()
    {
        var e = Assert.Throws<ArgumentException>(() => NetworkDiagram.Draw(Mlp(5)));
        Assert.Contains("has 5 units (indices 0 to 4); it cannot drop unit 5", e.Message);
        Assert.Contains("cannot drop unit -1", Assert.Throws<ArgumentException>(() => NetworkDiagram.Draw(Mlp(-1))).Message);
        Assert.Contains("at least one panel", Assert.Throws<ArgumentException>(() => NetworkDiagram.SideBySide()).Message);
        Assert.Contains("at least 2 layers", Assert.Throws<ArgumentException>(() =>
            NetworkDiagram.SideBySide(("one layer", [new NetworkDiagram.Layer("in", "x")]))).Message);
    }
}
