namespace Course.Tests;

/// <summary>
/// Notebook 09's claims that rest on training runs, read from the values the executed copy recorded with Course.Record (the lesson
/// has no guards): the linear model stays at chance on XOR while the tiny MLP fits it, and the MLPs reach d2l's level on Fashion-MNIST.
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
}
