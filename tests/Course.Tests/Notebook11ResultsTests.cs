using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>What notebook 11 (dropout) claims about its training runs, read from its executed copy.</summary>
public class Notebook11ResultsTests
{
    static double Number(Match m, string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("from scratch")]
    [InlineData("concise")]
    public async Task The_dropout_network_reaches_the_books_test_accuracy(string label)
    {
        var copy = await ExecutedCourse.LoadAsync("11-dropout.ipynb");
        var text = ExecutedCourse.AllText(copy);
        var m = Regex.Match(text, $@"^{label}: train loss (?<loss>\d+\.\d+), train acc (?<train>\d\.\d+), test acc (?<test>\d\.\d+)", RegexOptions.Multiline);
        Assert.True(m.Success, $"the executed copy has no line '{label}: train loss …, train acc …, test acc …'");
        double test = Number(m, "test");
        Assert.True(test > 0.82, $"{label}: test accuracy {test} after 10 epochs; d2l's 784-256-256-10 net with dropout reaches more than 0.82");
    }

    [Fact]
    public async Task Dropout_narrows_the_train_test_gap_on_the_small_training_set()
    {
        var copy = await ExecutedCourse.LoadAsync("11-dropout.ipynb");
        var text = ExecutedCourse.AllText(copy);
        double MeanGap(string run)
        {
            var m = Regex.Match(text, $@"^{run}\s*: epoch \d+: .*mean gap over epochs \d+-\d+: (?<gap>-?\d\.\d+)", RegexOptions.Multiline);
            Assert.True(m.Success, $"the executed copy has no gap line for the run '{run}'");
            return Number(m, "gap");
        }
        double without = MeanGap("without dropout"), with = MeanGap("with dropout");
        Assert.True(without > 0.1, $"without dropout the gap is {without}; the experiment is meant to overfit (gap > 0.1)");
        Assert.True(with < without, $"with dropout the gap is {with}, not smaller than without ({without}), as the notebook says");
    }
}
