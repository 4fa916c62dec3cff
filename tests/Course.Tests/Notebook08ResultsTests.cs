using CourseFiles;

namespace Course.Tests;

/// <summary>
/// Notebook 08's softmax regression reaches d2l's level on Fashion-MNIST, natively and as an AVX2-only CPU computes it, read from
/// the values the executed copy recorded with <c>Course.Record</c>: the guard that once stood in the lesson as a <c>throw</c> lives
/// here, where a learner does not have to read it.
/// </summary>
public class Notebook08ResultsTests
{
    public static TheoryData<string, string> RunsAndCpus()
    {
        var data = new TheoryData<string, string>();
        foreach (var cpu in new[] { "native", "avx2" })
            foreach (var run in new[] { "from scratch", "concise" })
                data.Add(run, cpu);
        return data;
    }

    [Theory, MemberData(nameof(RunsAndCpus))]
    public async Task Softmax_regression_reaches_d2ls_level(string run, string cpu)
    {
        var executed = await ExecutedCourse.ByName(cpu).Load("08-softmax-regression.ipynb");
        double trainLoss = Notebook.Record(executed, $"{run}: train loss");
        double trainAccuracy = Notebook.Record(executed, $"{run}: train acc");
        double testAccuracy = Notebook.Record(executed, $"{run}: test acc");
        Assert.True(trainLoss < 0.5, $"{run} ({cpu}): train loss {trainLoss} after 10 epochs; d2l's softmax regression gets below 0.5");
        Assert.True(testAccuracy > 0.80, $"{run} ({cpu}): test accuracy {testAccuracy} after 10 epochs; d2l's softmax regression gets above 0.80");
        Assert.InRange(trainAccuracy, 0.80, 0.90);   // a linear model on Fashion-MNIST: learned, and far from memorizing the training set
    }

    /// <summary>The prose says the concise model ends where the model from scratch does, up to the last digits.</summary>
    [Theory, InlineData("native"), InlineData("avx2")]
    public async Task The_concise_model_ends_where_the_model_from_scratch_does(string cpu)
    {
        var executed = await ExecutedCourse.ByName(cpu).Load("08-softmax-regression.ipynb");
        foreach (var (name, tolerance) in new[] { ("train loss", 0.005), ("train acc", 0.005), ("test acc", 0.005) })
        {
            double scratch = Notebook.Record(executed, $"from scratch: {name}"), concise = Notebook.Record(executed, $"concise: {name}");
            Assert.True(Math.Abs(scratch - concise) <= tolerance, $"{name} ({cpu}): from scratch {scratch}, concise {concise}; the prose says they agree to within {tolerance}");
        }
        double firstEpoch = Notebook.Record(executed, "from scratch, epoch 1: test acc");
        Assert.True(firstEpoch > 0.7 && firstEpoch < Notebook.Record(executed, "from scratch: test acc"),
            $"({cpu}) test accuracy after one epoch {firstEpoch}: the prose says it starts near 0.77 and climbs");
    }
}
