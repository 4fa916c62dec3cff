using System.Globalization;

namespace Course.Tests;

/// <summary>
/// Every number the prose states is one the run shows (see <see cref="ProseNumbers"/> for the rule and its exemptions),
/// on this machine's CPU and as an AVX2-only CPU computes it: a number that holds only on one CPU fails here.
/// </summary>
public class ProseNumberTests
{
    public static TheoryData<string, string> NotebooksAndCpus()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Repository.Notebooks(Repository.Root()))
            foreach (var cpu in new[] { "native", "avx2" })
                data.Add(Path.GetFileName(path), cpu);
        return data;
    }

    [Theory, MemberData(nameof(NotebooksAndCpus))]
    public async Task Every_number_the_prose_states_is_shown_by_an_output(string name, string cpu)
    {
        var executed = await ExecutedCourse.ByName(cpu).Load(name);
        var missing = ProseNumbers.Unshown(executed);
        Assert.True(missing.Count == 0,
            $"{name} ({cpu}): {missing.Count} number(s) in the prose that no output shows at the precision written " +
            "(record the value with Course.Record, quote it, derive it in the prose, or state it at a precision that holds on every CPU):\n" +
            string.Join("\n", missing.Select(m => $"  cell {m.Number.Cell}: {m.Number.Text} in \"…{m.Number.Context}…\"" +
                (m.Nearest is double n ? $" (nearest shown: {n.ToString("G6", CultureInfo.InvariantCulture)})" : ""))));
    }
}
