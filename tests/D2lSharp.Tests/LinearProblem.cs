using D2lSharp.Data;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>
/// d2l's linear-regression problem (true w = [2, −3.4], b = 4.2, 1000 examples, minibatches of 10, seed 0) with fresh
/// parameters w, b: the shared set-up of the tests that check a training loop recovers the true parameters.
/// </summary>
sealed class LinearProblem : IDisposable
{
    public Tensor TrueW { get; }
    public Tensor Features { get; }
    public Tensor Labels { get; }
    public Tensor W { get; }
    public Tensor B { get; }
    public Minibatches Data { get; }

    public LinearProblem()
    {
        manual_seed(0);
        TrueW = tensor(new float[] { 2, -3.4f });
        (Features, Labels) = Synthetic.SyntheticData(TrueW, 4.2, 1000);
        W = normal(0, 0.01, [2, 1]).requires_grad_();
        B = zeros(1).requires_grad_();
        Data = Minibatches.DataIter(10, Features, Labels);
    }

    /// <summary>Asserts that w is within 0.05 of the true weights and b within 0.05 of 4.2.</summary>
    public void AssertRecovered()
    {
        using var error = W.detach().reshape(-1) - TrueW;
        Assert.True(error.abs().max().item<float>() < 0.05, $"w is off by {error}");
        Assert.InRange(B.item<float>(), 4.15, 4.25);
    }

    public void Dispose()
    {
        foreach (var t in new[] { TrueW, Features, Labels, W, B }) t.Dispose();
    }
}
