using D2lSharp.Exercises;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>Each checker of notebook 09 accepts a right answer, rejects a wrong one (with the specific feedback) and is pending on null.</summary>
public class ExercisesNotebook09Tests
{
    [Fact]
    public void Exercise1_accepts_the_count_of_a_real_module()
    {
        var net = nn.Sequential(nn.Linear(3072, 512), nn.ReLU(), nn.Linear(512, 128), nn.ReLU(), nn.Linear(128, 100));
        long counted = net.parameters().Sum(p => p.numel());
        Assert.True(Notebook09.Exercise1(counted).Correct);
    }

    [Fact]
    public void Exercise1_rejects_weights_only_and_a_missing_layer_and_is_pending_on_null()
    {
        var weightsOnly = Notebook09.Exercise1(3072L * 512 + 512L * 128 + 128L * 100);
        Assert.False(weightsOnly.Correct);
        Assert.Contains("bias", weightsOnly.Message);
        var noOutput = Notebook09.Exercise1(3072L * 512 + 512 + 512L * 128 + 128);
        Assert.False(noOutput.Correct);
        Assert.Contains("output layer", noOutput.Message);
        var other = Notebook09.Exercise1(42);
        Assert.False(other.Correct);
        Assert.Contains("Hint", other.Message);
        var pending = Notebook09.Exercise1(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
        Assert.DoesNotContain("a × b", pending.Message);
    }

    [Fact]
    public void Exercise2_accepts_the_shape_a_real_layer_produces()
    {
        var layer = nn.Linear(20, 32);
        var h = layer.forward(randn(64, 20));
        Assert.True(Notebook09.Exercise2(h.shape).Correct);
    }

    [Fact]
    public void Exercise2_rejects_transposed_and_weight_shapes_and_is_pending_on_null()
    {
        var transposed = Notebook09.Exercise2([32, 64]);
        Assert.False(transposed.Correct);
        Assert.Contains("wrong order", transposed.Message);
        var weight = Notebook09.Exercise2([32, 20]);
        Assert.False(weight.Correct);
        Assert.Contains("weight", weight.Message);
        Assert.False(Notebook09.Exercise2([32, 1]).Correct);
        var pending = Notebook09.Exercise2(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("row per example", pending.Message);
    }

    [Fact]
    public void Exercise3_accepts_the_collapsed_map_and_it_really_equals_the_two_layers()
    {
        var (W1, b1, W2, b2) = Notebook09.Exercise3Layers();
        var W = W2.matmul(W1);
        var b = W2.matmul(b1) + b2;
        Assert.True(Notebook09.Exercise3(W, b).Correct);
        Assert.True(Notebook09.Exercise3(tensor(new float[,] { { 4f, -5f } }), tensor(new float[] { 3.5f })).Correct);
        var x = randn(10, 2, dtype: ScalarType.Float64);
        var twoLayers = (x.matmul(W1.T) + b1).matmul(W2.T) + b2;
        var oneLayer = x.matmul(W.T) + b;
        Assert.True((twoLayers - oneLayer).abs().max().item<double>() < 1e-9);
    }

    [Fact]
    public void Exercise3_rejects_a_transposed_weight_and_the_bias_of_the_last_layer_alone_and_is_pending_on_null()
    {
        var (W1, b1, W2, b2) = Notebook09.Exercise3Layers();
        var W = W2.matmul(W1);
        var transposed = Notebook09.Exercise3(W.T, W2.matmul(b1) + b2);
        Assert.False(transposed.Correct);
        Assert.Contains("1 × 2", transposed.Message);
        var lastBias = Notebook09.Exercise3(W, b2);
        Assert.False(lastBias.Correct);
        Assert.Contains("b1", lastBias.Message);
        Assert.False(Notebook09.Exercise3(W, b1.sum().reshape(1)).Correct);
        Assert.False(Notebook09.Exercise3(W + 1, W2.matmul(b1) + b2).Correct);
        Assert.Null(Notebook09.Exercise3(null, null).Correct);
        Assert.Null(Notebook09.Exercise3(W, null).Correct);
    }

    [Fact]
    public void Exercise4_accepts_the_product_rule_derivative_of_swish_in_two_forms()
    {
        Assert.True(Notebook09.Exercise4(x => x.sigmoid() + x * x.sigmoid() * (1 - x.sigmoid())).Correct);
        Assert.True(Notebook09.Exercise4(x => x.sigmoid() * (1 + x * (1 - x.sigmoid()))).Correct);
    }

    [Fact]
    public void Exercise4_rejects_wrong_derivatives_and_throwing_functions_and_is_pending_on_null()
    {
        foreach (Func<Tensor, Tensor> oneTerm in new Func<Tensor, Tensor>[] { x => x.sigmoid(), x => x.sigmoid() * (1 - x.sigmoid()), x => x * x.sigmoid() * (1 - x.sigmoid()) })
        {
            var f = Notebook09.Exercise4(oneTerm);
            Assert.False(f.Correct);
            Assert.Contains("autograd gives", f.Message);
            Assert.Contains("only one of the two terms", f.Message);
        }
        var tanhPrime = Notebook09.Exercise4(x => 1 - x.tanh().pow(2));
        Assert.False(tanhPrime.Correct);
        Assert.Contains("product rule", tanhPrime.Message);
        Assert.False(Notebook09.Exercise4(x => ones(3)).Correct);
        var throws = Notebook09.Exercise4(x => throw new InvalidOperationException("boom"));
        Assert.False(throws.Correct);
        Assert.Contains("boom", throws.Message);
        var pending = Notebook09.Exercise4(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
        Assert.DoesNotContain("product rule", pending.Message);
    }

    [Fact]
    public void Exercise5_accepts_B_in_either_case_and_rejects_the_others_with_a_reason()
    {
        Assert.True(Notebook09.Exercise5('B').Correct);
        Assert.True(Notebook09.Exercise5('b').Correct);
        foreach (char wrong in "ACDX")
        {
            var f = Notebook09.Exercise5(wrong);
            Assert.False(f.Correct);
            Assert.Contains("not", f.Message);
        }
        Assert.Null(Notebook09.Exercise5(null).Correct);
    }

    [Fact]
    public void Exercise4_names_a_function_that_mixes_elements_with_a_dot_product_or_a_sum()
    {
        // x · sigmoid'(x) written with matmul: on the 41-point vector it is one dot product, broadcast back to every element.
        var dot = Notebook09.Exercise4(x => x.sigmoid() + x.matmul(x.sigmoid() * (1 - x.sigmoid())));
        Assert.False(dot.Correct);
        Assert.Contains("right for a single element", dot.Message);
        Assert.Contains("*", dot.Message);
        var summed = Notebook09.Exercise4(x => (x.sigmoid() * (1 + x * (1 - x.sigmoid()))).sum());   // one number for 41 inputs
        Assert.False(summed.Correct);
        Assert.Contains("combines different elements", summed.Message);
    }

    [Fact]
    public void Exercise4_names_an_integer_result_and_nan_and_takes_a_float32_computation()
    {
        var integer = Notebook09.Exercise4(x => x.sigmoid().to_type(ScalarType.Int64));
        Assert.False(integer.Correct);
        Assert.Contains("int64", integer.Message);
        var nan = Notebook09.Exercise4(x => x / 0 * 0);
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
        Assert.True(Notebook09.Exercise4(x => { var s = x.to_type(ScalarType.Float32).sigmoid(); return s * (1 + x.to_type(ScalarType.Float32) * (1 - s)); }).Correct);
    }
}

