using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>Each checker of notebook 06 accepts a right answer, rejects a wrong one, and waits on null.</summary>
public class ExercisesNotebook06Tests
{
    static readonly double[] Probs = [0.25, 0.05, 0.1, 0.1, 0.1, 0.4];
    static double Mean => Probs.Select((p, i) => p * (i + 1)).Sum();
    static double Variance => Probs.Select((p, i) => p * Math.Pow(i + 1 - Mean, 2)).Sum();

    [Fact]
    public void Exercise1_accepts_the_expectation_computed_with_tensors()
    {
        using var probs = tensor(Probs, dtype: ScalarType.Float32);
        using var pips = arange(1, 7, dtype: ScalarType.Float32);
        double answer = (pips * probs).sum().item<float>();   // float32, as a learner might compute it
        Assert.True(Notebook06.Exercise1(answer).Correct);
        Assert.True(Notebook06.Exercise1(3.95).Correct);
    }

    [Theory]
    [InlineData(2.95)]   // faces 0…5
    [InlineData(3.5)]    // a fair die
    [InlineData(4.0)]
    public void Exercise1_rejects_wrong_expectations(double answer)
    {
        var feedback = Notebook06.Exercise1(answer);
        Assert.False(feedback.Correct);
        Assert.False(string.IsNullOrWhiteSpace(feedback.Message));
    }

    [Fact]
    public void Exercise1_is_pending_on_null() => Assert.Null(Notebook06.Exercise1(null).Correct);

    [Fact]
    public void Exercise2_accepts_the_variance_by_either_formula()
    {
        Assert.True(Notebook06.Exercise2(Variance).Correct);
        double viaMoments = Probs.Select((p, i) => p * (i + 1) * (i + 1)).Sum() - Mean * Mean;
        Assert.True(Notebook06.Exercise2(viaMoments).Correct);
        Assert.True(Notebook06.Exercise2(4.2475).Correct);
    }

    [Fact]
    public void Exercise2_rejects_the_second_moment_and_the_standard_deviation_with_a_specific_hint()
    {
        var secondMoment = Notebook06.Exercise2(19.85);
        Assert.False(secondMoment.Correct);
        Assert.Contains("E[X²]", secondMoment.Message);
        var sd = Notebook06.Exercise2(Math.Sqrt(4.2475));
        Assert.False(sd.Correct);
        Assert.Contains("standard deviation", sd.Message);
        Assert.False(Notebook06.Exercise2(35.0 / 12).Correct);
    }

    [Fact]
    public void Exercise2_is_pending_on_null_and_names_nan_as_wrong()
    {
        Assert.Null(Notebook06.Exercise2(null).Correct);
        var nan = Notebook06.Exercise2(double.NaN);   // a computation that went wrong (0/0), not a missing answer
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
    }

    [Fact]
    public void Exercise3_accepts_the_posterior_after_a_positive_then_a_negative_test()
    {
        using var prior = tensor(new[] { 1 - 0.0015, 0.0015 });
        using var likelihood = tensor(new[] { 0.01 * 0.97, 1.0 * 0.02 });
        using var joint = likelihood * prior;
        double answer = (joint[1] / joint.sum()).item<double>();
        Assert.True(Notebook06.Exercise3(answer).Correct);
        Assert.InRange(answer, 0.00308, 0.00309);
    }

    [Fact]
    public void Exercise3_rejects_two_positive_tests_and_a_missing_prior()
    {
        var twoPositives = Notebook06.Exercise3(0.00147 / 0.00176955);
        Assert.False(twoPositives.Correct);
        Assert.Contains("two positive tests", twoPositives.Message);
        var noPrior = Notebook06.Exercise3(0.02 / (0.02 + 0.0097));
        Assert.False(noPrior.Correct);
        Assert.Contains("prior", noPrior.Message);
        Assert.False(Notebook06.Exercise3(0.1306).Correct);
    }

    [Fact]
    public void Exercise3_is_pending_on_null() => Assert.Null(Notebook06.Exercise3(null).Correct);

    [Fact]
    public void Exercise4_accepts_rows_renormalised_to_one()
    {
        using var shop = tensor(new double[,] { { 40, 60 }, { 30, 170 } });
        using var answer = shop / shop.sum(1, keepdim: true);
        Assert.True(Notebook06.Exercise4(answer).Correct);
        using var float32 = tensor(new float[,] { { 0.4f, 0.6f }, { 0.15f, 0.85f } });
        Assert.True(Notebook06.Exercise4(float32).Correct);
    }

    [Fact]
    public void Exercise4_rejects_the_joint_table_the_column_conditional_and_a_wrong_shape()
    {
        using var shop = tensor(new double[,] { { 40, 60 }, { 30, 170 } });
        using var jointTable = shop / shop.sum();
        var joint = Notebook06.Exercise4(jointTable);
        Assert.False(joint.Correct);
        Assert.Contains("joint", joint.Message);
        using var byColumn = shop / shop.sum(dim: 0, keepdim: true);
        var columns = Notebook06.Exercise4(byColumn);
        Assert.False(columns.Correct);
        Assert.Contains("columns", columns.Message);
        using var flat = tensor(new[] { 0.4, 0.6, 0.15, 0.85 });
        Assert.False(Notebook06.Exercise4(flat).Correct);
    }

    [Fact]
    public void Exercise4_is_pending_on_null() => Assert.Null(Notebook06.Exercise4(null).Correct);

    [Fact]
    public void Roundings_to_the_digits_each_exercise_allows_pass_and_coarser_ones_are_told_so()
    {
        Assert.True(Notebook06.Exercise1(3.95).Correct);
        Assert.True(Notebook06.Exercise2(4.25).Correct);          // 4.2475 to 3 digits
        Assert.True(Notebook06.Exercise2(4.248).Correct);
        var coarse = Notebook06.Exercise2(4.2);
        Assert.False(coarse.Correct);
        Assert.Contains("at least 3 significant digits", coarse.Message);
        Assert.True(Notebook06.Exercise3(0.0031).Correct);        // 0.003088 to 2 digits
        Assert.True(Notebook06.Exercise3(0.00309).Correct);
        Assert.Contains("two positive tests", Notebook06.Exercise3(0.83).Message);   // the slip, typed rounded
        Assert.Contains("standard deviation", Notebook06.Exercise2(2.06).Message);
    }
}
