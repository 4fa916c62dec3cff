using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace D2lSharp.Display;

/// <summary>
/// Course plumbing (display): a DataFrame as a text table, the way pandas prints one: a row index, one column per column,
/// numbers right-aligned, text left-aligned, a missing value as <c>null</c> (as Microsoft.Data.Analysis's HTML table shows it).
/// It is the table's text/plain in a notebook and what a lesson program prints.
/// </summary>
public static class TableText
{
    /// <summary>Tables with more rows than this show their first <see cref="MaxRows"/> rows and say how many there are.</summary>
    public const int MaxRows = 20;

    /// <summary>The table as aligned text; no trailing spaces.</summary>
    public static string Of(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        long rows = frame.Rows.Count;
        int shown = (int)Math.Min(rows, MaxRows);
        var columns = new List<(string[] Cells, bool Right)>
        {
            (new[] { "" }.Concat(Enumerable.Range(0, shown).Select(i => i.ToString(CultureInfo.InvariantCulture))).ToArray(), true),
        };
        foreach (var column in frame.Columns)
        {
            bool numeric = column.DataType != typeof(string) && column.DataType != typeof(char) && column.DataType != typeof(bool);
            var cells = new string[shown + 1];
            cells[0] = column.Name;
            for (int i = 0; i < shown; i++) cells[i + 1] = Cell(column[i]);
            columns.Add((cells, numeric));
        }
        var widths = columns.Select(c => c.Cells.Max(s => s.Length)).ToArray();
        var text = new StringBuilder();
        for (int r = 0; r <= shown; r++)
        {
            var line = new StringBuilder();
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0) line.Append("  ");
                string cell = columns[c].Cells[r];
                line.Append(columns[c].Right ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
        if (rows > shown) text.Append($"… {rows} rows in all ({shown} shown), {frame.Columns.Count} columns\n");
        return text.ToString().TrimEnd('\n');
    }

    static string Cell(object? value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
