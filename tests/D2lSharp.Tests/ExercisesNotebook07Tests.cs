using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>Each checker of notebook 07 accepts a right answer, rejects a wrong one and is pending on null.</summary>
public class ExercisesNotebook07Tests
{
    static Tensor ExX() => tensor(new double[,] { { 1, 2 }, { 2, 0 }, { 0, 1 }, { 3, 1 } });
    static Tensor ExY() => tensor(new double[] { 3, 5, 1, 8 });

    [Fact]
    public void Exercise1_accepts_the_normal_equations_solution_in_either_shape()
    {
        var X1 = cat(new[] { ExX(), ones(4, 1, dtype: ScalarType.Float64) }, 1);
        var s = linalg.inv(X1.T.matmul(X1)).matmul(X1.T).matmul(ExY().reshape(-1, 1));
        Assert.True(Notebook07.Exercise1(ExX(), ExY(), s).Correct);
        Assert.True(Notebook07.Exercise1(ExX(), ExY(), s.flatten()).Correct);
        var viaLstsq = linalg.lstsq(X1, ExY().reshape(-1, 1)).Solution;
        Assert.True(Notebook07.Exercise1(ExX(), ExY(), viaLstsq).Correct);
    }

    [Fact]
    public void Exercise1_rejects_a_solution_without_the_bias_column_and_is_pending_on_null()
    {
        var X = ExX();
        var noBias = linalg.inv(X.T.matmul(X)).matmul(X.T).matmul(ExY());
        var wrong = Notebook07.Exercise1(ExX(), ExY(), cat(new[] { noBias, zeros(1, dtype: ScalarType.Float64) }));
        Assert.False(wrong.Correct);
        Assert.Contains("bias", wrong.Message);
        Assert.False(Notebook07.Exercise1(ExX(), ExY(), zeros(2)).Correct);
        Assert.Null(Notebook07.Exercise1(ExX(), ExY(), null).Correct);
    }

    [Fact]
    public void Exercise2_accepts_one_sgd_step_computed_with_autograd()
    {
        var w = zeros(2, 1, dtype: ScalarType.Float64).requires_grad_();
        var b = zeros(1, dtype: ScalarType.Float64).requires_grad_();
        var loss = ((ExX().matmul(w) + b - ExY().reshape(-1, 1)).pow(2) / 2).sum();
        loss.backward();
        var step = cat(new[] { (w - 0.1 * w.grad! / 4).flatten(), (b - 0.1 * b.grad! / 4).flatten() }).detach();
        Assert.True(Notebook07.Exercise2(ExX(), ExY(), step).Correct);
    }

    [Fact]
    public void Exercise2_rejects_a_step_not_divided_by_the_batch_size_and_is_pending_on_null()
    {
        var w = zeros(2, 1, dtype: ScalarType.Float64).requires_grad_();
        var b = zeros(1, dtype: ScalarType.Float64).requires_grad_();
        ((ExX().matmul(w) + b - ExY().reshape(-1, 1)).pow(2) / 2).sum().backward();
        var tooBig = cat(new[] { (w - 0.1 * w.grad!).flatten(), (b - 0.1 * b.grad!).flatten() }).detach();
        var feedback = Notebook07.Exercise2(ExX(), ExY(), tooBig);
        Assert.False(feedback.Correct);
        Assert.Contains("batch size", feedback.Message);
        Assert.False(Notebook07.Exercise2(ExX(), ExY(), zeros(3)).Correct);
        Assert.Null(Notebook07.Exercise2(ExX(), ExY(), null).Correct);
    }

    [Fact]
    public void Exercise3_accepts_the_gaussian_nll_rejects_the_squared_part_alone_and_is_pending_on_null()
    {
        double sigma = 0.5;
        double nll = 0.5 * Math.Log(2 * Math.PI * sigma * sigma) + 1.0 / (2 * sigma * sigma);
        Assert.True(Notebook07.Exercise3(nll).Correct);
        var squaredOnly = Notebook07.Exercise3(2.0);
        Assert.False(squaredOnly.Correct);
        Assert.Contains("constant", squaredOnly.Message);
        Assert.False(Notebook07.Exercise3(-nll).Correct);
        Assert.Null(Notebook07.Exercise3(null).Correct);
    }

    static Tensor Solution()
    {
        var X1 = cat(new[] { ExX(), ones(4, 1, dtype: ScalarType.Float64) }, 1);
        return linalg.lstsq(X1, ExY().reshape(-1, 1)).Solution.flatten();
    }

    [Fact]
    public void Exercise1_and_2_name_swapped_missing_and_mismatched_data_instead_of_crashing()
    {
        // Before: swapped data threw "Dimension out of range", null data a NullReferenceException, and X and y with different
        // row counts reached an unwrapped matmul, which ends the process. This test would not finish in that case.
        foreach (Func<Tensor?, Tensor?, Tensor?, Feedback> check in new Func<Tensor?, Tensor?, Tensor?, Feedback>[] { Notebook07.Exercise1, Notebook07.Exercise2 })
        {
            var swapped = check(ExY(), ExX(), Solution());
            Assert.False(swapped.Correct);
            Assert.Contains("swapped", swapped.Message);
            var missing = check(null, ExY(), Solution());
            Assert.False(missing.Correct);
            Assert.Contains("X is null", missing.Message);
            var mismatched = check(ExX(), tensor(new double[] { 3, 5, 1 }), Solution());
            Assert.False(mismatched.Correct);
            Assert.Contains("4 rows", mismatched.Message);
            Assert.Contains("3 labels", mismatched.Message);
            var notFinite = check(ExX(), tensor(new[] { 3, double.NaN, 1, 8 }), Solution());
            Assert.False(notFinite.Correct);
            Assert.Contains("NaN", notFinite.Message);
            Assert.Null(check(null, null, null).Correct);
        }
    }

    [Fact]
    public void Exercise1_names_data_without_a_unique_solution_and_takes_int_and_float32_answers_by_value()
    {
        var singular = Notebook07.Exercise1(ones(4, 2, dtype: ScalarType.Float64), ExY(), Solution());
        Assert.False(singular.Correct);
        Assert.Contains("no inverse", singular.Message);
        Assert.True(Notebook07.Exercise1(ExX(), ExY(), Solution().to_type(ScalarType.Float32)).Correct);
        Assert.True(Notebook07.Exercise1(ExX().to_type(ScalarType.Int64), ExY().to_type(ScalarType.Int64), Solution()).Correct);
        var nan = Notebook07.Exercise1(ExX(), ExY(), tensor(new[] { 1.0, double.NaN, 2.0 }));
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
    }

    [Fact]
    public void Exercise3_accepts_a_rounding_to_two_digits_or_more_and_names_the_sign_and_the_constant_slips()
    {
        Assert.True(Notebook07.Exercise3(2.23).Correct);      // 2.2258 rounded
        Assert.True(Notebook07.Exercise3(2.226).Correct);
        Assert.True(Notebook07.Exercise3(2.2).Correct);
        var misrounded = Notebook07.Exercise3(2.3);
        Assert.False(misrounded.Correct);
        Assert.Contains("round only at the end", misrounded.Message);
        var coarse = Notebook07.Exercise3(2);               // one digit; and 2 is also the squared-error part alone
        Assert.False(coarse.Correct);
        Assert.Contains("squared-error part", coarse.Message);
        var logP = Notebook07.Exercise3(-2.2258);
        Assert.False(logP.Correct);
        Assert.Contains("negative log-likelihood", logP.Message);
        var fullLog = Notebook07.Exercise3(Math.Log(2 * Math.PI * 0.25) + 2);
        Assert.False(fullLog.Correct);
        Assert.Contains("½·log(2πσ²)", fullLog.Message);
    }
}

