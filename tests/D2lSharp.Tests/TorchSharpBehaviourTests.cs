using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>
/// What the lessons rely on from TorchSharp itself, checked here instead of in the lessons (a pinned-version upgrade that
/// changed it would fail these tests, not confuse a learner).
/// </summary>
public class TorchSharpBehaviourTests
{
    [Fact]
    public void Multinomial_counts_have_the_binomial_mean_and_variance()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        var fair = ones(6) / 6;
        var counts = distributions.Multinomial(10, fair).sample(100_000);          // notebook 06 samples dice this way
        Assert.Equal([100_000L, 6L], counts.shape);
        Assert.True(counts.sum(1).eq(10).all().item<bool>(), "every sample of 10 rolls must count 10 faces");
        var mean = counts.mean([0]);
        var variance = counts.var(0);
        for (int face = 0; face < 6; face++)
        {
            Assert.InRange(mean[face].item<float>(), 10.0 / 6 - 0.02, 10.0 / 6 + 0.02);          // np; its standard error is 0.004
            Assert.InRange(variance[face].item<float>(), 50.0 / 36 - 0.04, 50.0 / 36 + 0.04);    // np(1 − p)
        }
    }
}
