using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>Notebook 09's MLPs reach d2l's level on Fashion-MNIST, read from the executed copy (the lesson has no guards).</summary>
public class Notebook09ResultsTests
{
    [Fact]
    public async Task Both_MLPs_reach_a_test_accuracy_above_0_82_and_softmax_regression_its_08_level()
    {
        var copy = await ExecutedCourse.LoadAsync("09-multilayer-perceptron.ipynb");
        string text = ExecutedCourse.AllText(copy);
        double scratch = TestAccuracy(text, "from scratch");
        double concise = TestAccuracy(text, "concise");
        double softmax = TestAccuracy(text, "softmax regression");
        Assert.True(scratch > 0.82, $"MLP from scratch: test acc {scratch}, want > 0.82");
        Assert.True(concise > 0.82, $"concise MLP: test acc {concise}, want > 0.82");
        Assert.True(softmax > 0.80, $"softmax regression: test acc {softmax}, want > 0.80");
    }

    static double TestAccuracy(string text, string run)
    {
        var m = Regex.Match(text, $@"^{Regex.Escape(run)}: train loss (\d\.\d{{4}}), train acc (\d\.\d{{4}}), test acc (\d\.\d{{4}})", RegexOptions.Multiline);
        Assert.True(m.Success, $"the executed copy prints no line '{run}: train loss …, train acc …, test acc …'");
        return double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
    }
}
