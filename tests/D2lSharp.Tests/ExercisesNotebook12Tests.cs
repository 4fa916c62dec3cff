using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class ExercisesNotebook12Tests
{
    [Fact]
    public void Exercise1_shape_of_the_gradient_of_W1()
    {
        Assert.Null(Notebook12.Exercise1(null).Correct);
        Assert.True(Notebook12.Exercise1([256, 784]).Correct);
        var transposed = Notebook12.Exercise1([784, 256]);
        Assert.False(transposed.Correct);
        Assert.Contains("transposed", transposed.Message);
        var perExample = Notebook12.Exercise1([64, 256]);
        Assert.False(perExample.Correct);
        Assert.Contains("∂J/∂Z", perExample.Message);
        Assert.False(Notebook12.Exercise1([64, 784]).Correct);
        Assert.False(Notebook12.Exercise1([256]).Correct);
    }

    [Fact]
    public void Exercise1_hint_only_after_a_wrong_answer()
    {
        Assert.DoesNotContain("how many numbers", Notebook12.Exercise1(null).Message);
        Assert.Contains("how many numbers", Notebook12.Exercise1([10, 10]).Message);
    }

    [Fact]
    public void Exercise2_tanh_backward_from_the_kept_output()
    {
        Assert.Null(Notebook12.Exercise2(null).Correct);
        Assert.True(Notebook12.Exercise2((gradH, H) => gradH * (1 - H * H)).Correct);
        Assert.True(Notebook12.Exercise2((gradH, H) => gradH * (1 - H.pow(2))).Correct);
        var sigmoid = Notebook12.Exercise2((gradH, H) => gradH * H * (1 - H));
        Assert.False(sigmoid.Correct);
        Assert.Contains("sigmoid", sigmoid.Message);
        Assert.False(Notebook12.Exercise2((gradH, H) => gradH * (1 - H)).Correct);   // forgot the square
        Assert.False(Notebook12.Exercise2((gradH, H) => gradH).Correct);             // forgot φ′
        Assert.False(Notebook12.Exercise2((gradH, H) => 1 - H * H).Correct);         // forgot the upstream gradient
    }

    [Fact]
    public void Exercise2_reports_a_throwing_or_misshaped_function_without_throwing()
    {
        // (a libtorch shape error inside matmul aborts the process on this platform instead of throwing, so the test throws from C#)
        var threw = Notebook12.Exercise2((gradH, H) => throw new InvalidOperationException("not written yet"));
        Assert.False(threw.Correct);
        Assert.Contains("threw", threw.Message);
        var misshaped = Notebook12.Exercise2((gradH, H) => (gradH * (1 - H * H)).sum(0));
        Assert.False(misshaped.Correct);
        Assert.Contains("shape", misshaped.Message);
        var nothing = Notebook12.Exercise2((gradH, H) => null!);
        Assert.False(nothing.Correct);
        Assert.Contains("null", nothing.Message);
    }

    [Fact]
    public void Exercise3_training_keeps_values_that_evaluation_frees()
    {
        Assert.Null(Notebook12.Exercise3(null).Correct);
        Assert.True(Notebook12.Exercise3('B').Correct);
        Assert.True(Notebook12.Exercise3('b').Correct);
        foreach (var wrong in new[] { 'A', 'C', 'D', 'E' })
            Assert.False(Notebook12.Exercise3(wrong).Correct);
        Assert.Contains("notes", Notebook12.Exercise3('A').Message);
        Assert.Contains("numerical differentiation", Notebook12.Exercise3('C').Message);
        Assert.Contains("no_grad", Notebook12.Exercise3('D').Message);
        Assert.DoesNotContain("Hint", Notebook12.Exercise3(null).Message);
    }

    [Fact]
    public void Exercise4_bytes_kept_by_a_training_step()
    {
        Assert.Null(Notebook12.Exercise4(null).Correct);
        Assert.True(Notebook12.Exercise4(10L * 1024 * 512 * 4).Correct);
        Assert.Contains("values", Notebook12.Exercise4(10L * 1024 * 512).Message);
        Assert.Contains("every hidden layer", Notebook12.Exercise4(1024L * 512 * 4).Message);
        Assert.False(Notebook12.Exercise4(12345).Correct);
        Assert.DoesNotContain("float32 is", Notebook12.Exercise4(null).Message);
    }

    [Theory]
    [InlineData("gradH.matmul(1 - H*H)")]
    [InlineData("(1 - H*H).matmul(gradH)")]
    [InlineData("gradH.mm(1 - H*H)")]
    public void Exercise2_names_a_matrix_product_on_a_square_case_before_any_case_where_matmul_would_end_the_session(string slip)
    {
        // The non-square cases (4, 5), (1, 3), (7, 2) would make this matmul end the test process: reaching the assertions
        // shows the checker stopped at the square (4, 4) case.
        Func<Tensor, Tensor, Tensor> f = slip switch
        {
            "gradH.matmul(1 - H*H)" => (gradH, H) => gradH.matmul(1 - H * H),
            "(1 - H*H).matmul(gradH)" => (gradH, H) => (1 - H * H).matmul(gradH),
            _ => (gradH, H) => gradH.mm(1 - H * H),
        };
        var feedback = Notebook12.Exercise2(f);
        Assert.False(feedback.Correct);
        Assert.Contains("(4, 4)", feedback.Message);
        Assert.Contains("matrix product", feedback.Message);
        Assert.Contains("element-wise product", feedback.Message);
        Assert.Contains("use *", feedback.Message);
    }

    [Fact]
    public void Exercise2_names_a_matrix_square_of_H_a_sum_and_a_float32_result()
    {
        var square = Notebook12.Exercise2((gradH, H) => gradH * (1 - H.matmul(H)));
        Assert.False(square.Correct);
        Assert.Contains("not the square of each element", square.Message);
        var summed = Notebook12.Exercise2((gradH, H) => gradH * (1 - H * H).sum());
        Assert.False(summed.Correct);
        Assert.Contains("right for a single element", summed.Message);
        var float32 = Notebook12.Exercise2((gradH, H) => (gradH * (1 - H * H)).to_type(ScalarType.Float32));
        Assert.False(float32.Correct);
        Assert.Contains("float32 for float64 inputs", float32.Message);
        var nan = Notebook12.Exercise2((gradH, H) => gradH * (1 - H * H) / 0 * 0);
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
    }

    [Fact]
    public void Exercise4_twice_the_answer_names_Z_and_H_first_and_float64_as_the_other_possibility()
    {
        var twice = Notebook12.Exercise4(2 * 10L * 1024 * 512 * 4);
        Assert.False(twice.Correct);
        Assert.Contains("twice the answer", twice.Message);
        Assert.Contains("pre-activation Z and the output H", twice.Message);
        Assert.Contains("float64", twice.Message);
        Assert.True(twice.Message.IndexOf("Z", StringComparison.Ordinal) < twice.Message.IndexOf("float64", StringComparison.Ordinal));
        Assert.Contains("bits", Notebook12.Exercise4(10L * 1024 * 512 * 4 * 8).Message);
        Assert.Contains("single example", Notebook12.Exercise4(10L * 1024 * 4).Message);
        Assert.Contains("MiB", Notebook12.Exercise4(20).Message);
        Assert.Contains("MB", Notebook12.Exercise4(21).Message);
        Assert.False(Notebook12.Exercise4(20).Correct);
    }

    [Theory]
    [InlineData("ad")]
    [InlineData("DA")]
    [InlineData("a, d")]
    public void Exercise5_the_true_statements_about_a_bias_in_any_order_and_case(string answer) =>
        Assert.True(Notebook12.Exercise5(answer).Correct);

    [Fact]
    public void Exercise5_says_why_each_wrong_statement_is_false_and_when_a_true_one_is_missing()
    {
        Assert.Null(Notebook12.Exercise5(null).Correct);
        Assert.DoesNotContain("Hint", Notebook12.Exercise5(null).Message);
        var penalty = Notebook12.Exercise5("abd");
        Assert.False(penalty.Correct);
        Assert.Contains("out of the penalty", penalty.Message);
        var twoTerms = Notebook12.Exercise5("acd");
        Assert.False(twoTerms.Correct);
        Assert.Contains("one term per path", twoTerms.Message);
        var keepB = Notebook12.Exercise5("ade");
        Assert.False(keepB.Correct);
        Assert.Contains("identity", keepB.Message);
        var missing = Notebook12.Exercise5("a");
        Assert.False(missing.Correct);
        Assert.Contains("missing", missing.Message);
        Assert.DoesNotContain("(d)", missing.Message);          // it does not name the missing letter
        Assert.Contains("not one of the options", Notebook12.Exercise5("az").Message);
        // the example the prompts show is not the answer
        Assert.False(Notebook12.Exercise5("ac").Correct);
        Assert.DoesNotContain("\"ad\"", Notebook12.Exercise5(null).Message);
    }

    [Fact]
    public void Exercise6_the_bias_gradient_sums_the_rows_of_dZ()
    {
        Assert.Null(Notebook12.Exercise6(null).Correct);
        Assert.True(Notebook12.Exercise6(gradZ => gradZ.sum(dim: 0)).Correct);
        Assert.True(Notebook12.Exercise6(gradZ => gradZ.t().mv(ones(gradZ.shape[0], dtype: ScalarType.Float64))).Correct);
        Assert.True(Notebook12.Exercise6(gradZ => gradZ.sum(0, keepdim: true).squeeze(0)).Correct);
        Assert.False(Notebook12.Exercise6(gradZ => zeros(gradZ.shape[1], dtype: ScalarType.Float64)).Correct);
        Assert.False(Notebook12.Exercise6(gradZ => gradZ.sum(dim: 0) + 0.1).Correct);
    }

    [Fact]
    public void Exercise6_names_the_mean_the_wrong_axis_the_per_example_rows_keepdim_and_float32()
    {
        var mean = Notebook12.Exercise6(gradZ => gradZ.mean([0]));
        Assert.False(mean.Correct);
        Assert.Contains("averages the examples", mean.Message);
        Assert.Contains("4 times too small", mean.Message);
        var acrossUnits = Notebook12.Exercise6(gradZ => gradZ.sum(1));
        Assert.False(acrossUnits.Correct);
        Assert.Contains("across the hidden units", acrossUnits.Message);
        var rows = Notebook12.Exercise6(gradZ => gradZ);
        Assert.False(rows.Correct);
        Assert.Contains("one row per example", rows.Message);
        var keepdim = Notebook12.Exercise6(gradZ => gradZ.sum(0, keepdim: true));
        Assert.False(keepdim.Correct);
        Assert.Contains("keepdim", keepdim.Message);
        var total = Notebook12.Exercise6(gradZ => gradZ.sum());
        Assert.False(total.Correct);
        Assert.Contains("single number", total.Message);
        var float32 = Notebook12.Exercise6(gradZ => gradZ.sum(dim: 0).to_type(ScalarType.Float32));
        Assert.False(float32.Correct);
        Assert.Contains("float32 for a float64", float32.Message);
        var threw = Notebook12.Exercise6(gradZ => throw new InvalidOperationException("not yet"));
        Assert.False(threw.Correct);
        Assert.Contains("threw", threw.Message);
        Assert.DoesNotContain("Hint", Notebook12.Exercise6(null).Message);
        Assert.Contains("Hint", Notebook12.Exercise6(gradZ => gradZ.sum(dim: 0) * 2).Message);
    }

    [Fact]
    public void Exercise6_recognises_the_csharp_sum0_trap_of_notebook_03()
    {
        // In C#, sum(0) picks sum(ScalarType type) with type 0 = Byte: the total of everything, as a uint8 scalar.
        var trap = Notebook12.Exercise6(gradZ => gradZ.sum(0));
        Assert.False(trap.Correct);
        Assert.Contains("sum(dim: 0)", trap.Message);
        Assert.Contains("notebook 03", trap.Message);
    }

    [Fact]
    public void Exercise6_meets_a_matrix_product_only_on_square_cases_where_it_is_defined()
    {
        // A ones vector of the wrong length, ones(h) where ones(n) was meant: a matmul shape error, which ends the test process,
        // on any case with n ≠ h, and on a square case the very same values as ones(n). Reaching the assertions shows the checker
        // ran only square cases; the slip cannot be told from the right answer there, so the right answer names it for everyone.
        var slip = Notebook12.Exercise6(gradZ => ones(gradZ.shape[1], dtype: ScalarType.Float64).matmul(gradZ));
        var right = Notebook12.Exercise6(gradZ => ones(gradZ.shape[0], dtype: ScalarType.Float64).matmul(gradZ));
        var summed = Notebook12.Exercise6(gradZ => gradZ.sum(dim: 0));
        foreach (var feedback in new[] { slip, right, summed })
        {
            Assert.True(feedback.Correct);
            Assert.Contains("ones(h) would pass here but fail", feedback.Message);
            Assert.Contains("its length is n, the number of examples", feedback.Message);
        }
        var squared = Notebook12.Exercise6(gradZ => gradZ.matmul(gradZ));
        Assert.False(squared.Correct);
        Assert.Contains("one row per example", squared.Message);
    }

    [Fact]
    public void Exercise6_shapes_are_all_square()
    {
        // the guarantee the slip test above relies on, checked without running a learner's function
        var sizes = (ValueTuple<int, int>[])typeof(Notebook12).GetField("Exercise6Sizes",
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.Equal(s.Item1, s.Item2));
    }
}
