using System.Text.Json.Nodes;
using D2lSharp.Plotting;
using Plotly.NET;

namespace D2lSharp.Tests;

public class ContoursTests
{
    static string Json(GenericChart chart) => GenericChart.toJson(chart);

    [Fact]
    public void Plot_evaluates_f_on_the_grid_with_rows_along_x2()
    {
        var json = JsonNode.Parse(Json(Contours.Plot((a, b) => a + 10 * b, [0, 1, 2], [0, 1], title: "t")))!;
        var trace = json["data"]![0]!;
        Assert.Equal("contour", trace["type"]!.GetValue<string>());
        var z = trace["z"]!.AsArray();
        Assert.Equal(2, z.Count);                               // one row per x2 value
        Assert.Equal(12.0, z[1]![2]!.GetValue<double>());       // x1 = 2, x2 = 1
        Assert.Equal("x2", json["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Arrows_draw_one_segment_per_point_separated_by_gaps()
    {
        var text = Json(Contours.Arrows([0, 1], [0, 0], [1, 0], [0, 2], scale: 0.5));
        var trace = JsonNode.Parse(text)!["data"]![0]!;
        var y = trace["y"]!.AsArray();
        Assert.Equal(6, y.Count);                               // (base, tip, gap) per arrow
        Assert.Equal(1.0, y[4]!.GetValue<double>());            // 0 + 0.5 · 2
        Assert.Null(y[5]);
    }

    [Fact]
    public void Path_and_arrows_reject_bad_input()
    {
        Assert.Throws<ArgumentException>(() => Contours.Path([], "empty"));
        Assert.Throws<ArgumentException>(() => Contours.Arrows([0, 1], [0, 1], [1], [1, 1]));
        Assert.Throws<ArgumentException>(() => Contours.Plot((a, b) => a, [0], [0, 1]));
    }
}
