using D2lSharp.Exercises;

namespace D2lSharp.Tests;

/// <summary>The conceptual exercises added to notebooks 01–08, and the rule that a hint appears only after a wrong answer.</summary>
public class ExercisesConceptualTests
{
    public static TheoryData<Func<string?, Feedback>, string, string> Choices() => new()
    {
        { Notebook01.Exercise5, "acd", "abcd" },
        { Notebook02.Exercise3, "abc", "abcd" },
        { Notebook05.Exercise5, "ace", "acde" },
        { Notebook07.Exercise4, "abd", "abcd" },
        { Notebook08.Exercise4, "abd", "abcd" },
    };

    [Theory, MemberData(nameof(Choices))]
    public void Choice_exercises_are_pending_right_or_wrong_with_a_reason(Func<string?, Feedback> check, string right, string wrong)
    {
        Assert.Null(check(null).Correct);
        Assert.Null(check("  ").Correct);
        Assert.True(check(right).Correct);
        Assert.True(check(string.Join(", ", right.Reverse()).ToUpperInvariant()).Correct);
        var feedback = check(wrong);
        Assert.False(feedback.Correct);
        Assert.Contains("is false:", feedback.Message);
        if (right.Length > 1)
        {
            var partial = check(right[..^1]);   // one true option left out
            Assert.False(partial.Correct);
            Assert.Contains("missing", partial.Message);
        }
    }

    [Fact]
    public void Disjoint_events_are_not_independent()
    {
        Assert.Null(Notebook06.Exercise5(null).Correct);
        Assert.True(Notebook06.Exercise5(false).Correct);
        var wrong = Notebook06.Exercise5(true);
        Assert.False(wrong.Correct);
        Assert.Contains("Hint", wrong.Message);
    }

    [Fact]
    public void One_hot_column_count_names_the_usual_mistakes()
    {
        Assert.Null(Notebook02.Exercise4(null).Correct);
        Assert.True(Notebook02.Exercise4(5).Correct);
        Assert.Contains("missing", Notebook02.Exercise4(4).Message);
        Assert.False(Notebook02.Exercise4(1).Correct);
    }

    /// <summary>Every unanswered exercise restates the task; none shows its hint before a wrong answer.</summary>
    [Fact]
    public void Pending_messages_carry_no_hint()
    {
        Feedback[] pending =
        [
            Notebook01.Exercise1(null), Notebook01.Exercise2(null), Notebook01.Exercise3(null), Notebook01.Exercise4(null), Notebook01.Exercise5(null),
            Notebook02.Exercise1(null), Notebook02.Exercise2(null), Notebook02.Exercise3(null), Notebook02.Exercise4(null),
            Notebook03.Exercise1(null), Notebook03.Exercise2(null, null, null), Notebook03.Exercise3(null), Notebook03.Exercise4(null),
            Notebook04.Exercise1(null), Notebook04.Exercise2(null), Notebook04.Exercise3(null), Notebook04.Exercise4(null), Notebook04.Exercise5(null, null),
            Notebook05.Exercise1(null), Notebook05.Exercise2(null), Notebook05.Exercise3(null), Notebook05.Exercise4(null), Notebook05.Exercise5(null), Notebook05.Exercise6(null),
            Notebook06.Exercise1(null), Notebook06.Exercise2(null), Notebook06.Exercise3(null), Notebook06.Exercise4(null), Notebook06.Exercise5(null),
            Notebook07.Exercise3(null), Notebook07.Exercise4(null),
            Notebook08.Exercise1(null), Notebook08.Exercise2(null), Notebook08.Exercise3(null), Notebook08.Exercise4(null),
        ];
        foreach (var f in pending)
        {
            Assert.Null(f.Correct);
            Assert.DoesNotContain("Hint", f.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" — ", f.Message);   // the old style appended the hint after a dash
        }
    }
}
