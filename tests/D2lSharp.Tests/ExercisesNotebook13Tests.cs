using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>Each checker of notebook 13 accepts right answers, rejects wrong ones with the specific feedback, and is pending on null.</summary>
public class ExercisesNotebook13Tests
{
    [Fact]
    public void Exercise1_accepts_the_xavier_std_computed_or_measured_from_a_sample()
    {
        Assert.True(Notebook13.Exercise1(Math.Sqrt(2.0 / (784 + 512))).Correct);
        manual_seed(0);
        var w = randn(512, 784) * Math.Sqrt(2.0 / 1296);
        Assert.True(Notebook13.Exercise1(w.std().item<float>()).Correct);   // a sample's std is within the tolerance
    }

    [Fact]
    public void Exercise1_names_the_variance_the_uniform_bound_and_one_sided_widths_and_is_pending_on_null()
    {
        var variance = Notebook13.Exercise1(2.0 / 1296);
        Assert.False(variance.Correct);
        Assert.Contains("variance", variance.Message);
        var bound = Notebook13.Exercise1(Math.Sqrt(6.0 / 1296));
        Assert.False(bound.Correct);
        Assert.Contains("uniform", bound.Message);
        var fanInOnly = Notebook13.Exercise1(Math.Sqrt(1.0 / 784));
        Assert.False(fanInOnly.Correct);
        Assert.Contains("one of the two widths", fanInOnly.Message);
        Assert.False(Notebook13.Exercise1(0.5).Correct);
        var pending = Notebook13.Exercise1(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("½", pending.Message);                       // no method before an answer
        Assert.DoesNotContain("Hint", pending.Message);
    }

    [Fact]
    public void Exercise2_accepts_leaky_relu_derivatives_with_autograds_value_at_0_including_one_computed_by_autograd()
    {
        Assert.True(Notebook13.Exercise2(x => x > 0 ? 1 : 0.01).Correct);
        var inFloat64 = Notebook13.Exercise2(x =>
        {
            var t = tensor(x, requires_grad: true);
            nn.functional.leaky_relu(t, 0.01).backward();
            return t.grad!.item<double>();
        });
        Assert.True(inFloat64.Correct, inFloat64.Message);
        var inFloat32 = Notebook13.Exercise2(x =>                          // float32's 0.01 is 0.0099999998 as a double
        {
            var t = tensor((float)x, requires_grad: true);
            nn.functional.leaky_relu(t, 0.01).backward();
            return t.grad!.item<float>();
        });
        Assert.True(inFloat32.Correct, inFloat32.Message);
    }

    [Fact]
    public void Exercise2_names_relus_slope_the_right_sides_slope_the_value_instead_of_the_slope_and_the_value_at_0()
    {
        var relu = Notebook13.Exercise2(x => x > 0 ? 1 : 0);
        Assert.False(relu.Correct);
        Assert.Contains("ReLU's slope", relu.Message);
        var constant = Notebook13.Exercise2(_ => 1);
        Assert.False(constant.Correct);
        Assert.Contains("right side", constant.Message);
        var value = Notebook13.Exercise2(x => x > 0 ? x : 0.01 * x);
        Assert.False(value.Correct);
        Assert.Contains("value there, not its slope", value.Message);
        var oneAtZero = Notebook13.Exercise2(x => x >= 0 ? 1 : 0.01);
        Assert.False(oneAtZero.Correct);
        Assert.Contains("x = 0", oneAtZero.Message);
        Assert.Contains("ask autograd", oneAtZero.Message);
        var wrongSlope = Notebook13.Exercise2(x => x > 0 ? 1 : 0.1);
        Assert.False(wrongSlope.Correct);
        Assert.Contains("straight line", wrongSlope.Message);
        var throwing = Notebook13.Exercise2(_ => throw new InvalidOperationException("boom"));
        Assert.False(throwing.Correct);
        Assert.Contains("boom", throwing.Message);
    }

    [Fact]
    public void Exercise2_is_pending_on_null_without_a_hint()
    {
        var pending = Notebook13.Exercise2(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
        Assert.DoesNotContain("0.01", pending.Message);
    }

    [Fact]
    public void Exercise3_accepts_sixteen_and_names_the_sections_answer_and_zero_and_is_pending_on_null()
    {
        Assert.True(Notebook13.Exercise3(16).Correct);
        var one = Notebook13.Exercise3(1);                            // section 3's answer carried over
        Assert.False(one.Correct);
        Assert.Contains("output weights started equal too", one.Message);
        Assert.Contains("Hint", one.Message);
        Assert.Contains("at least one", Notebook13.Exercise3(0).Message);
        var eight = Notebook13.Exercise3(8);
        Assert.False(eight.Correct);
        Assert.Contains("equal gradients", eight.Message);
        var pending = Notebook13.Exercise3(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
    }

    [Fact]
    public void Exercise3s_answer_is_what_training_does_hidden_rows_started_equal_separate_through_random_output_weights()
    {
        manual_seed(1);
        var x = rand(200, 2) * 2 - 1;
        var y = (x[.., 0] * x[.., 1] > 0).to_type(ScalarType.Float32);
        manual_seed(2);
        var hidden = nn.Linear(2, 16);
        var output = nn.Linear(16, 1);
        var net = nn.Sequential(hidden, nn.Tanh(), output, nn.Flatten(0));
        using (no_grad()) { hidden.weight!.fill_(0.3); hidden.bias!.fill_(0.3); }    // the output layer keeps its random init
        D2lSharp.Training.Trainer.TrainFullBatch(net, x, y, (logits, labels) => nn.functional.binary_cross_entropy_with_logits(logits, labels),
            steps: 500, lr: 0.5);
        var w = hidden.weight.detach();
        double closest = double.MaxValue;
        for (int i = 0; i < 16; i++)
            for (int j = i + 1; j < 16; j++)
                closest = Math.Min(closest, (w[i] - w[j]).abs().max().item<float>());
        Assert.True(closest > 1e-4, $"two hidden rows are still (nearly) equal: closest pair differs by {closest}");
        Assert.True(Notebook13.Exercise3(16).Correct);
    }

    [Fact]
    public void Exercise4_accepts_a_quarter_to_the_tenth_and_names_sum_single_layer_and_sigma_of_0_mistakes()
    {
        Assert.True(Notebook13.Exercise4(Math.Pow(0.25, 10)).Correct);
        var sum = Notebook13.Exercise4(2.5);
        Assert.False(sum.Correct);
        Assert.Contains("multiplies", sum.Message);
        Assert.Contains("one layer", Notebook13.Exercise4(0.25).Message);
        Assert.Contains("σ(0)", Notebook13.Exercise4(Math.Pow(0.5, 10)).Message);
        Assert.False(Notebook13.Exercise4(1e-3).Correct);
        Assert.Null(Notebook13.Exercise4(null).Correct);
    }

    [Fact]
    public void An_answer_of_exactly_0_is_told_as_integer_division_not_given_the_formula_hint()
    {
        var xavier = Notebook13.Exercise1(Math.Sqrt(2 / (784 + 512)));   // the slip: 2 / 1296 is 0 in C#
        Assert.False(xavier.Correct);
        Assert.Contains("integer division", xavier.Message);
        Assert.Contains("2.0 / (784 + 512)", xavier.Message);
        Assert.DoesNotContain("½", xavier.Message);
        var sigmoid = Notebook13.Exercise4(Math.Pow(1 / 4, 10));           // 1 / 4 is 0 in C#
        Assert.False(sigmoid.Correct);
        Assert.Contains("integer division", sigmoid.Message);
        Assert.Contains("1.0 / 4", sigmoid.Message);
        Assert.DoesNotContain("chain rule", sigmoid.Message);
    }

    [Theory]
    [InlineData(0.039)]
    [InlineData(0.0393)]
    [InlineData(0.0392)]     // cut off rather than rounded
    [InlineData(0.03928)]
    public void Exercise1_accepts_the_std_rounded_to_two_significant_digits_or_more(double typed) =>
        Assert.True(Notebook13.Exercise1(typed).Correct, typed.ToString());

    [Fact]
    public void Exercise1_rejects_a_wrong_rounding_and_names_rounded_slips()
    {
        var coarse = Notebook13.Exercise1(0.04);                     // one digit: too coarse to tell σ from √(1/512) ≈ 0.044
        Assert.False(coarse.Correct);
        Assert.Contains("at least 2 significant digits", coarse.Message);
        var wrongRounding = Notebook13.Exercise1(0.038);
        Assert.False(wrongRounding.Correct);
        Assert.Contains("round only at the end", wrongRounding.Message);
        Assert.DoesNotContain("Hint", wrongRounding.Message);     // the method was right
        Assert.Contains("variance", Notebook13.Exercise1(0.0015).Message);
        Assert.Contains("uniform", Notebook13.Exercise1(0.068).Message);
        Assert.Contains("one of the two widths", Notebook13.Exercise1(0.036).Message);
        Assert.Contains("one of the two widths", Notebook13.Exercise1(0.044).Message);
        var nan = Notebook13.Exercise1(double.NaN);
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
    }

    [Theory]
    [InlineData(9.5e-7)]
    [InlineData(9.54e-7)]
    [InlineData(9.537e-7)]
    [InlineData(9.53e-7)]     // cut off
    public void Exercise4_accepts_the_factor_rounded_to_two_significant_digits_or_more(double typed) =>
        Assert.True(Notebook13.Exercise4(typed).Correct, typed.ToString());

    [Fact]
    public void Exercise4_tells_a_too_coarse_or_misrounded_factor_so_instead_of_a_chain_rule_hint()
    {
        var coarse = Notebook13.Exercise4(1e-6);
        Assert.False(coarse.Correct);
        Assert.Contains("at least 2 significant digits", coarse.Message);
        Assert.DoesNotContain("chain rule", coarse.Message);
        var misrounded = Notebook13.Exercise4(9.4e-7);
        Assert.False(misrounded.Correct);
        Assert.DoesNotContain("chain rule", misrounded.Message);
        Assert.Contains("σ(0)", Notebook13.Exercise4(9.8e-4).Message);   // 0.5¹⁰ rounded
        Assert.Contains("chain rule", Notebook13.Exercise4(1e-3).Message); // far off: the hint is for the method
    }

    [Theory]
    [InlineData("abce")]
    [InlineData("E, C, B, A")]
    [InlineData("(a) (b) (c) (e)")]
    public void Exercise5_accepts_the_true_statements_in_any_order_case_and_punctuation(string answer) =>
        Assert.True(Notebook13.Exercise5(answer).Correct, answer);

    [Fact]
    public void Exercise5_says_why_each_false_statement_is_false_and_when_a_true_one_is_missing()
    {
        var d = Notebook13.Exercise5("abcde");
        Assert.False(d.Correct);
        Assert.Contains("(d) is false:", d.Message);
        Assert.Contains("own", d.Message);
        Assert.DoesNotContain("(f)", d.Message);
        var f = Notebook13.Exercise5("f");                          // the hidden-unit intuition carried over
        Assert.False(f.Correct);
        Assert.Contains("(f) is false:", f.Message);
        Assert.Contains("missing", f.Message);
        Assert.Contains("Hint", f.Message);
        var partial = Notebook13.Exercise5("abc");                   // right so far, (e) left out
        Assert.False(partial.Correct);
        Assert.Contains("missing", partial.Message);
        Assert.DoesNotContain("is false", partial.Message);
        Assert.DoesNotContain("abce", partial.Message);              // never the letters of the answer
        var unknown = Notebook13.Exercise5("ag");
        Assert.False(unknown.Correct);
        Assert.Contains("not one of the options", unknown.Message);
    }

    [Fact]
    public void Exercise5_is_pending_without_a_hint_on_null_or_blank()
    {
        foreach (var answer in new[] { null, "", "   " })
        {
            var pending = Notebook13.Exercise5(answer);
            Assert.Null(pending.Correct);
            Assert.DoesNotContain("Hint", pending.Message);
            Assert.DoesNotContain("gradient", pending.Message);
        }
    }
}
