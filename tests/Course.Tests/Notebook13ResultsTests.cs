using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>
/// The claims notebook 13's prose makes about its own run, read from the executed copy: if a change (or a new TorchSharp)
/// moves these results, the prose no longer matches and this test says which claim broke.
/// </summary>
public class Notebook13ResultsTests
{
    static double Number(string text, string pattern)
    {
        var m = Regex.Match(text, pattern);
        Assert.True(m.Success, $"the executed notebook 13 has no line matching /{pattern}/");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Executed_notebook_13_shows_the_results_its_prose_describes()
    {
        var text = ExecutedCourse.AllText(await ExecutedCourse.LoadAsync("13-numerical-stability.ipynb"));

        // Exploding products: the norm grows geometrically and float32 overflows after a few hundred factors.
        Assert.InRange(Number(text, @"of 101 matrices ([0-9.e+]+)"), 1e20, 1e30);
        Assert.Contains("the same norm computed in float32: Infinity", text);

        // Sigmoid vs ReLU through 15 layers with the same weights.
        Assert.True(Number(text, @"sigmoid net: .*\(ratio ([0-9.e+-]+)\)") < 1e-6, "the sigmoid net's first-layer gradient should vanish");
        Assert.InRange(Number(text, @"ReLU net: .*\(ratio ([0-9.]+)\)"), 0.05, 20);

        // ReLU's derivative at 0 as autograd returns it, and a dead unit gets exactly no gradient.
        Assert.Contains("d relu/dx  = [0., 0., 0., 0., 1., 1., 1.]", text);
        Assert.Contains("gradient of unit 0's weights: norm 0, of its bias: 0;", text);

        // Symmetry: constant initialization keeps the hidden rows identical; random initialization learns XOR.
        Assert.Contains("all parameters 0.3: training accuracy 0.550; hidden weight rows differ from row 0 by at most 0\n", text);
        Assert.True(Number(text, @"random \(default\) init: training accuracy ([0-9.]+)") > 0.9);

        // TorchSharp 0.107's xavier_normal_ samples the uniform distribution (the prose says so; a fixed TorchSharp breaks this).
        Assert.Matches(@"nn\.init\.xavier_normal_ +std 0\.043\d+ +min -0\.0759\d +max +0\.0759\d +beyond ±2σ: 0\.00 %", text);
        Assert.True(Number(text, @"from scratch, normal .*beyond ±2σ: ([0-9.]+) %") > 3);
        Assert.InRange(Number(text, @"nn\.init\.xavier_normal_ .*within ±σ: ([0-9.]+) %"), 56.0, 59.5);    // uniform 57.74 %, normal 68.27 %
        Assert.InRange(Number(text, @"from scratch, normal .*within ±σ: ([0-9.]+) %"), 66.5, 70.0);

        // The default nn.Linear init is U(-1/sqrt(n_in), 1/sqrt(n_in)).
        Assert.Matches(@"nn\.Linear weight +min +-0\.0357\d +max +0\.0357\d +std 0\.020\d\d", text);
    }
}
