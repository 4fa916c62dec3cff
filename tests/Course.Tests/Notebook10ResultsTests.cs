using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>
/// The claims notebook 10's prose rests on, read from its executed copy: weight decay cuts the test loss, the gap shrinks as λ grows
/// with ‖w‖, cross-validation picks a model near the true degree, and L1 zeroes far more weights than L2.
/// </summary>
public class Notebook10ResultsTests
{
    static double Number(string text, string pattern)
    {
        var m = Regex.Match(text, pattern, RegexOptions.Multiline);
        Assert.True(m.Success, $"the executed copy has no line matching /{pattern}/");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Weight_decay_L1_and_cross_validation_results_hold_in_the_executed_copy()
    {
        var text = ExecutedCourse.AllText(await ExecutedCourse.LoadAsync("10-overfitting-and-regularization.ipynb"));
        double test0 = Number(text, @"^λ = 0: train loss \S+, test loss (\S+),");
        double test3 = Number(text, @"^λ = 3: train loss \S+, test loss (\S+),");
        Assert.True(test3 < test0 / 100, $"weight decay λ = 3 should cut the test loss a hundredfold: {test3} vs {test0}");

        int header = text.IndexOf("‖w‖\n", text.IndexOf("gap", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(header > 0, "the λ sweep's table header is missing");
        var sweep = text[(header + 4)..].Split('\n').Take(5)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(cols => (Gap: double.Parse(cols[3], CultureInfo.InvariantCulture), Norm: double.Parse(cols[4], CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(5, sweep.Count);
        for (int i = 1; i < sweep.Count; i++)
            Assert.True(sweep[i].Gap < sweep[i - 1].Gap && sweep[i].Norm < sweep[i - 1].Norm, "gap and ‖w‖ should both fall as λ grows");

        double picked = Number(text, @"^cross-validation picks (\d+) features");
        Assert.InRange(picked, 4, 6);

        double l2Zeros = Number(text, @"^L2, λ = 3\s+\S+\s+\S+\s+(\d+)");
        double l1Zeros = Number(text, @"^L1, λ = 0\.03\s+\S+\s+\S+\s+(\d+)");
        Assert.True(l1Zeros > 2 * l2Zeros, $"L1 should leave far more weights near 0 than L2: {l1Zeros} vs {l2Zeros}");
    }
}
