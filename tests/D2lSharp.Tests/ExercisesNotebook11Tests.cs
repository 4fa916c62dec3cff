using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>Each checker of notebook 11 accepts a right answer, rejects wrong ones with specific feedback and is pending on null.</summary>
public class ExercisesNotebook11Tests
{
    [Fact]
    public void Exercise1_accepts_one_over_one_minus_p()
    {
        Assert.True(Notebook11.Exercise1(1 / (1 - 0.2)).Correct);
        Assert.True(Notebook11.Exercise1(1.25).Correct);
    }

    [Fact]
    public void Exercise1_rejects_the_keep_probability_and_one_over_p_and_is_pending_on_null()
    {
        var keep = Notebook11.Exercise1(0.8);
        Assert.False(keep.Correct);
        Assert.Contains("chance that an element is kept", keep.Message);
        var overP = Notebook11.Exercise1(5);
        Assert.False(overP.Correct);
        Assert.Contains("1/p", overP.Message);
        Assert.False(Notebook11.Exercise1(2).Correct);
        var pending = Notebook11.Exercise1(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
        Assert.StartsWith("⏳ Not answered yet", pending.ToString());
    }

    [Fact]
    public void Exercise2_accepts_0_6_and_agrees_with_two_sampled_dropout_layers()
    {
        Assert.True(Notebook11.Exercise2(0.6).Correct);
        Assert.True(Notebook11.Exercise2(1 - 0.5 * 0.8).Correct);
        Assert.True(Notebook11.Exercise2(3.0 / 5).Correct);
        // What the checker expects is what two real dropout layers do: each element is 0 or 2.5 (= 1/(1 − 0.6)), 0 in 60 % of the cases.
        manual_seed(11);
        var x = ones(400_000, dtype: ScalarType.Float64);
        var first = (rand(400_000, dtype: ScalarType.Float64) > 0.5).to_type(ScalarType.Float64) * x / 0.5;
        var second = (rand(400_000, dtype: ScalarType.Float64) > 0.2).to_type(ScalarType.Float64) * first / 0.8;
        Assert.InRange(second.eq(0).to_type(ScalarType.Float64).mean().item<double>(), 0.598, 0.602);
        Assert.Equal(new[] { 0.0, 2.5 }, second.unique().output.data<double>().ToArray());
    }

    [Fact]
    public void Exercise2_names_each_slip_and_is_pending_on_null()
    {
        Assert.Contains("survives both layers", Notebook11.Exercise2(0.4).Message);
        Assert.Contains("counts twice", Notebook11.Exercise2(0.7).Message);
        Assert.Contains("both layers drop", Notebook11.Exercise2(0.1).Message);
        Assert.Contains("average", Notebook11.Exercise2(0.35).Message);
        Assert.Contains("one layer's probability alone", Notebook11.Exercise2(0.5).Message);
        Assert.Contains("one layer's probability alone", Notebook11.Exercise2(0.2).Message);
        Assert.Contains("not a probability", Notebook11.Exercise2(2.5).Message);
        int three = 3, five = 5;
        var integerDivision = Notebook11.Exercise2(three / five);
        Assert.Contains("int divided by an int", integerDivision.Message);
        Assert.DoesNotContain("3/5", integerDivision.Message);                  // the message does not give the answer away
        foreach (var wrong in new[] { 0.4, 0.7, 0.1, 0.35, 0.5, 0.2, 2.5, 0.0, 0.65, 0.59, 0.61 }) Assert.False(Notebook11.Exercise2(wrong).Correct);
        Assert.Contains("exact value", Notebook11.Exercise2(0.59).Message);
        int one = 1, two = 2, fiveInts = 5, ten = 10;
        var allDropped = Notebook11.Exercise2(1 - two / fiveInts);                          // `1 - 2/5` is 1
        Assert.False(allDropped.Correct);
        Assert.Contains("every element is dropped", allDropped.Message);
        Assert.Contains("int divided by an int", allDropped.Message);
        var overlapLost = Notebook11.Exercise2(0.5 + 0.2 - one / ten);                 // the overlap subtracted, but 1/10 is 0
        Assert.False(overlapLost.Correct);
        Assert.Contains("counts twice", overlapLost.Message);
        Assert.Contains("int divided by an int", overlapLost.Message);
        var keepLost = Notebook11.Exercise2(1 - 0.5 * (1 - one / fiveInts));               // (1 - 1/5) is 1
        Assert.False(keepLost.Correct);
        Assert.Contains("int divided by an int", keepLost.Message);
        foreach (var slip in new[] { 1 - two / fiveInts, 0.5 + 0.2 - one / ten, 1 - 0.5 * (1 - one / fiveInts) })
            Assert.DoesNotContain("0.6", Notebook11.Exercise2(slip).Message);
        Assert.True(Notebook11.Exercise2(0.5 + 0.2 - 1.0 / 10).Correct);              // the same expressions in doubles pass
        Assert.True(Notebook11.Exercise2(1 - 2.0 / 5).Correct);
        var pending = Notebook11.Exercise2(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
    }

    [Fact]
    public void Exercise3_accepts_the_column_of_W2_in_either_case()
    {
        Assert.True(Notebook11.Exercise3('b').Correct);
        Assert.True(Notebook11.Exercise3('B').Correct);
    }

    [Fact]
    public void Exercise3_agrees_with_autograd_on_a_dropped_hidden_unit()
    {
        // o = W₂h′ + b₂ with h′₂ = 0: the column of W₂ that reads h′₂ gets zero gradient, the others do not.
        manual_seed(3);
        var hPrime = tensor(new[] { 1.5, 0, 0.7, 2.0, 0 }, dtype: ScalarType.Float64).reshape(5, 1);
        var W2 = randn(3, 5, dtype: ScalarType.Float64).requires_grad_();
        var o = W2.mm(hPrime);
        nn.functional.cross_entropy(o.reshape(1, 3), tensor(new long[] { 2 })).backward();
        var columnNorms = W2.grad!.abs().sum(new long[] { 0 }).data<double>().ToArray();   // not sum(0): a literal 0 converts to ScalarType
        Assert.Equal(0, columnNorms[1]);
        Assert.Equal(0, columnNorms[4]);
        Assert.All(new[] { 0, 2, 3 }, j => Assert.True(columnNorms[j] > 0));
    }

    [Fact]
    public void Exercise3_explains_each_wrong_choice_and_is_pending_on_null()
    {
        Assert.Contains("kept units", Notebook11.Exercise3('a').Message);
        Assert.Contains("one row per output", Notebook11.Exercise3('c').Message);
        Assert.Contains("W₂ multiplies h′,", Notebook11.Exercise3('d').Message);
        foreach (var c in new[] { 'a', 'c', 'd', 'x' }) Assert.False(Notebook11.Exercise3(c).Correct);
        Assert.Contains("not one of the choices", Notebook11.Exercise3('x').Message);
        Assert.Null(Notebook11.Exercise3(null).Correct);
    }

    [Fact]
    public void Exercise4_accepts_the_variance_and_agrees_with_sampled_dropout()
    {
        Assert.True(Notebook11.Exercise4(1.5).Correct);
        Assert.True(Notebook11.Exercise4(0.2 / 0.8 * 6).Correct);
        Assert.True(Notebook11.Exercise4(0.25 * (4 + 1 + 1)).Correct);
        // What the checker expects is what dropout does: o = 2h₁′ + h₂′ + h₃′ with h = 1 and p = 0.2 has mean 4 and variance 1.5.
        manual_seed(4);
        int n = 1_000_000;
        var h = ones(n, 3, dtype: ScalarType.Float64);
        var dropped = (rand(n, 3, dtype: ScalarType.Float64) > 0.2).to_type(ScalarType.Float64) * h / 0.8;
        var o = dropped.mv(tensor(new[] { 2.0, 1, 1 }, dtype: ScalarType.Float64));
        Assert.InRange(o.mean().item<double>(), 3.99, 4.01);
        Assert.InRange(o.var().item<double>(), 1.48, 1.52);
    }

    [Fact]
    public void Exercise4_names_each_slip_and_is_pending_on_null()
    {
        Assert.Contains("Σ wᵢ²hᵢ² alone", Notebook11.Exercise4(6).Message);
        Assert.Contains("uses p where", Notebook11.Exercise4(1.2).Message);
        Assert.Contains("variance of the 0/1 mask", Notebook11.Exercise4(0.2 * 0.8 * 6).Message);
        Assert.Contains("squares the whole sum", Notebook11.Exercise4(4).Message);
        Assert.Contains("upside down", Notebook11.Exercise4(24).Message);
        Assert.Contains("never is", Notebook11.Exercise4(-1.5).Message);
        int one = 1, four = 4;
        var integerDivision = Notebook11.Exercise4(one / four * 6);                   // `1/4 * 6` typed for p/(1 − p)·6
        Assert.Contains("int divided by an int", integerDivision.Message);
        Assert.DoesNotContain("1.5", integerDivision.Message);                        // the message does not give the answer away
        Assert.Contains("exact value", Notebook11.Exercise4(1.4).Message);
        foreach (var wrong in new[] { 6, 1.2, 0.96, 4, 24, -1.5, 0, 1.4, 1.6, 3 }) Assert.False(Notebook11.Exercise4(wrong).Correct);
        Assert.Contains("NaN", Notebook11.Exercise4(double.NaN).Message);
        var pending = Notebook11.Exercise4(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
    }

    [Fact]
    public void Exercise1_names_integer_division_without_giving_the_answer_away()
    {
        int five = 5, four = 4;
        var typedFraction = Notebook11.Exercise1(five / four);       // what `double? answer1 = 5/4;` gives
        Assert.False(typedFraction.Correct);
        Assert.Contains("int divided by an int is an int", typedFraction.Message);
        Assert.DoesNotContain("5/4", typedFraction.Message);
        Assert.DoesNotContain("1.25", typedFraction.Message);
        var zero = Notebook11.Exercise1(four / five);                // 4/5 typed for the keep probability
        Assert.False(zero.Correct);
        Assert.Contains("int divided by an int", zero.Message);
        Assert.True(Notebook11.Exercise1(5.0 / 4).Correct);
        var coarse = Notebook11.Exercise1(1.3);
        Assert.False(coarse.Correct);
        Assert.Contains("has an exact value", coarse.Message);
        Assert.False(Notebook11.Exercise1(1.24).Correct);                 // one unit below 1.25 is not a rounding of it
        Assert.False(Notebook11.Exercise1(1.2).Correct);
        var nan = Notebook11.Exercise1(double.NaN);
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
    }

    [Theory]
    [InlineData("higher", 0.80, 0.78)]
    [InlineData("Higher.", 0.80, 0.78)]
    [InlineData("better", 0.80, 0.78)]
    [InlineData("lower", 0.77, 0.79)]
    [InlineData("same", 0.791, 0.789)]
    [InlineData("about the same", 0.795, 0.789)]   // 0.006: between the bands, either reading is accepted
    [InlineData("higher", 0.795, 0.789)]
    public void Exercise5_accepts_a_reading_that_matches_the_two_runs(string answer, double swapped, double original) =>
        Assert.True(Notebook11.Exercise5(answer, swapped, original).Correct, Notebook11.Exercise5(answer, swapped, original).Message);

    [Fact]
    public void Exercise5_rejects_a_wrong_reading_with_a_reason_and_is_pending_until_both_runs_and_an_answer_are_given()
    {
        var opposite = Notebook11.Exercise5("lower", 0.80, 0.78);
        Assert.False(opposite.Correct);
        Assert.Contains("opposite", opposite.Message);
        var notSame = Notebook11.Exercise5("same", 0.80, 0.78);
        Assert.False(notSame.Correct);
        Assert.Contains("more than 0.01", notSame.Message);
        var tooSmall = Notebook11.Exercise5("higher", 0.792, 0.789);
        Assert.False(tooSmall.Correct);
        Assert.Contains("at most 0.005", tooSmall.Message);
        Assert.Contains("not one of", Notebook11.Exercise5("maybe", 0.8, 0.78).Message);
        Assert.Contains("is not the final test accuracy", Notebook11.Exercise5("higher", 80, 78).Message);
        Assert.Null(Notebook11.Exercise5(null, null, null).Correct);
        var noRuns = Notebook11.Exercise5("higher", null, 0.78);
        Assert.Null(noRuns.Correct);
        Assert.Contains("TrainSmall(0.5, 0.2)", noRuns.Message);
        var noAnswer = Notebook11.Exercise5(null, 0.8, 0.78);
        Assert.Null(noAnswer.Correct);
        Assert.DoesNotContain("Hint", noAnswer.Message);
    }

    [Fact]
    public void Exercise6_reads_the_gap_as_smaller_or_larger()
    {
        Assert.True(Notebook11.Exercise6("smaller", 0.10, 0.13).Correct);
        Assert.True(Notebook11.Exercise6("narrower", 0.10, 0.13).Correct);
        Assert.True(Notebook11.Exercise6("larger", 0.15, 0.13).Correct);
        Assert.True(Notebook11.Exercise6("same", 0.132, 0.13).Correct);
        var wrong = Notebook11.Exercise6("larger", 0.10, 0.13);
        Assert.False(wrong.Correct);
        Assert.Contains("Hint", wrong.Message);
        Assert.Contains("weight decay alone", Notebook11.Exercise6("smaller", 0.10, 0.13).Message);
        Assert.Null(Notebook11.Exercise6(null, null, null).Correct);
        Assert.Contains("NaN", Notebook11.Exercise6("smaller", double.NaN, 0.13).Message);
    }
}
