namespace D2lSharp.Exercises;

/// <summary>
/// The verdict on a learner's exercise answer. <see cref="Correct"/> is null while the exercise is unanswered.
/// Checkers never throw on a wrong or missing answer, so a notebook with open exercises still runs headless.
/// </summary>
public sealed record Feedback(bool? Correct, string Message)
{
    public override string ToString() => (Correct switch { null => "⏳ Not answered yet: ", true => "✅ Correct: ", false => "❌ Not yet: " }) + Message;
}
