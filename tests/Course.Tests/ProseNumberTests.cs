using System.Globalization;

namespace Course.Tests;

/// <summary>Every number the prose states is one the run shows (see <see cref="ProseNumbers"/> for the rule and its exemptions).</summary>
public class ProseNumberTests
{
    public static TheoryData<string> Notebooks() => NotebookTests.Notebooks();

    [Theory, MemberData(nameof(Notebooks))]
    public async Task Every_number_the_prose_states_is_shown_by_an_output(string name)
    {
        var executed = await ExecutedCourse.LoadAsync(name);
        var missing = ProseNumbers.Unshown(executed);
        Assert.True(missing.Count == 0,
            $"{name}: {missing.Count} number(s) in the prose that no output shows at the precision written " +
            "(record the value with Course.Record, quote it, derive it in the prose, or state it at a precision that holds):\n" +
            string.Join("\n", missing.Select(m => $"  cell {m.Number.Cell}: {m.Number.Text} in \"…{m.Number.Context}…\"" +
                (m.Nearest is double n ? $" (nearest shown: {n.ToString("G6", CultureInfo.InvariantCulture)})" : ""))));
    }
}
