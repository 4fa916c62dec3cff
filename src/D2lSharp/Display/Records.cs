using System.Globalization;
using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace D2lSharp.Display;

/// <summary>One named result a notebook computed, as <see cref="Course.Record(string, double, string)"/> leaves it behind.</summary>
public sealed record Recorded(string Name, double Value);

/// <summary>
/// Shows results as one line of text and leaves each value behind machine-readable: in a notebook kernel as a hidden
/// <see cref="MimeType"/> value next to the text (the headless runner writes it into the output's metadata, where tests and
/// the prose-number check read it at full precision); in a plain program as the text line alone.
/// </summary>
public static class Records
{
    /// <summary>The mime type of a record's JSON (a list of <see cref="Recorded"/>); never shown by a front end.</summary>
    public const string MimeType = "application/vnd.d2lsharp.records+json";

    internal static string Line(string label, IReadOnlyList<(string Name, double Value)> values, string format)
    {
        string Value(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return values.Count == 1 && label.Length == 0
            ? $"{values[0].Name} = {Value(values[0].Value)}"
            : label + ": " + string.Join(", ", values.Select(v => $"{v.Name} {Value(v.Value)}"));
    }

    internal static void Show(string label, IReadOnlyList<(string Name, double Value)> values, string format)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (values.Count == 0) throw new ArgumentException("Give at least one (name, value) pair to record.", nameof(values));
        foreach (var (name, _) in values)
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Every recorded value needs a name.", nameof(values));
        if (format is null || !System.Text.RegularExpressions.Regex.IsMatch(format, @"^([EFGNPefgnp]\d{0,2}|[0#.,%]+)$"))
            throw new ArgumentException($"'{format}' is not a number format the course uses (e.g. \"F4\", \"G3\", \"0.###\").", nameof(format));

        string line = Line(label, values, format);
        var records = values.Select(v => new Recorded(label.Length == 0 ? v.Name : $"{label}: {v.Name}", v.Value)).ToList();
        var context = KernelInvocationContext.Current;
        if (context is null)
        {
            Console.WriteLine(line);
            return;
        }
        string json = JsonSerializer.Serialize(records.Select(r => new { name = r.Name, value = double.IsFinite(r.Value) ? (object)r.Value : r.Value.ToString(CultureInfo.InvariantCulture) }));
        var formatted = new[]
        {
            new FormattedValue(PlainTextFormatter.MimeType, line),
            new FormattedValue(MimeType, json) { SuppressDisplay = true },
        };
        context.Publish(new DisplayedValueProduced(line, context.Command, formatted, Guid.NewGuid().ToString("N")));
    }
}
