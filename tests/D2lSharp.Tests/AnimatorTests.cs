using System.Text.Json.Nodes;
using D2lSharp.Plotting;
using Plotly.NET;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>The Animator records, draws, and shows itself once, then updates that one chart.</summary>
public class AnimatorTests
{
    static JsonObject Json(object chart) => JsonNode.Parse(GenericChart.toJson((GenericChart)chart))!.AsObject();

    static int Points(object chart, int trace) => Json(chart)["data"]![trace]!["x"]!.AsArray().Count;

    [Fact]
    public void Animator_records_every_point_and_draws_one_line_per_curve()
    {
        var animator = new Animator("epoch", ["train loss", "train acc", "test acc"], xLim: (1, 3), yLim: (0.3, 0.9));
        animator.Add(1, 0.8, 0.6, 0.55);
        animator.Add(2, 0.6, 0.7, double.NaN); // NaN: no point for that curve (d2l passes None)
        animator.Add(3, 0.5);                  // fewer values: only the first curves get points
        Assert.Equal(["train loss", "train acc", "test acc"], animator.Series.Select(s => s.Name));
        Assert.Equal([1.0, 2, 3], animator.Series[0].X);
        Assert.Equal([0.8, 0.6, 0.5], animator.Series[0].Y);
        Assert.Equal([1.0, 2], animator.Series[1].X);
        Assert.Equal([0.55], animator.Series[2].Y);
        var json = Json(animator.Chart);
        var data = json["data"]!.AsArray();
        Assert.Equal(3, data.Count);
        Assert.Equal(["train loss", "train acc", "test acc"], data.Select(d => d!["name"]!.GetValue<string>()));
        Assert.All(data, d => Assert.Equal("lines+markers", d!["mode"]!.GetValue<string>()));
        Assert.Equal([1.0, 3.0], json["layout"]!["xaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal([0.3, 0.9], json["layout"]!["yaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("epoch", json["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.False(animator.Shown); // no notebook: it only records
    }

    [Fact]
    public void Animator_shows_one_chart_and_updates_that_same_chart_after_every_point()
    {
        var sink = new RecordingSink();
        var animator = new Animator(sink, "epoch", ["loss"]);
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            animator.Add(epoch, 1.0 / epoch);
            Assert.Equal(epoch, sink.Shows + sink.Updates); // redrawn while the loop runs, not at the end
        }
        Assert.Equal(1, sink.Shows);
        Assert.Equal(3, sink.Updates);
        Assert.All(sink.Handles, h => Assert.Same(sink.Handles[0], h)); // every update names the chart that was shown
        Assert.Equal([1, 2, 3, 4], sink.Values.Select(v => Points(v, 0)));
        Assert.True(animator.Shown);
    }

    [Fact]
    public void Outside_a_notebook_the_animator_only_records()
    {
        // No kernel cell is running in a test process: KernelInvocationContext.Current is null, as in a plain program.
        Assert.Null(Microsoft.DotNet.Interactive.KernelInvocationContext.Current);
        var animator = Animator.ForTraining(3);
        for (int epoch = 1; epoch <= 3; epoch++) animator.Add(epoch, 1.0 / epoch, 0.5, 0.4);
        Assert.False(animator.Shown);
        Assert.Equal(3, animator.Points);
        Assert.Equal(3, Points(animator.Chart, 0));
    }

    [Fact]
    public void Animator_rejects_bad_input()
    {
        var animator = new Animator("epoch", ["a", "b"]);
        Assert.Contains("has 2 curves (a, b); give 1 to 2 values, got 3", Assert.Throws<ArgumentException>(() => animator.Add(1, 1, 2, 3)).Message);
        Assert.Throws<ArgumentException>(() => new Animator("epoch", []));
        Assert.Contains("low < high", Assert.Throws<ArgumentException>(() => new Animator("epoch", ["a"], xLim: (3, 1))).Message);
        var training = Animator.ForTraining(10);
        Assert.Equal(["train loss", "train acc", "test acc"], training.Series.Select(s => s.Name));
    }

    [Fact]
    public void A_training_plot_can_carry_a_title_that_tells_two_runs_apart()
    {
        var scratch = Animator.ForTraining(10, title: "from scratch");
        var concise = Animator.ForTraining(10, yLim: (0.3, 1.3), title: "concise");
        scratch.Add(1, 0.8, 0.7, 0.72);
        concise.Add(1, 0.8, 0.7, 0.72);
        Assert.Equal("from scratch", Json(scratch.Chart)["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("concise", Json(concise.Chart)["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Null(Json(Animator.ForTraining(10).Chart)["layout"]!["title"]);   // no title unless asked for
    }

    [Fact]
    public void The_training_plot_titles_its_y_axis_and_draws_its_edge_markers_whole()
    {
        var animator = Animator.ForTraining(10);
        animator.Add(1, 0.8, 0.7, 0.72);
        var json = Json(animator.Chart);
        Assert.Equal("loss / accuracy", json["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>());
        var x = json["layout"]!["xaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.True(x[0] < 1 && x[1] > 10, $"epochs 1 and 10 must lie inside the x range, not on its edge; got [{x[0]}, {x[1]}]");
        Assert.All(json["data"]!.AsArray(), t => Assert.False(t!["cliponaxis"]!.GetValue<bool>()));
    }

    [Fact]
    public void Predictions_titles_each_image_with_true_over_predicted_labels()
    {
        using var images = rand(10, 1, 28, 28);
        using var truth = tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
        using var predicted = tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 0 });
        var json = Json(Plots.Predictions(images, truth, predicted, n: 10));
        var titles = json["layout"]!["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()).Where(t => t != "").ToList();
        Assert.Equal(10, titles.Count);
        Assert.Equal("t-shirt<br>t-shirt", titles[0]);
        Assert.Equal("ankle boot<br>✗ t-shirt", titles[9]);
        Assert.Equal(8, JsonNode.Parse(GenericChart.toJson(Plots.Predictions(images, truth, predicted)))!["layout"]!["annotations"]!.AsArray().Count);
        using var shortLabels = tensor(new long[] { 1, 2 });
        Assert.Contains("one true and one predicted label per image", Assert.Throws<ArgumentException>(() => Plots.Predictions(images, shortLabels, predicted)).Message);
    }
}
