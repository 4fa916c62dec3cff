namespace Course.Tests;

/// <summary>
/// Notebook 09's claims that rest on training runs, read from the values the executed copy recorded with Course.Record (the lesson
/// has no guards): the linear model stays at chance on XOR while the tiny MLP fits it, the MLPs reach d2l's level on Fashion-MNIST,
/// and what the width/depth experiment and the measurement at initialization show.
/// </summary>
public class Notebook09ResultsTests
{
    const string Name = "09-multilayer-perceptron.ipynb";

    [Fact]
    public async Task A_linear_model_stays_at_chance_on_XOR_and_the_tiny_MLP_fits_it()
    {
        var executed = await ExecutedCourse.LoadAsync(Name);
        double linearLoss = Notebook.Record(executed, "linear model: loss");
        double linearAccuracy = Notebook.Record(executed, "linear model: accuracy");
        Assert.InRange(linearLoss, 0.68, Math.Log(2) + 1e-6);   // "hardly below ln 2"
        Assert.InRange(linearAccuracy, 0.35, 0.65);              // a coin flip
        Assert.InRange(Notebook.Record(executed, "linear model: lowest P(label 1)"), 0.4, 0.5);
        Assert.InRange(Notebook.Record(executed, "linear model: highest P(label 1)"), 0.5, 0.6);
        Assert.True(Notebook.Record(executed, "tiny MLP: loss") < 0.01, "the tiny MLP's loss should end near 0");
        Assert.Equal(1.0, Notebook.Record(executed, "tiny MLP: accuracy"));
    }

    [Fact]
    public async Task Both_MLPs_reach_a_test_accuracy_above_0_82_and_softmax_regression_its_08_level()
    {
        var executed = await ExecutedCourse.LoadAsync(Name);
        double scratch = Notebook.Record(executed, "from scratch: test acc");
        double concise = Notebook.Record(executed, "concise: test acc");
        double softmax = Notebook.Record(executed, "softmax regression: test acc");
        Assert.True(scratch > 0.82, $"MLP from scratch: test acc {scratch}, want > 0.82");
        Assert.True(concise > 0.82, $"concise MLP: test acc {concise}, want > 0.82");
        Assert.True(softmax > 0.80, $"softmax regression: test acc {softmax}, want > 0.80");
        foreach (string run in new[] { "from scratch", "concise" })
            Assert.True(Notebook.Record(executed, $"{run}: train loss") < Notebook.Record(executed, "softmax regression: train loss"),
                $"{run}: the MLP's training loss should end below softmax regression's");
    }

    [Fact]
    public async Task A_wider_hidden_layer_fits_a_little_faster_and_a_second_one_falls_behind_after_3_epochs()
    {
        var executed = await ExecutedCourse.LoadAsync(Name);
        double Loss(string model) => Notebook.Record(executed, $"{model} after 3 epochs: train loss");
        double Acc(string model) => Notebook.Record(executed, $"{model} after 3 epochs: test acc");
        double narrow = Loss("784-64-10"), middle = Loss("784-256-10"), wide = Loss("784-1024-10"), deep = Loss("784-256-256-10");
        // "The wider the hidden layer, the lower the training loss ... after 3 epochs drops by a few hundredths"
        Assert.True(narrow > middle && middle > wide, $"training losses after 3 epochs should fall with width: 64 {narrow}, 256 {middle}, 1024 {wide}");
        Assert.InRange(narrow - wide, 0.01, 0.09);
        // "the test accuracies after 3 epochs lie within about a point of each other"
        var accs = new[] { Acc("784-64-10"), Acc("784-256-10"), Acc("784-1024-10") };
        Assert.True(accs.Max() - accs.Min() < 0.015, $"one-hidden-layer test accuracies after 3 epochs: {string.Join(", ", accs)}; want within about a point");
        // "The second hidden layer does not help here ... still behind after 3"
        Assert.True(deep > narrow, $"784-256-256-10's training loss after 3 epochs ({deep}) should be behind every one-hidden-layer MLP's");
        Assert.True(Acc("784-256-256-10") < accs.Min(), "784-256-256-10's test accuracy after 3 epochs should be the lowest");
    }

    [Fact]
    public async Task Each_layer_of_small_weights_shrinks_the_score_spread_and_the_first_layer_gradient_about_tenfold()
    {
        var executed = await ExecutedCourse.LoadAsync(Name);
        double Spread(string model) => Notebook.Record(executed, $"{model} at initialization: score spread");
        double Gradient(string model) => Notebook.Record(executed, $"{model} at initialization: first-layer gradient norm");
        string[] chain = { "784-10 (softmax regression)", "784-256-10", "784-256-256-10" };
        for (int i = 1; i < chain.Length; i++)
        {
            Assert.InRange(Spread(chain[i - 1]) / Spread(chain[i]), 5.0, 20.0);
            Assert.InRange(Gradient(chain[i - 1]) / Gradient(chain[i]), 5.0, 20.0);
        }
        // "a wider layer, whose scores sum over more hidden units, starts faster than a narrow one"
        Assert.True(Spread("784-64-10") < Spread("784-256-10") && Spread("784-256-10") < Spread("784-1024-10"), "the score spread should grow with width");
        Assert.True(Gradient("784-64-10") < Gradient("784-256-10") && Gradient("784-256-10") < Gradient("784-1024-10"), "the gradient should grow with width");
    }
}
