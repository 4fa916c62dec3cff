namespace D2lSharp.Display;

/// <summary>
/// Course plumbing: what <see cref="ProgramDisplay.display"/> showed, as the kernel's <c>DisplayedValue</c> is in a notebook:
/// <see cref="Update"/> replaces it (a figure's file is rewritten in place; text is printed again, as a terminal cannot redraw).
/// </summary>
public sealed class ProgramOutput
{
    internal ProgramOutput(string? figurePath) => FigurePath = figurePath;

    /// <summary>The HTML file the value was written to, or null when it was printed as text.</summary>
    public string? FigurePath { get; }

    /// <summary>Shows <paramref name="value"/> in place of the value shown before.</summary>
    public void Update(object? value)
    {
        if (FigurePath is not null && value is not null && ProgramFigures.IsFigure(value)) ProgramFigures.Rewrite(FigurePath, value);
        else Console.WriteLine(ProgramDisplay.Text(value));
    }
}
