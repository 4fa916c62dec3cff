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
    public void Exercise2_accepts_the_variance_and_agrees_with_sampled_dropout()
    {
        Assert.True(Notebook11.Exercise2(12).Correct);
        // The answer the checker expects is the variance of real dropout samples: 0 with probability 1/4, 8 with probability 3/4.
        manual_seed(11);
        var kept = (rand(400_000) > 0.25).to_type(ScalarType.Float64) * 6.0 / 0.75;
        Assert.InRange(kept.var().item<double>(), 11.9, 12.1);
    }

    [Fact]
    public void Exercise2_rejects_the_unscaled_variance_the_std_h_squared_and_zero_and_is_pending_on_null()
    {
        var unscaled = Notebook11.Exercise2(6.75);
        Assert.False(unscaled.Correct);
        Assert.Contains("without the 1/(1 − p) scaling", unscaled.Message);
        var std = Notebook11.Exercise2(Math.Sqrt(12));
        Assert.False(std.Correct);
        Assert.Contains("standard deviation", std.Message);
        var hSquared = Notebook11.Exercise2(36);
        Assert.False(hSquared.Correct);
        Assert.Contains("only for p = 0.5", hSquared.Message);
        Assert.False(Notebook11.Exercise2(0).Correct);
        Assert.False(Notebook11.Exercise2(9).Correct);
        var pending = Notebook11.Exercise2(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
    }

    [Fact]
    public void Exercise3_accepts_the_expectation_in_either_case()
    {
        Assert.True(Notebook11.Exercise3('b').Correct);
        Assert.True(Notebook11.Exercise3('B').Correct);
    }

    [Fact]
    public void Exercise3_explains_each_wrong_choice_and_is_pending_on_null()
    {
        Assert.Contains("sum varies", Notebook11.Exercise3('a').Message);
        Assert.Contains("binomial", Notebook11.Exercise3('c').Message);
        Assert.Contains("variance", Notebook11.Exercise3('d').Message);
        foreach (var c in new[] { 'a', 'c', 'd', 'x' }) Assert.False(Notebook11.Exercise3(c).Correct);
        Assert.Contains("not one of the choices", Notebook11.Exercise3('x').Message);
        Assert.Null(Notebook11.Exercise3(null).Correct);
    }

    [Fact]
    public void Exercise4_accepts_predicates_that_reject_nan()
    {
        Assert.True(Notebook11.Exercise4(p => p >= 0 && p <= 1).Correct);
        Assert.True(Notebook11.Exercise4(p => !double.IsNaN(p) && !(p < 0) && !(p > 1)).Correct);
    }

    [Fact]
    public void Exercise4_names_the_failing_cases_survives_a_throwing_predicate_and_is_pending_on_null()
    {
        var letsNaNThrough = Notebook11.Exercise4(p => !(p < 0 || p > 1));          // the classic NaN slip
        Assert.False(letsNaNThrough.Correct);
        Assert.Contains("p = NaN (accepted", letsNaNThrough.Message);
        var open = Notebook11.Exercise4(p => p > 0 && p < 1);                        // excludes the valid ends
        Assert.False(open.Correct);
        Assert.Contains("p = 0 (rejected", open.Message);
        Assert.Contains("p = 1 (rejected", open.Message);
        var throws = Notebook11.Exercise4(p => throw new InvalidOperationException());
        Assert.False(throws.Correct);
        Assert.Contains("threw InvalidOperationException", throws.Message);
        Assert.Null(Notebook11.Exercise4(null).Correct);
    }

    [Fact]
    public void Exercise1_says_that_5_over_4_is_integer_division_in_csharp()
    {
        int five = 5, four = 4;
        var typedFraction = Notebook11.Exercise1(five / four);       // what `double? answer1 = 5/4;` gives
        Assert.False(typedFraction.Correct);
        Assert.Contains("int divided by an int is an int", typedFraction.Message);
        Assert.Contains("5/4 is 1", typedFraction.Message);
        var zero = Notebook11.Exercise1(four / five);                // 4/5 typed for the keep probability
        Assert.False(zero.Correct);
        Assert.Contains("int divided by an int", zero.Message);
        Assert.True(Notebook11.Exercise1(5.0 / 4).Correct);
        var coarse = Notebook11.Exercise1(1.3);
        Assert.False(coarse.Correct);
        Assert.Contains("at least 3 significant digits", coarse.Message);
        var nan = Notebook11.Exercise1(double.NaN);
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
    }

    [Fact]
    public void Exercise2_mentions_integer_division_for_0_and_names_a_rounded_standard_deviation()
    {
        int one = 1, three = 3;
        var zero = Notebook11.Exercise2(36 * (one / three));
        Assert.False(zero.Correct);
        Assert.Contains("int divided by an int", zero.Message);
        var std = Notebook11.Exercise2(3.46);
        Assert.False(std.Correct);
        Assert.Contains("standard deviation", std.Message);
        Assert.Contains("without the 1/(1 − p) scaling", Notebook11.Exercise2(6.8).Message);
    }
}
