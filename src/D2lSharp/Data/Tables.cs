using System.Globalization;
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace D2lSharp.Data;

/// <summary>
/// Small tables for the course: reads a CSV file into a <see cref="DataFrame"/> (treating "NA" and empty fields as missing,
/// as pandas does), one-hot encodes a text column, and turns an all-numeric table into a tensor.
/// Errors name the file, the line and the column, and say what was expected.
/// </summary>
/// <remarks>
/// <see cref="DataFrame.LoadCsv(string, char, bool, string[], Type[], int, int, bool, System.Text.Encoding, bool, CultureInfo)"/>
/// reads "NA" as text (turning a numeric column into a string column) and its errors do not say which line of which file
/// is wrong; a table this small is better read by a few lines we can test.
/// </remarks>
public static class Tables
{
    /// <summary>The markers read as a missing value when none are given: "NA" and the empty field.</summary>
    internal static readonly IReadOnlyList<string> DefaultMissing = ["NA", ""];

    /// <summary>Reads a CSV file with a header line. Columns whose values all parse as numbers become double columns.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="numericColumns">Columns that must hold numbers; any other value there is an error naming its line.</param>
    /// <param name="missing">Values read as missing (null); <see cref="DefaultMissing"/> when null.</param>
    public static DataFrame ReadCsv(string path, IEnumerable<string>? numericColumns = null, IEnumerable<string>? missing = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No CSV file at '{path}' (full path {Path.GetFullPath(path)}).", path);
        return ParseCsv(File.ReadAllText(path), Path.GetFileName(path), numericColumns, missing);
    }

    /// <summary>Parses CSV text with a header line; <paramref name="source"/> names the text in error messages.</summary>
    internal static DataFrame ParseCsv(string text, string source = "CSV text", IEnumerable<string>? numericColumns = null,
        IEnumerable<string>? missing = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var missingSet = new HashSet<string>(missing ?? DefaultMissing, StringComparer.Ordinal);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        int headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0) throw new FormatException($"{source}: the file is empty; expected a header line such as 'NumRooms,Alley,Price'.");
        var header = SplitFields(lines[headerIndex], source, headerIndex + 1);
        for (int c = 0; c < header.Count; c++)
        {
            if (header[c].Trim().Length == 0)
                throw new FormatException($"{source}, line {headerIndex + 1}: column {c + 1} of the header has no name.");
            int first = header.IndexOf(header[c]);
            if (first != c)
                throw new FormatException($"{source}, line {headerIndex + 1}: the header names column '{header[c]}' twice (columns {first + 1} and {c + 1}).");
        }
        var mustBeNumeric = new HashSet<string>(numericColumns ?? [], StringComparer.Ordinal);
        foreach (var name in mustBeNumeric)
            if (!header.Contains(name))
                throw new ArgumentException($"Column '{name}' is not in {source}; its header has {string.Join(", ", header)}.", nameof(numericColumns));

        var rows = new List<(int Line, List<string> Fields)>();
        for (int i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue; // blank lines are skipped, as pandas does
            var fields = SplitFields(lines[i], source, i + 1);
            if (fields.Count != header.Count)
                throw new FormatException(
                    $"{source}, line {i + 1}: expected {header.Count} fields ({string.Join(", ", header)}), found {fields.Count}: '{lines[i]}'.");
            rows.Add((i + 1, fields));
        }

        var columns = new List<DataFrameColumn>();
        for (int c = 0; c < header.Count; c++)
        {
            var values = new double?[rows.Count];
            bool numeric = true;
            for (int r = 0; r < rows.Count && numeric; r++)
            {
                string field = rows[r].Fields[c];
                if (missingSet.Contains(field)) continue;
                if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) values[r] = v;
                else if (mustBeNumeric.Contains(header[c]))
                    throw new FormatException(
                        $"{source}, line {rows[r].Line}, column {c + 1} ('{header[c]}'): expected a number or a missing marker " +
                        $"({string.Join(", ", missingSet.Select(m => m.Length == 0 ? "empty" : m))}), found '{field}'.");
                else numeric = false;
            }
            columns.Add(numeric
                ? new DoubleDataFrameColumn(header[c], values)
                : new StringDataFrameColumn(header[c], rows.Select(r => missingSet.Contains(r.Fields[c]) ? null : r.Fields[c])));
        }
        return new DataFrame(columns);
    }

    /// <summary>Splits one CSV line into fields; a field in double quotes may hold commas and doubled quotes ("").</summary>
    static List<string> SplitFields(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"' && field.Length == 0) quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        if (quoted) throw new FormatException($"{source}, line {lineNumber}: a quoted field is not closed (expected a closing '\"').");
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>
    /// Replaces a text column by one 0/1 column per distinct value, named <c>column_value</c> (pandas' <c>get_dummies</c>);
    /// with <paramref name="missingCategory"/>, missing values get their own column <c>column_nan</c>, as with <c>dummy_na=True</c>.
    /// </summary>
    public static DataFrame OneHot(DataFrame frame, string column, bool missingCategory = true)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int index = frame.Columns.IndexOf(column);
        if (index < 0)
            throw new ArgumentException($"The table has no column '{column}'; it has {string.Join(", ", frame.Columns.Select(c => c.Name))}.", nameof(column));
        var source = frame.Columns[index];
        var values = Enumerable.Range(0, (int)source.Length).Select(r => source[r]?.ToString()).ToArray();
        var categories = values.Where(v => v is not null).Distinct().Order(StringComparer.Ordinal).ToList();

        var columns = new List<DataFrameColumn>();
        for (int c = 0; c < frame.Columns.Count; c++)
        {
            if (c != index) { columns.Add(frame.Columns[c].Clone()); continue; }
            foreach (var category in categories)
                columns.Add(new DoubleDataFrameColumn($"{column}_{category}", values.Select(v => v == category ? 1.0 : 0.0)));
            if (missingCategory)
                columns.Add(new DoubleDataFrameColumn($"{column}_nan", values.Select(v => v is null ? 1.0 : 0.0)));
        }
        return new DataFrame(columns);
    }

    /// <summary>Turns a table whose columns are all numeric and complete into a (rows, columns) tensor.</summary>
    public static Tensor ToTensor(DataFrame frame, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Columns.Count == 0) throw new ArgumentException("The table has no columns; expected at least one numeric column.", nameof(frame));
        long rows = frame.Rows.Count;
        int cols = frame.Columns.Count;
        for (int c = 0; c < cols; c++) RequireNumeric(frame.Columns[c], $"Column '{frame.Columns[c].Name}' (column {c + 1})", nameof(frame));
        var data = new double[rows * cols];
        for (int c = 0; c < cols; c++)
        {
            var values = NumericValues(frame.Columns[c], c + 1, nameof(frame));
            for (long r = 0; r < rows; r++) data[r * cols + c] = values[r];
        }
        using var table = torch.tensor(data, [rows, cols], ScalarType.Float64);
        return table.to_type(dtype);
    }

    /// <summary>Turns one numeric, complete column into a 1-d tensor of its values (e.g. the target of a regression).</summary>
    public static Tensor ToTensor(DataFrameColumn column, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(column);
        using var values = torch.tensor(NumericValues(column, null, nameof(column)), ScalarType.Float64);
        return values.to_type(dtype);
    }

    static double[] NumericValues(DataFrameColumn column, int? position, string paramName)
    {
        string where = position is null ? $"Column '{column.Name}'" : $"Column '{column.Name}' (column {position})";
        RequireNumeric(column, where, paramName);
        var values = new double[column.Length];
        for (long r = 0; r < column.Length; r++)
        {
            var value = column[r] ?? throw new ArgumentException(
                $"{where}, row {r}, is missing; expected a number. Fill missing values (e.g. with the column mean) or drop them first.",
                paramName);
            values[r] = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }
        return values;
    }

    static void RequireNumeric(DataFrameColumn column, string where, string paramName)
    {
        var type = column.DataType;
        bool numeric = type == typeof(bool) || (type.IsPrimitive && type != typeof(char)) || type == typeof(decimal);
        if (!numeric)
            throw new ArgumentException(
                $"{where} holds {type.Name} values such as '{FirstValue(column)}'; expected numbers. " +
                "Encode it as numbers first (for text categories: Tables.OneHot).", paramName);
    }

    static string FirstValue(DataFrameColumn column)
    {
        for (long r = 0; r < column.Length; r++)
            if (column[r] is { } v) return v.ToString() ?? "";
        return "";
    }
}
