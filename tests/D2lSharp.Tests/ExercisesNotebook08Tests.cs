using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>Each checker of notebook 08 accepts a right answer, rejects a wrong one and is pending on null.</summary>
public class ExercisesNotebook08Tests
{
    [Fact]
    public void Exercise1_accepts_weights_plus_biases_and_counts_a_real_layer_the_same_way()
    {
        var layer = nn.Linear(32 * 32 * 3, 100);
        long counted = layer.parameters().Sum(p => p.numel());
        Assert.True(Notebook08.Exercise1(counted).Correct);
        Assert.True(Notebook08.Exercise1(307300).Correct);
    }

    [Fact]
    public void Exercise1_rejects_the_count_without_biases_and_is_pending_on_null()
    {
        var noBias = Notebook08.Exercise1(3072L * 100);
        Assert.False(noBias.Correct);
        Assert.Contains("bias", noBias.Message);
        Assert.False(Notebook08.Exercise1(32L * 32 * 100 + 100).Correct);
        Assert.False(Notebook08.Exercise1(42).Correct);
        Assert.Null(Notebook08.Exercise1(null).Correct);
    }

    [Fact]
    public void Exercise2_accepts_the_entropy_in_nats()
    {
        var p = tensor(new double[] { 0.5, 0.25, 0.25 });
        double h = -(p * p.log()).sum().item<double>();
        Assert.True(Notebook08.Exercise2(h).Correct);
    }

    [Fact]
    public void Exercise2_rejects_bits_and_the_sum_of_probabilities_and_is_pending_on_null()
    {
        var bits = Notebook08.Exercise2(1.5);
        Assert.False(bits.Correct);
        Assert.Contains("bits", bits.Message);
        Assert.False(Notebook08.Exercise2(1.0).Correct);
        Assert.Null(Notebook08.Exercise2(null).Correct);
    }

    [Fact]
    public void Exercise3_accepts_a_stable_softmax_in_float32()
    {
        var o = tensor(new float[] { 1000f, 1001f, 1002f });
        var e = (o - o.max()).exp();
        Assert.True(Notebook08.Exercise3(e / e.sum()).Correct);
        Assert.True(Notebook08.Exercise3(softmax(o, 0)).Correct);
    }

    [Fact]
    public void Exercise3_rejects_the_naive_softmax_and_plain_normalization_and_is_pending_on_null()
    {
        var o = tensor(new float[] { 1000f, 1001f, 1002f });
        var naive = Notebook08.Exercise3(o.exp() / o.exp().sum());
        Assert.False(naive.Correct);
        Assert.Contains("NaN", naive.Message);
        Assert.False(Notebook08.Exercise3(o / o.sum()).Correct);
        Assert.Null(Notebook08.Exercise3(null).Correct);
    }

    [Fact]
    public void Exercise2_accepts_three_digit_roundings_and_names_rounded_bits()
    {
        Assert.True(Notebook08.Exercise2(1.04).Correct);
        Assert.True(Notebook08.Exercise2(1.0397).Correct);
        var one = Notebook08.Exercise2(1);
        Assert.False(one.Correct);
        Assert.Contains("at least 3 significant digits", one.Message);   // 1 may be the sum of probabilities or a coarse rounding
        Assert.Contains("bits", Notebook08.Exercise2(1.5).Message);
        Assert.False(Notebook08.Exercise2(1.1).Correct);
    }
}
