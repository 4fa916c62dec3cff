using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>
/// Notebook 08's softmax regression reaches d2l's level on Fashion-MNIST, read from the executed copy: the guard that once
/// stood in the lesson as a <c>throw</c> lives here, where a learner does not have to read it.
/// </summary>
public class Notebook08ResultsTests
{
    [Theory]
    [InlineData("from scratch")]
    [InlineData("concise")]
    public async Task Softmax_regression_reaches_d2ls_level(string run)
    {
        string text = ExecutedCourse.AllText(await ExecutedCourse.LoadAsync("08-softmax-regression.ipynb"));
        var m = Regex.Match(text, $@"^{Regex.Escape(run)}: train loss (\d\.\d{{4}}), train acc (\d\.\d{{4}}), test acc (\d\.\d{{4}})", RegexOptions.Multiline);
        Assert.True(m.Success, $"the executed copy prints no line '{run}: train loss …, train acc …, test acc …'");
        double trainLoss = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        double testAccuracy = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        Assert.True(trainLoss < 0.5, $"{run}: train loss {trainLoss} after 10 epochs; d2l's softmax regression gets below 0.5");
        Assert.True(testAccuracy > 0.80, $"{run}: test accuracy {testAccuracy} after 10 epochs; d2l's softmax regression gets above 0.80");
    }
}
