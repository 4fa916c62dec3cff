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

    [Fact]
    public void Exercise5_accepts_b_and_e_in_any_form_and_says_why_each_wrong_choice_is_false()
    {
        Assert.Null(Notebook09.Exercise5(null).Correct);
        Assert.Null(Notebook09.Exercise5(" ").Correct);
        Assert.DoesNotContain("Hint", Notebook09.Exercise5(null).Message);
        Assert.True(Notebook09.Exercise5("be").Correct);
        Assert.True(Notebook09.Exercise5("E, B").Correct);
        var linear = Notebook09.Exercise5("abe");
        Assert.False(linear.Correct);
        Assert.Contains("(a) is false", linear.Message);
        Assert.Contains("affine", linear.Message);
        var width = Notebook09.Exercise5("bce");
        Assert.False(width.Correct);
        Assert.Contains("finite width", width.Message);
        var parameters = Notebook09.Exercise5("bde");
        Assert.False(parameters.Correct);
        Assert.Contains("no parameters", parameters.Message);
        var missing = Notebook09.Exercise5("e");
        Assert.False(missing.Correct);
        Assert.Contains("missing", missing.Message);
        Assert.DoesNotContain("(b)", missing.Message);   // never says which true option is missing
    }

    /// <summary>(b) and (e) are true of real modules: the collapsed pair reproduces the tiny MLP, and a ReLU MLP is piecewise linear.</summary>
    [Fact]
    public void Exercise5s_true_statements_hold_for_real_modules()
    {
        manual_seed(3);
        var tiny = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2));
        var first = nn.Linear(2, 8); var second = nn.Linear(8, 8); var last = nn.Linear(8, 2);
        var tinyLayers = tiny.children().OfType<TorchSharp.Modules.Linear>().ToArray();
        using (no_grad())
        {
            first.weight!.copy_(tinyLayers[0].weight!); first.bias!.copy_(tinyLayers[0].bias!);
            second.weight!.copy_(eye(8)); second.bias!.zero_();
            last.weight!.copy_(tinyLayers[1].weight!); last.bias!.copy_(tinyLayers[1].bias!);
        }
        var collapsed = nn.Sequential(first, second, nn.ReLU(), last);
        var x = randn(50, 2);
        Assert.True((tiny.forward(x) - collapsed.forward(x)).abs().max().item<float>() < 1e-6);

        // A two-hidden-layer ReLU MLP on one input: second differences vanish except near a few kinks (piecewise linear), and it is continuous.
        const ScalarType f64 = ScalarType.Float64;
        var deep = nn.Sequential(nn.Linear(1, 6, dtype: f64), nn.ReLU(), nn.Linear(6, 6, dtype: f64), nn.ReLU(), nn.Linear(6, 1, dtype: f64));
        var grid = linspace(-3, 3, 6001, dtype: ScalarType.Float64).reshape(-1, 1);
        using (no_grad())
        {
            var y = deep.forward(grid).flatten();
            var second2 = (y[2..] - 2 * y[1..^1] + y[..^2]).abs();
            Assert.True(second2.gt(1e-9).sum().item<long>() <= 2 * (6 + 6 * 7), "a ReLU MLP bends only at a few points (at most 6 + 6 × 7 here)");
            Assert.True((y[1..] - y[..^1]).abs().max().item<double>() < 0.1, "and it makes no jumps");
        }
    }

    [Theory]
    [InlineData("clamp")]
    [InlineData("minimum")]
    [InlineData("where")]
    [InlineData("float32")]
    public void Exercise6_accepts_min_of_0_and_x_in_several_forms(string form)
    {
        Func<Tensor, Tensor> answer = form switch
        {
            "clamp" => x => x.clamp(max: 0),
            "minimum" => x => minimum(x, zeros_like(x)),
            "where" => x => where(x.lt(0), x, zeros_like(x)),
            _ => x => x.to_type(ScalarType.Float32).clamp_max(0),
        };
        var f = Notebook09.Exercise6(answer);
        Assert.True(f.Correct, f.Message);
    }

    [Fact]
    public void Exercise6_names_each_plausible_slip_and_is_pending_on_null()
    {
        var dx = Notebook09.Exercise6(x => where(x.gt(0), ones_like(x), full_like(x, 0.25)));
        Assert.False(dx.Correct);
        Assert.Contains("with respect to x", dx.Message);
        var positivePart = Notebook09.Exercise6(x => x.clamp_min(0));
        Assert.False(positivePart.Correct);
        Assert.Contains("does not contain α", positivePart.Message);
        var indicator = Notebook09.Exercise6(x => x.lt(0).to_type(ScalarType.Float64));
        Assert.False(indicator.Correct);
        Assert.Contains("α·c", indicator.Message);
        var identity = Notebook09.Exercise6(x => x.clone());
        Assert.False(identity.Correct);
        Assert.Contains("x > 0", identity.Message);
        var sign = Notebook09.Exercise6(x => x.clamp_min(0) - x);   // max(0, −x)·… = −min(0, x)
        Assert.False(sign.Correct);
        Assert.Contains("sign", sign.Message);
        var keptAlpha = Notebook09.Exercise6(x => 0.25 * x.clamp_max(0));
        Assert.False(keptAlpha.Correct);
        Assert.Contains("0.25 ×", keptAlpha.Message);
        var other = Notebook09.Exercise6(x => x.sigmoid());
        Assert.False(other.Correct);
        Assert.Contains("autograd gives", other.Message);
        Assert.Contains("Hint", other.Message);
        var pending = Notebook09.Exercise6(null);
        Assert.Null(pending.Correct);
        Assert.DoesNotContain("Hint", pending.Message);
        Assert.DoesNotContain("min(0, x) is", pending.Message);
    }

    [Fact]
    public void Exercise6_names_mixed_elements_wrong_dtypes_and_throwing_functions()
    {
        var summed = Notebook09.Exercise6(x => x.clamp_max(0).sum());                              // one number for 25 inputs
        Assert.False(summed.Correct);
        Assert.Contains("combines different elements", summed.Message);
        var dot = Notebook09.Exercise6(x => x.clamp_max(0).matmul(ones_like(x)) * ones_like(x)); // a dot product broadcast back
        Assert.False(dot.Correct);
        Assert.Contains("right for a single element", dot.Message);
        var boolean = Notebook09.Exercise6(x => x.lt(0));
        Assert.False(boolean.Correct);
        Assert.Contains("floating point", boolean.Message);
        var throws = Notebook09.Exercise6(x => throw new InvalidOperationException("boom"));
        Assert.False(throws.Correct);
        Assert.Contains("boom", throws.Message);
        Assert.False(Notebook09.Exercise6(x => ones(3)).Correct);
    }
}
