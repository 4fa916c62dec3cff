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

    /// <summary>The cross-entropy from logits with the log-sum-exp trick, written as a learner would.</summary>
    static Tensor LogSumExpCrossEntropy(Tensor o, Tensor y)
    {
        var m = o.max(1, keepdim: true).values;
        var lse = m.squeeze(1) + (o - m).exp().sum(1).log();
        return lse - (o * y).sum(1);
    }

    [Fact]
    public void Exercise3_accepts_log_sum_exp_in_any_sensible_form()
    {
        Assert.Null(Notebook08.Exercise3(null).Correct);
        Assert.True(Notebook08.Exercise3(LogSumExpCrossEntropy).Correct);
        Assert.True(Notebook08.Exercise3((o, y) => LogSumExpCrossEntropy(o, y).reshape(-1, 1)).Correct);             // a column of losses
        Assert.True(Notebook08.Exercise3((o, y) => LogSumExpCrossEntropy(o.to_type(ScalarType.Float64), y)).Correct);  // in float64
        Assert.True(Notebook08.Exercise3((o, y) =>                                                                       // gather instead of the one-hot sum
        {
            var m = o.max(1, keepdim: true).values;
            var shifted = o - m;
            return shifted.exp().sum(1).log() - shifted.gather(1, y.argmax(1).reshape(-1, 1)).squeeze(1);
        }).Correct);
        Assert.True(Notebook08.Exercise3((o, y) => -(o.log_softmax(1) * y).sum(1)).Correct);   // what the library does (the exercise asks for it by hand)
    }

    [Fact]
    public void Exercise3_names_overflow_underflow_and_each_slip()
    {
        var naive = Notebook08.Exercise3((o, y) => -((o.exp() / o.exp().sum(1, keepdim: true)).log() * y).sum(1));
        Assert.False(naive.Correct);
        Assert.Contains("overflows", naive.Message);
        var viaStableSoftmax = Notebook08.Exercise3((o, y) =>
        {
            var e = (o - o.max(1, keepdim: true).values).exp();
            return -((e / e.sum(1, keepdim: true)).log() * y).sum(1);
        });
        Assert.False(viaStableSoftmax.Correct);
        Assert.Contains("underflows to 0", viaStableSoftmax.Message);
        var globalMax = Notebook08.Exercise3((o, y) =>
        {
            var m = o.max();
            return m + (o - m).exp().sum(1).log() - (o * y).sum(1);
        });
        Assert.False(globalMax.Correct);
        Assert.Contains("each row's own largest logit", globalMax.Message);
        var notAddedBack = Notebook08.Exercise3((o, y) =>
        {
            var m = o.max(1, keepdim: true).values;
            return (o - m).exp().sum(1).log() - (o * y).sum(1);
        });
        Assert.False(notAddedBack.Correct);
        Assert.Contains("add it back", notAddedBack.Message);
        Assert.Contains("wrong sign", Notebook08.Exercise3((o, y) => -LogSumExpCrossEntropy(o, y)).Message);
        Assert.Contains("log-sum-exp alone", Notebook08.Exercise3((o, y) => LogSumExpCrossEntropy(o, y) + (o * y).sum(1)).Message);
        Assert.Contains("one number", Notebook08.Exercise3((o, y) => LogSumExpCrossEntropy(o, y).mean()).Message);
        var matmul = Notebook08.Exercise3((o, y) => o.matmul(y));                // shape-valid on the square cases, which come first
        Assert.False(matmul.Correct);
        Assert.Contains("shape", matmul.Message);
        var picksWrongEntries = Notebook08.Exercise3((o, y) =>                  // (o y)ᵢᵢ instead of Σⱼ oᵢⱼ yᵢⱼ: right only if the labels were 0, 1, 2, …
        {
            var m = o.max(1, keepdim: true).values;
            return m.squeeze(1) + (o - m).exp().sum(1).log() - o.mm(y).diagonal();
        });
        Assert.False(picksWrongEntries.Correct);
    }

    [Fact]
    public void Exercise3_names_the_missing_keepdim_in_each_form()
    {
        Func<Tensor, Tensor, Tensor>[] slips =
        [
            (o, y) => { var m = o.max(1).values; return m + (o - m).exp().sum(1).log() - (o * y).sum(1); },          // m added back
            (o, y) => { var m = o.max(1).values; var sh = o - m; return sh.exp().sum(1).log() - (sh * y).sum(1); },  // shifted true logit
            (o, y) => { var m = o.max(1).values; return (o - m).exp().sum(1).log() - (o * y).sum(1); },              // m not added back
        ];
        foreach (var slip in slips)
        {
            var feedback = Notebook08.Exercise3(slip);
            Assert.False(feedback.Correct);
            Assert.Contains("keepdim", feedback.Message);
            Assert.Contains("shape (n, 1)", feedback.Message);
        }
        Assert.DoesNotContain("keepdim", Notebook08.Exercise3((o, y) => -LogSumExpCrossEntropy(o, y)).Message);   // other slips keep their own message
        Assert.True(Notebook08.Exercise3(LogSumExpCrossEntropy).Correct);
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
