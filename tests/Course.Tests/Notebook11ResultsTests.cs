namespace Course.Tests;

/// <summary>What notebook 11 (dropout) claims about its training runs, read from the values its executed copy recorded.</summary>
public class Notebook11ResultsTests
{
    [Theory]
    [InlineData("from scratch")]
    [InlineData("concise")]
    public async Task The_dropout_network_reaches_the_books_test_accuracy(string label)
    {
        var copy = await ExecutedCourse.LoadAsync("11-dropout.ipynb");
        double test = Notebook.Record(copy, $"{label}: test acc");
        double train = Notebook.Record(copy, $"{label}: train acc");
        double loss = Notebook.Record(copy, $"{label}: train loss");
        Assert.True(test > 0.82, $"{label}: test accuracy {test} after 10 epochs; d2l's 784-256-256-10 net with dropout reaches more than 0.82");
        Assert.InRange(train, 0.8, 1.0);
        Assert.InRange(loss, 0.0, 0.6);
    }

    [Fact]
    public async Task Dropout_narrows_the_train_test_gap_on_the_small_training_set()
    {
        var copy = await ExecutedCourse.LoadAsync("11-dropout.ipynb");
        double without = Notebook.Record(copy, "p = 0: mean gap"), with = Notebook.Record(copy, "p = 0.5: mean gap");
        Assert.True(without > 0.1, $"without dropout the gap is {without}; the experiment is meant to overfit (gap > 0.1)");
        Assert.True(with < without, $"with dropout 0.5 the gap is {with}, not smaller than without ({without}), as the notebook says");
        // "The gap shrinks as p grows", and p = 0.8 fits neither set as well as no dropout.
        var gaps = new[] { "0", "0.2", "0.5", "0.8" }.Select(p => Notebook.Record(copy, $"p = {p}: mean gap")).ToArray();
        for (int i = 1; i < gaps.Length; i++)
            Assert.True(gaps[i] < gaps[i - 1], $"the mean gaps for p = 0, 0.2, 0.5, 0.8 should shrink; got {string.Join(", ", gaps)}");
        Assert.True(Notebook.Record(copy, "p = 0.8: test acc") < Notebook.Record(copy, "p = 0: test acc"), "at p = 0.8 the test accuracy should be below p = 0's");
        Assert.True(Notebook.Record(copy, "p = 0.5: test acc") > Notebook.Record(copy, "p = 0: test acc"), "up to p = 0.5 the test accuracy should rise a little");
    }

    [Fact]
    public async Task Momentum_lets_the_network_without_dropout_overfit_where_plain_SGD_does_not_yet()
    {
        var copy = await ExecutedCourse.LoadAsync("11-dropout.ipynb");
        double momentum = Notebook.Record(copy, "p = 0: train acc"), plain = Notebook.Record(copy, "plain SGD, lr 0.1, p = 0: train acc");
        Assert.True(momentum > 0.93, $"with momentum the network without dropout should (nearly) memorize its 1000 training images; train accuracy {momentum}");
        Assert.True(plain < momentum - 0.05, $"the notebook says plain SGD at the same effective step gets much less far ({plain} vs {momentum})");
        Assert.True(Notebook.Record(copy, "p = 0.5: train acc") < momentum, "dropout 0.5 should fit the training images less closely than no dropout");
    }

    [Fact]
    public async Task Predictions_that_dropout_masks_agree_on_are_right_more_often()
    {
        var copy = await ExecutedCourse.LoadAsync("11-dropout.ipynb");
        double agree = Notebook.Record(copy, "Monte Carlo dropout: accuracy where the masks agree");
        double disagree = Notebook.Record(copy, "Monte Carlo dropout: accuracy where they disagree");
        Assert.True(agree > disagree + 0.2, $"the notebook says agreement across masks signals a reliable prediction; accuracy {agree} where they agree, {disagree} where not");
    }
}
