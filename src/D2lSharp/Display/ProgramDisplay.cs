using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace D2lSharp.Display;

/// <summary>
/// Course plumbing (display in a program): the notebook kernel's <c>display(…)</c> and <c>HTML(…)</c> for the lessons as .NET
/// programs (programs/NN-topic.cs, generated from the notebooks, which call <c>display</c> wherever the kernel shows a value).
/// A value prints as the text the kernel's own formatters give it (its text/plain: a tensor as <see cref="TensorFormatter"/>
/// writes it, a table as text, an exercise's feedback line); a chart or an HTML picture, which the kernel draws in the notebook,
/// becomes an HTML file under artifacts/programs/NN/ (offline: plotly.js is copied beside it) and its path is printed.
/// </summary>
public static class ProgramDisplay
{
    /// <summary>Shows <paramref name="value"/> as the kernel's <c>display</c> does, as text or as an HTML file; the result can update it.</summary>
    public static ProgramOutput display(object? value, params string[] mimeTypes)
    {
        NotebookFormatters.Register();
        bool textWanted = mimeTypes is { Length: > 0 } && mimeTypes.Contains(PlainTextFormatter.MimeType);
        if (!textWanted && value is not null && ProgramFigures.IsFigure(value))
        {
            string path = ProgramFigures.Write(value);
            Console.WriteLine(ProgramFigures.Announce(value, path));
            return new ProgramOutput(path);
        }
        Console.WriteLine(Text(value));
        return new ProgramOutput(null);
    }

    /// <summary>HTML markup to display, as the kernel's <c>HTML(…)</c>: in a program it becomes a page of its own.</summary>
    public static IHtmlContent HTML(string html) => new HtmlString(html ?? throw new ArgumentNullException(nameof(html)));

    /// <summary>What the kernel's formatters write for <paramref name="value"/> as text/plain (null as the kernel shows it).</summary>
    public static string Text(object? value) => Formatter.ToDisplayString(value, PlainTextFormatter.MimeType);
}
