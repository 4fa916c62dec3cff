using System.Text.Json.Nodes;
using D2lSharp.Plotting;
using Plotly.NET;

namespace D2lSharp.Tests;

/// <summary>Curves, bars, histograms, heatmaps and sliders: what each puts into the plotly.js JSON a front end draws.</summary>
public class ChartKnobsTests
{
    static JsonObject Json(GenericChart chart) => JsonNode.Parse(GenericChart.toJson(chart))!.AsObject();
    static double[] Numbers(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Fact]
    public void Curves_carry_their_own_x_colour_dash_and_mark_and_can_share_one_scale()
    {
        var json = Json(Plots.Curves([
            new Curve("circle", [1, 0, -1], [0, 1, 0], Color: "crimson"),
            new Curve("reference", [-1, 1], [0.5, 0.5], Dashed: true),
            new Curve("points", [0], [0], Mark.Points)], "x₁", "x₂", xRange: (-2, 2), yRange: (-2, 2), equalScale: true));
        var data = json["data"]!.AsArray();
        Assert.Equal([1.0, 0, -1], Numbers(data[0]!["x"]));
        Assert.Equal("crimson", data[0]!["line"]!["color"]!.GetValue<string>());
        Assert.Equal("dash", data[1]!["line"]!["dash"]!.GetValue<string>());
        Assert.Equal("markers", data[2]!["mode"]!.GetValue<string>());
        var layout = json["layout"]!;
        Assert.Equal([-2.0, 2], Numbers(layout["xaxis"]!["range"]));
        Assert.Equal("x", layout["yaxis"]!["scaleanchor"]!.GetValue<string>());
        Assert.Equal("x₂", layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_fixed_range_on_a_log_axis_is_given_to_plotly_in_powers_of_ten()
    {
        var json = Json(Plots.Plot([1, 2, 3], [new Series("loss", [1, 0.1, 0.01])], yRange: (1e-3, 10), logY: true));
        Assert.Equal([-3.0, 1], Numbers(json["layout"]!["yaxis"]!["range"]));
        Assert.Contains("min < max", Assert.Throws<ArgumentException>(() => Plots.Plot([1.0], [new Series("a", [1.0])], yRange: (2, 1))).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => Plots.Plot([1.0], [new Series("a", [1.0])], logY: true, yRange: (0, 1))).Message);
    }

    [Fact]
    public void Bars_draw_one_bar_per_category_and_can_fix_the_value_axis()
    {
        var json = Json(Plots.Bars(["NumRooms", "Alley", "Price"], [2, 3, 0], "column", "missing values (of 4 rows)", yRange: (0, 4)));
        var bars = json["data"]![0]!;
        Assert.Equal("bar", bars["type"]!.GetValue<string>());
        Assert.Equal(["NumRooms", "Alley", "Price"], bars["x"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal([2.0, 3, 0], Numbers(bars["y"]));
        Assert.Equal([0.0, 4], Numbers(json["layout"]!["yaxis"]!["range"]));
        // named bars need a category axis: on plotly.js's linear axis they would not be drawn at all
        Assert.Equal("category", json["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        Assert.Null(Json(Plots.Bars(["a"], [1]))["layout"]!["yaxis"]!["range"]);
        Assert.Contains("min < max", Assert.Throws<ArgumentException>(() => Plots.Bars(["a"], [1], yRange: (4, 0))).Message);
        Assert.Throws<ArgumentException>(() => Plots.Bars(["a", "b"], [1]));
    }

    [Fact]
    public void Histogram_counts_every_value_once_in_bins_it_computes_and_says_how_many_fell_outside()
    {
        var json = Json(Plots.Histogram([("a", [0.05, 0.15, 0.15, 0.99, 5.0])], 0, 1, 0.1, logY: true));
        var bars = json["data"]![0]!;
        Assert.Equal("bar", bars["type"]!.GetValue<string>());
        var counts = Numbers(bars["y"]);
        Assert.Equal(10, counts.Length);
        Assert.Equal(5, counts.Sum());
        Assert.Equal([1.0, 2], counts[..2]);
        Assert.Equal(2, counts[9]); // 0.99 and, clamped into the last bin, 5.0
        Assert.Contains("1 outside the range", bars["name"]!.GetValue<string>());
        Assert.Equal("log", json["layout"]!["yaxis"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Heatmap_fixes_its_colour_range_and_titles_its_colour_bar()
    {
        var json = Json(Plots.Heatmap([[1, 2], [3, 4]], "second die", "first die", zRange: (0, 5), colorBarTitle: "probability"));
        var trace = json["data"]![0]!;
        Assert.Equal(0, trace["zmin"]!.GetValue<double>());
        Assert.Equal(5, trace["zmax"]!.GetValue<double>());
        Assert.Equal("probability", trace["colorbar"]!["title"]!["text"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => Plots.Heatmap([[1, 2], [3]]));
    }

    [Fact]
    public void Slider_shows_one_frame_at_a_time_on_axes_that_cover_every_frame()
    {
        double[] x = [1, 2, 3];
        var frames = new List<(string, IReadOnlyList<Curve>)>
        {
            ("0.1", [new Curve("train", x, [1, 0.5, 0.25]), new Curve("test", x, [1, 0.6, 0.4])]),
            ("1", [new Curve("train", x, [1, 0.1, 0.01]), new Curve("test", x, [1, 0.2, 0.1])]),
            ("10", [new Curve("train", x, [1, 3, 9]), new Curve("test", x, [1, 4, 16])]),
        };
        var json = Json(Plots.Slider("learning rate", frames, "epoch", "loss", logY: true, active: 1));
        var data = json["data"]!.AsArray();
        Assert.Equal(6, data.Count);
        Assert.Equal([false, false, true, true, false, false], data.Select(d => d!["visible"]!.GetValue<bool>()));
        var slider = json["layout"]!["sliders"]![0]!;
        Assert.Equal(1, slider["active"]!.GetValue<int>());
        Assert.Equal("learning rate = ", slider["currentvalue"]!["prefix"]!.GetValue<string>());
        var steps = slider["steps"]!.AsArray();
        Assert.Equal(["0.1", "1", "10"], steps.Select(s => s!["label"]!.GetValue<string>()));
        Assert.Equal([true, true, false, false, false, false],
            steps[0]!["args"]![0]!["visible"]!.AsArray().Select(v => v!.GetValue<bool>()));
        // The y range spans the smallest (0.01) and the largest (16) value of all frames, in powers of ten on a log axis.
        var range = Numbers(json["layout"]!["yaxis"]!["range"]);
        Assert.True(range[0] < -2 && range[1] > Math.Log10(16), $"y range {range[0]}..{range[1]}");
    }

    [Fact]
    public void Slider_draws_fixed_curves_in_every_frame_and_counts_them_in_the_axes()
    {
        double[] x = [1, 2, 3];
        var frames = new List<(string, IReadOnlyList<Curve>)>
        {
            ("0.1", [new Curve("run", x, [1, 0.5, 0.25])]),
            ("1", [new Curve("run", x, [1, 0.1, 0.01])]),
        };
        var reference = new Curve("default", x, [100, 10, 1e-3], Color: "grey", Dashed: true);
        var json = Json(Plots.Slider("learning rate", frames, "step", "loss", logY: true, active: 0, fixedCurves: [reference]));
        var data = json["data"]!.AsArray();
        Assert.Equal(3, data.Count);
        Assert.Equal("default", data[2]!["name"]!.GetValue<string>());
        Assert.True(data[2]!["visible"] is null || data[2]!["visible"]!.GetValue<bool>());   // shown from the start
        var steps = json["layout"]!["sliders"]![0]!["steps"]!.AsArray();
        Assert.Equal([true, false, true], steps[0]!["args"]![0]!["visible"]!.AsArray().Select(v => v!.GetValue<bool>()));
        Assert.Equal([false, true, true], steps[1]!["args"]![0]!["visible"]!.AsArray().Select(v => v!.GetValue<bool>()));
        var range = Numbers(json["layout"]!["yaxis"]!["range"]);
        Assert.True(range[0] < -3 && range[1] > 2, $"y range {range[0]}..{range[1]} should cover the fixed curve's 1e-3 to 100");
    }

    [Fact]
    public void Slider_refuses_fewer_than_two_frames_empty_frames_and_an_active_frame_that_does_not_exist()
    {
        IReadOnlyList<Curve> one = [new Curve("a", [1.0], [1.0])];
        Assert.Throws<ArgumentException>(() => Plots.Slider("p", [("0", one)]));
        Assert.Throws<ArgumentException>(() => Plots.Slider("p", [("0", one), ("1", [])]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plots.Slider("p", [("0", one), ("1", one)], active: 2));
    }
}
