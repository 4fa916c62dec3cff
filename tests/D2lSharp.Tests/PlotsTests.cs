using System.Text.Json.Nodes;
using D2lSharp.Plotting;
using Plotly.NET;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class PlotsTests
{
    static JsonObject Json(GenericChart chart) => JsonNode.Parse(GenericChart.toJson(chart))!.AsObject();

    [Fact]
    public void Plot_puts_each_named_series_on_one_chart_with_axis_labels()
    {
        double[] x = [0, 1, 2];
        var chart = Plots.Plot(x, [new Series("f(x)", [0, 1, 4]), new Series("tangent", [-1, 1, 3])], "x", "f(x)", title: "demo");
        var json = Json(chart);
        var data = json["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.Equal(["f(x)", "tangent"], data.Select(d => d!["name"]!.GetValue<string>()));
        Assert.Equal("x", json["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("f(x)", json["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("demo", json["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(Plots.DefaultWidth, json["layout"]!["width"]!.GetValue<int>());
        Assert.True(data[0]!["showlegend"]!.GetValue<bool>());
    }

    [Fact]
    public void Plot_can_use_log_axes()
    {
        var json = Json(Plots.Plot([1, 10, 100], [1, 2, 3], logX: true));
        Assert.Equal("log", json["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("linear", json["layout"]!["yaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("power", json["layout"]!["xaxis"]!["exponentformat"]!.GetValue<string>());
    }

    [Fact]
    public void Plot_accepts_tensors()
    {
        using var x = arange(5, dtype: ScalarType.Float32);
        using var y = x * x;
        var json = Json(Plots.Plot(x, ("x²", y)));
        Assert.Equal(16.0, json["data"]![0]!["y"]![4]!.GetValue<double>());
    }

    [Fact]
    public void Plot_rejects_series_of_the_wrong_length()
    {
        var e = Assert.Throws<ArgumentException>(() => Plots.Plot([1, 2, 3], [new Series("short", [1, 2])]));
        Assert.Contains("'short' has 2 values but x has 3", e.Message);
    }

    [Fact]
    public void Scatter_draws_markers()
    {
        var json = Json(Plots.Scatter([1, 2], [3, 4], name: "points", xLabel: "feature", yLabel: "label"));
        Assert.Equal("markers", json["data"]![0]!["mode"]!.GetValue<string>());
        Assert.Equal("points", json["data"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("feature", json["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void ImageGrid_makes_one_heatmap_per_image_with_titles()
    {
        using var images = rand(5, 1, 28, 28);
        var json = Json(Plots.ImageGrid(images, ["a", "b", "c", "d", "e"], columns: 3));
        var data = json["data"]!.AsArray();
        Assert.Equal(6, data.Count); // 2 rows × 3 columns, the last cell empty
        Assert.All(data, d => Assert.Equal("heatmap", d!["type"]!.GetValue<string>()));
        var titles = json["layout"]!["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()).Where(t => t != "").ToList();
        Assert.Equal(["a", "b", "c", "d", "e"], titles);
        Assert.Equal(28, data[0]!["z"]!.AsArray().Count);
    }

    [Fact]
    public void ImageGrid_names_the_shape_it_expected()
    {
        using var bad = rand(28, 28);
        var e = Assert.Throws<ArgumentException>(() => Plots.ImageGrid(bad));
        Assert.Contains("(n, height, width)", e.Message);
        Assert.Contains("(28, 28)", e.Message);
        using var images = rand(2, 4, 4);
        Assert.Throws<ArgumentException>(() => Plots.ImageGrid(images, ["only one"]));
    }
}

public class ChartStyleTests
{
    static JsonObject Json(GenericChart chart) => JsonNode.Parse(GenericChart.toJson(chart))!.AsObject();

    [Fact]
    public void EqualScale_anchors_y_to_x_and_keeps_the_axis_title()
    {
        var json = Json(ChartStyle.EqualScale(Plots.Plot([0, 1], [0, 1], "x₁", "x₂")));
        var y = json["layout"]!["yaxis"]!;
        Assert.Equal("x", y["scaleanchor"]!.GetValue<string>());
        Assert.Equal(1, y["scaleratio"]!.GetValue<int>());
        Assert.Equal("x₂", y["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void ColorRange_fixes_the_colour_scale_and_rejects_an_empty_range()
    {
        var heat = Plotly.NET.CSharp.Chart.Heatmap<double, int, int, string>(new[] { new[] { 0.026, 0.030 }, new[] { 0.028, 0.027 } });
        var trace = Json(ChartStyle.ColorRange(heat, 0, 1.0 / 18))["data"]![0]!;
        Assert.Equal(0, trace["zmin"]!.GetValue<double>());
        Assert.Equal(1.0 / 18, trace["zmax"]!.GetValue<double>(), 12);
        var e = Assert.Throws<ArgumentException>(() => ChartStyle.ColorRange(heat, 1, 1));
        Assert.Contains("min < max", e.Message);
    }

    [Fact]
    public void Contour_plots_use_equal_scales_and_keep_the_legend_off_the_plot_area()
    {
        double[] grid = [-1, 0, 1];
        var json = Json(Contours.Plot((a, b) => a * a + b * b, grid, grid, [Contours.Path([(1, 1), (0.5, 0.5)], "path")]));
        Assert.Equal("x", json["layout"]!["yaxis"]!["scaleanchor"]!.GetValue<string>());
        Assert.True(json["layout"]!["legend"]!["y"]!.GetValue<double>() < 0);
    }
}

public class NetworkDiagramTests
{
    [Fact]
    public void Draws_every_unit_and_every_connection_between_neighbouring_layers()
    {
        var figure = Plotting.NetworkDiagram.Draw(new("input layer", "x₁", "x₂", "x₃", "x₄"), new("output layer", "o₁", "o₂", "o₃"));
        Assert.StartsWith("<svg", figure.Svg);
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Matches(figure.Svg, "<circle").Count);
        Assert.Equal(12, System.Text.RegularExpressions.Regex.Matches(figure.Svg, "<line").Count);   // 4 × 3: fully connected
        Assert.Contains(">o₃<", figure.Svg);
        Assert.Contains("output layer", figure.Svg);
    }

    [Fact]
    public void Refuses_a_picture_without_two_layers_or_with_an_empty_layer()
    {
        Assert.Contains("at least 2 layers", Assert.Throws<ArgumentException>(() => Plotting.NetworkDiagram.Draw(new Plotting.NetworkDiagram.Layer("only", "x"))).Message);
        Assert.Contains("has no units", Assert.Throws<ArgumentException>(() =>
            Plotting.NetworkDiagram.Draw(new("in", "x"), new Plotting.NetworkDiagram.Layer("out"))).Message);
    }
}
