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
}
