using System.Runtime.InteropServices;
using D2lSharp.Calculus;
using D2lSharp.Data;
using D2lSharp.Display;
using D2lSharp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>
/// Mistakes a learner makes with the library's tensor functions: each is refused before libtorch sees it, with a message
/// that names what was given, what was expected and what to do. Real tensors throughout.
/// </summary>
public class LearnerMistakeTests
{
    static string Message(Action a) => Assert.ThrowsAny<Exception>(a).Message;

    [Fact]
    public void LinReg_names_mixed_dtypes_and_the_conversion()
    {
        using var X = tensor(new double[,] { { 1, 2 }, { 3, 4 } });   // new double[,] gives float64
        using var w = randn(2, 1);                                    // randn gives float32
        using var b = zeros(1);
        Assert.Contains("X is float64 and w is float32: make both float32 (e.g. `X.to(float32)`)", Message(() => Models.LinReg(X, w, b)));
        using var w64 = randn(2, 1, dtype: ScalarType.Float64);
        using var X32 = X.to(ScalarType.Float32);
        Assert.Contains("X is float32 and w is float64: make both float32 (e.g. `w.to(float32)`)", Message(() => Models.LinReg(X32, w64, b)));
        using var b64 = zeros(1, dtype: ScalarType.Float64);          // a bias with a shape would turn the output float64
        Assert.Contains("X is float32 and b is float64", Message(() => Models.LinReg(X32, w, b64)));
        using var Xint = tensor(new long[,] { { 1, 2 }, { 3, 4 } });
        Assert.Contains("X is int64, but it needs floating-point numbers", Message(() => Models.LinReg(Xint, w, b)));
    }

    [Fact]
    public void LinReg_names_wrong_shapes_and_computes_what_matmul_would()
    {
        using var X = randn(5, 3);
        using var w = randn(3, 1);
        using var b = tensor(0.5f);
        using var wrong = randn(2, 1);
        Assert.Contains("X has shape (5, 3), w has shape (2, 1) (expected (3, 1) or (3,))", Message(() => Models.LinReg(X, wrong, b)));
        using var row = randn(3);
        Assert.Contains("`X.reshape(1, -1)`", Message(() => Models.LinReg(row, w, b)));
        using var b3 = zeros(3);
        Assert.Contains("w gives 1 output(s), but b has shape (3,)", Message(() => Models.LinReg(X, w, b3)));
        // A 0-d float64 bias (torch.tensor(0.0)) keeps the float32 output, as in notebook 07.
        using var b0 = tensor(0.5);
        using var y = Models.LinReg(X, w, b0);
        Assert.Equal(ScalarType.Float32, y.dtype);
        // mm and mv give exactly what matmul gives for these shapes (valid shapes: matmul is safe to call here).
        using var expected = X.matmul(w) + b;
        using var actual = Models.LinReg(X, w, b);
        Assert.True(actual.allclose(expected, rtol: 0, atol: 0));
        using var wv = w.flatten();
        using var expectedV = X.matmul(wv) + b;
        using var actualV = Models.LinReg(X, wv, b);
        Assert.Equal(new long[] { 5 }, actualV.shape);
        Assert.True(actualV.allclose(expectedV, rtol: 0, atol: 0));
    }

    [Fact]
    public void SquaredLoss_refuses_mixed_dtypes_that_would_silently_give_a_float64_loss()
    {
        using var yHat = randn(4, 1);
        using var y64 = randn(4, dtype: ScalarType.Float64);
        Assert.Contains("yHat is float32 and y is float64: make both float32 (e.g. `y.to(float32)`)", Message(() => Losses.SquaredLoss(yHat, y64)));
        using var yInt = tensor(new long[] { 1, 2, 3, 4 });
        Assert.Contains("y is int64, but it needs floating-point numbers", Message(() => Losses.SquaredLoss(yHat, yInt)));
    }

    [Fact]
    public void CrossEntropy_refuses_float_labels_labels_out_of_range_and_logits()
    {
        using var p = full(3, 4, 0.25f);
        using var yFloat = tensor(new float[] { 0, 1, 2 });
        Assert.Contains("must be whole-number indices (int64); got float32. Convert it with `y.to(int64)`", Message(() => Losses.CrossEntropy(p, yFloat)));
        using var yBig = tensor(new long[] { 0, 4, 1 });
        Assert.Contains("y has the label 4, but yHat has 4 classes, so labels must be 0 to 3", Message(() => Losses.CrossEntropy(p, yBig)));
        using var yNeg = tensor(new long[] { 0, -1, 1 });
        Assert.Contains("y has the label -1", Message(() => Losses.CrossEntropy(p, yNeg)));
        using var logits = tensor(new float[,] { { 2, -1, 0, 0 }, { 0, 0, 1, -3 }, { 1, 1, 1, 1 } });
        using var y = tensor(new long[] { 0, 2, 3 });
        Assert.Contains("looks like raw scores (logits)", Message(() => Losses.CrossEntropy(logits, y)));
        using var classes = tensor(new long[,] { { 0, 1, 0, 0 }, { 1, 0, 0, 0 }, { 0, 0, 0, 1 } });
        Assert.Contains("yHat must hold probabilities (floating-point); got int64", Message(() => Losses.CrossEntropy(classes, y)));
        // int32 labels are fine, as in d2l.
        using var y32 = tensor(new int[] { 0, 2, 3 });
        using var l = Losses.CrossEntropy(p, y32);
        Assert.Equal(-Math.Log(0.25), l[0].item<float>(), 5);
    }

    [Fact]
    public void Sgd_says_whether_requires_grad_or_backward_is_missing()
    {
        using var plain = ones(2);
        Assert.Contains("does not require gradients", Message(() => Optimizers.Sgd([plain], 0.1, 1)));
        using var leaf = ones(2).requires_grad_();
        Assert.Contains("`grad` is null until `backward()`", Message(() => Optimizers.Sgd([leaf], 0.1, 1)));
        using var computed = ones(2).requires_grad_() * 0.01;
        Assert.Contains("was computed from other tensors", Message(() => Optimizers.Sgd([computed], 0.1, 1)));
    }

    [Fact]
    public void Disposed_tensors_are_named_instead_of_an_empty_handle()
    {
        var t = ones(2, 2);
        t.Dispose();
        Assert.Contains("was disposed", Message(() => TensorFormatter.ToText(t)));
        Assert.Contains("yHat was disposed", Message(() => Metrics.Accuracy(t, t)));
        Assert.Contains("x was disposed", Message(() => GradientCheck.Numerical(v => v.sum(), t)));
        using var w = ones(2);
        Assert.Contains("X was disposed", Message(() => Models.LinReg(t, w, w)));
    }

    [Fact]
    public void Synthetic_and_GradientCheck_name_the_dtype_fix()
    {
        using var w64 = tensor(new double[] { 2, -3.4 });
        Assert.Contains("`w.to(float32)`", Message(() => Synthetic.SyntheticData(w64, 4.2, 10)));
        using var xi = arange(4);
        Assert.Contains("got int64. Convert it with `x.to(float32)`", Message(() => GradientCheck.Numerical(v => v.sum(), xi)));
    }

    [Fact]
    public void Native_stack_frames_are_trimmed_from_a_real_libtorch_error()
    {
        using var a = ones(2, 3);
        var e = Assert.ThrowsAny<ExternalException>(() => a.mm(a));
        Assert.Contains("frame #0:", e.Message); // libtorch's message as TorchSharp passes it on
        string trimmed = LearnerErrors.WithoutNativeFrames(e.Message);
        Assert.StartsWith("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", trimmed);
        Assert.DoesNotContain("frame #", trimmed);
        Assert.DoesNotContain("Exception raised from", trimmed);
        Assert.Equal("plain message\nsecond line", LearnerErrors.WithoutNativeFrames("plain message\nsecond line"));
    }

    [Fact]
    public void An_unflattened_image_batch_is_explained_as_such()
    {
        using var net = nn.Linear(784, 10);
        using var X = ones(256, 28, 28);
        var e = Assert.ThrowsAny<ExternalException>(() => net.forward(X));
        Assert.Contains("7168x28 and 784x10", e.Message);
        string explanation = LearnerErrors.Explain(e, X)!;
        Assert.Contains("batch of shape (256, 28, 28)", explanation);
        Assert.Contains("`X.reshape(-1, 784)` gives (256, 784)", explanation);
        Assert.Contains("nn.Flatten()", explanation);
        // Without the input, the shapes of the product are still named.
        Assert.Contains("inner sizes 28 and 784 must be equal", LearnerErrors.Explain(e)!);
        // Through the library: EvaluateAccuracy runs the model and explains the failure.
        using var y = zeros(256, dtype: ScalarType.Int64);
        var through = Assert.Throws<InvalidOperationException>(() => Metrics.EvaluateAccuracy(net, [(X, y)]));
        Assert.StartsWith("mat1 and mat2 shapes cannot be multiplied (7168x28 and 784x10)\n", through.Message);
        Assert.Contains("nn.Flatten()", through.Message);
        Assert.DoesNotContain("frame #", through.Message);
        Assert.Same(e.GetType(), through.Data["TorchSharpException"]!.GetType());
        Assert.Null(through.InnerException); // the kernel would print an inner exception's native frames under the cell
    }

    [Fact]
    public void Backward_without_requires_grad_index_and_dtype_errors_name_the_fix()
    {
        using var x = ones(3);
        using var y = (x * 2).sum();
        var backward = Assert.ThrowsAny<ExternalException>(() => y.backward());
        Assert.Contains("`x.requires_grad_()`", LearnerErrors.Explain(backward)!);

        using var index = tensor(new long[] { 5 });
        var select = Assert.ThrowsAny<ExternalException>(() => x.index_select(0, index));
        Assert.Contains("index out of range in self", select.Message);
        Assert.Contains("between 0 and the size − 1", LearnerErrors.Explain(select)!);

        using var a64 = ones(2, 3, dtype: ScalarType.Float64);
        using var b32 = ones(3, 2);
        var mixed = Assert.ThrowsAny<ExternalException>(() => a64.mm(b32));
        Assert.Contains("different dtypes (float64 and float32)", LearnerErrors.Explain(mixed)!);

        using var logits = ones(3, 4);
        using var floatLabels = tensor(new float[] { 1, 2, 3 });
        var labels = Assert.ThrowsAny<ExternalException>(() => nn.functional.cross_entropy(logits, floatLabels));
        Assert.Contains("`y.to(int64)`", LearnerErrors.Explain(labels)!);

        using var ints = arange(3);
        var intGrad = Assert.ThrowsAny<ExternalException>(() => ints.requires_grad_());
        Assert.Contains("float dtype", LearnerErrors.Explain(intGrad)!);

        var other = new InvalidOperationException("something the course does not know");
        Assert.Null(LearnerErrors.Explain(other));
        Assert.Same(other, LearnerErrors.Explained(other));
        var explained = LearnerErrors.Explained(backward);
        Assert.IsType<InvalidOperationException>(explained);
        Assert.Same(backward, explained.Data["TorchSharpException"]);
    }
}
