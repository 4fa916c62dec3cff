using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseFiles;

namespace Course.Tests;

/// <summary>A number written in a notebook's prose: its value, how precisely it is written, and where it stands.</summary>
public sealed record ProseNumber(int Cell, string Text, double Value, double HalfUlp, string Context)
{
    /// <summary>Whether an output value, read at the prose's precision, is this number (a sign the prose leaves out is allowed).</summary>
    public bool IsShownBy(double output) =>
        Math.Abs(Math.Abs(output) - Math.Abs(Value)) <= HalfUlp * (1 + 1e-9) + 1e-12 * Math.Abs(Value);
}

/// <summary>
/// The rule "every number the prose states is one the run shows". A decimal number (a fraction or a power of ten) with
/// three or more significant digits in a markdown cell must be shown, at the precision the prose writes it, by an output of
/// the same notebook: printed text, a value recorded with Course.Record, a tensor, or chart data. A whole number with three
/// or more significant digits must be shown by an output or appear in the notebook's code (a setting such as 784 or 256).
/// Exempt, because the reader can see where they come from:
/// <list type="bullet">
/// <item>a quotation: a `&gt;` blockquote line (the notes' words), or text in quotation marks “…” or "…" (d2l's words);</item>
/// <item>a number derived in the prose: the right side of an equation whose left side is arithmetic (784 × 256 = 200704,
/// σ(0)(1 − σ(0)) = 0.25, ln 2 = 0.6931);</item>
/// <item>code (`…` spans, fenced blocks), links, and names that contain numbers: d2l's sections (d2l 12.6, 4.8.2.3) and
/// versions (Ubuntu 22.04, TorchSharp 0.107).</item>
/// </list>
/// </summary>
public static partial class ProseNumbers
{
    const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    // mantissa × 10^exponent in the forms the lessons write: 1.3 · 10⁻⁷, 1.3 × 10<sup>−7</sup>, 1.3e-7, 1.3E-07
    [GeneratedRegex(@"(?<![\w.,])(?<m>\d+(?:\.\d+)?)(?:\s*[·×x*]\s*10(?:(?<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>(?<html>[−-]?\d+)</sup>|\^\{?(?<caret>[−-]?\d+)\}?)|[eE](?<e>[−+-]?\d+))(?![\w⁰¹²³⁴⁵⁶⁷⁸⁹]|\.\d)")]
    private static partial Regex Scientific();

    // plain numbers: 0.8473, 28,158, 16 777 216 (thin or plain spaces between groups of three), 203530
    [GeneratedRegex(@"(?<![\w.,/])(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![\d])|\d+\.\d+|\d+)(?![\w]|\.\d|,\d{3})")]
    private static partial Regex Plain();

    [GeneratedRegex(@"\d+(?:\.\d+){2,}")]
    private static partial Regex Dotted();

    // a section of d2l ("d2l 12.6", "section 4.8") or a product's version ("Ubuntu 22.04", "TorchSharp 0.107"): names, not measurements
    [GeneratedRegex(@"\b(?:d2l(?:-zh|-en)?|[Ss]ections?|§|Ubuntu|Debian|TorchSharp|libtorch|PyTorch|Python|plotly\.js|\.NET|SDK|GCC|GLIBCXX_|CUDA|version)\s*\d+(?:\.\d+)*(?:\s*[–-]\s*\d+(?:\.\d+)*)?")]
    private static partial Regex NamedVersion();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex Fenced();

    [GeneratedRegex(@"\]\([^)]*\)|https?://\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"“[^”]*”|""[^""\n]*""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    /// <summary>The numbers of one markdown cell that the rule applies to (exempt ones left out).</summary>
    public static List<ProseNumber> InMarkdown(int cell, string markdown)
    {
        var found = new List<(int Position, ProseNumber Number)>();
        string text = Fenced().Replace(markdown, m => Blank(m.Value));
        text = string.Join('\n', text.Split('\n').Select(l => l.TrimStart().StartsWith('>') ? Blank(l) : l));
        foreach (var r in new[] { CodeSpan(), Link(), Quoted(), Dotted(), NamedVersion() }) text = r.Replace(text, m => Blank(m.Value));

        var taken = new bool[text.Length];
        foreach (Match m in Scientific().Matches(text))
        {
            string exponentText = m.Groups["sup"].Success ? FromSuperscript(m.Groups["sup"].Value)
                : m.Groups["html"].Success ? m.Groups["html"].Value : m.Groups["caret"].Success ? m.Groups["caret"].Value : m.Groups["e"].Value;
            int exponent = int.Parse(exponentText.Replace('−', '-').TrimStart('+'), CultureInfo.InvariantCulture);
            string mantissa = m.Groups["m"].Value;
            for (int i = m.Index; i < m.Index + m.Length; i++) taken[i] = true;
            Add(found, cell, text, m, mantissa, exponent);
        }
        foreach (Match m in Plain().Matches(text))
        {
            if (taken[m.Index]) continue;
            Add(found, cell, text, m, m.Groups["n"].Value, 0);
        }
        return found.OrderBy(n => n.Position).Select(n => n.Number).ToList();
    }

    static void Add(List<(int Position, ProseNumber Number)> found, int cell, string text, Match m, string mantissa, int exponent)
    {
        string digits = mantissa.Replace(",", "").Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        int decimals = digits.Contains('.') ? digits.Length - digits.IndexOf('.') - 1 : 0;
        if (SignificantDigits(digits) < 3) return;
        if (IsDerived(text, m.Index)) return;
        double value = double.Parse(digits, CultureInfo.InvariantCulture) * Math.Pow(10, exponent);
        // A whole number's precision is its last non-zero digit ("about 229 000" is a rounding to thousands).
        int trailingZeros = decimals == 0 ? digits.Length - digits.TrimEnd('0').Length : 0;
        double halfUlp = 0.5 * Math.Pow(10, exponent - decimals + trailingZeros);
        int from = Math.Max(0, m.Index - 50), to = Math.Min(text.Length, m.Index + m.Length + 30);
        string context = Regex.Replace(text[from..to], @"\s+", " ").Trim();
        found.Add((m.Index, new ProseNumber(cell, m.Value, value, halfUlp, context)));
    }

    /// <summary>Significant digits as written: leading zeros do not count, and a whole number's trailing zeros do not either (60,000 has one).</summary>
    public static int SignificantDigits(string number)
    {
        string d = number.Replace(",", "").Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        if (d.Contains('.'))
            return d.Replace(".", "").TrimStart('0').Length;
        return d.TrimStart('0').TrimEnd('0').Length;
    }

    // The expression right before "= number" (or "≈ number") is arithmetic on numbers: 784 × 256, σ(0)(1 − σ(0)), ln 2.
    // It is read back from the equals sign to the start of the clause, an unmatched "(", another "=", or a word that is not
    // a function name, so "at x = 0.8 (u = 1.64" does not count as a derivation of 1.64.
    static bool IsDerived(string text, int at)
    {
        int i = at - 1;
        while (i >= 0 && text[i] == ' ') i--;
        if (i < 0 || (text[i] != '=' && text[i] != '≈')) return false;
        int start = i - 1, depth = 0;
        for (; start >= 0; start--)
        {
            char c = text[start];
            if (";:\n,=≈".IndexOf(c) >= 0 || (c == '.' && (start + 1 >= text.Length || char.IsWhiteSpace(text[start + 1])))) break;
            if (c == ')') depth++;
            if (c == '(' && depth-- == 0) break;
            if (char.IsLetter(c))
            {
                int end = start;
                while (start > 0 && char.IsLetter(text[start - 1])) start--;
                string word = text[start..(end + 1)];
                if (word.Length >= 3 && !Functions.Contains(word)) { start = end; break; }
            }
        }
        string left = text[(start + 1)..i];
        bool digit = left.Any(char.IsDigit) || left.Any(c => Superscripts.Contains(c));
        bool arithmetic = Regex.IsMatch(left, @"[×·*/÷+−^√²³⁻⁰¹⁴⁵⁶⁷⁸⁹]|\d\s*-\s*\d|\b(ln|log|exp|sqrt|tanh|sin|cos)\b|[σφ]\(|\(\s*[−-]?\d");
        return digit && arithmetic;
    }

    static readonly HashSet<string> Functions = ["log", "exp", "sqrt", "tanh", "sin", "cos", "max", "min", "sum"];

    static string FromSuperscript(string s) =>
        new(s.Select(c => c == '⁻' ? '-' : (char)('0' + Superscripts.IndexOf(c))).ToArray());

    static string Blank(string s) => new(s.Select(c => c == '\n' ? '\n' : ' ').ToArray());

    /// <summary>Every number an executed notebook shows: in printed text and text/plain, in recorded values, and in HTML outputs (tensor tables, chart data).</summary>
    public static List<double> InOutputs(JsonObject executed)
    {
        var values = new List<double>();
        foreach (var (_, _, value) in Notebook.Records(executed)) values.Add(value);
        foreach (var cell in Notebook.Cells(executed).Where(c => c.CellType == "code"))
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                var texts = new List<string>();
                if (output["text"] is { } stream) texts.Add(Notebook.Text(stream));
                if (output["data"] is JsonObject data)
                {
                    if (data["text/plain"] is { } plain) texts.Add(Notebook.Text(plain));
                    if (data["text/html"] is { } html) texts.Add(WebUtility.HtmlDecode(StyleBlock().Replace(Notebook.Text(html), " ")));
                }
                if (output["evalue"] is { } evalue) texts.Add(Notebook.Text(evalue));
                foreach (var t in texts) values.AddRange(NumbersIn(t));
            }
        return values;
    }

    [GeneratedRegex(@"(?<![\w.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|(?<![\w.])[-−]?\.\d+(?:[eE][-+]?\d+)?")]
    private static partial Regex OutputNumber();

    /// <summary>The numbers in a piece of output text, as printed (thousands separators and a Unicode minus read as such).</summary>
    public static IEnumerable<double> NumbersIn(string text)
    {
        foreach (Match m in OutputNumber().Matches(text))
        {
            string s = m.Value.Replace("−", "-").Replace(",", "");
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) yield return v;
        }
    }

    /// <summary>The numbers of a notebook's code cells' sources (settings such as 784 or 256, which a lesson's prose may name).</summary>
    public static HashSet<double> InCode(JsonObject notebook) =>
        Notebook.Cells(notebook).Where(c => c.CellType == "code").SelectMany(c => NumbersIn(c.Source)).ToHashSet();

    /// <summary>The prose numbers of a notebook that no output shows (and, for whole numbers, no code contains either).</summary>
    public static List<(ProseNumber Number, double? Nearest)> Unshown(JsonObject executed)
    {
        var shown = InOutputs(executed);
        var sorted = shown.Select(Math.Abs).Distinct().Order().ToArray();
        var code = InCode(executed);
        var missing = new List<(ProseNumber, double?)>();
        foreach (var cell in Notebook.Cells(executed).Where(c => c.CellType == "markdown"))
            foreach (var n in InMarkdown(cell.Number, cell.Source))
            {
                if (Matches(sorted, n)) continue;
                if (!n.Text.Contains('.') && code.Contains(n.Value)) continue; // a whole number that is a setting in the code
                missing.Add((n, Nearest(sorted, Math.Abs(n.Value))));
            }
        return missing;
    }

    static bool Matches(double[] sortedAbs, ProseNumber n)
    {
        double lo = Math.Abs(n.Value) - n.HalfUlp * 1.000001 - 1e-12 * Math.Abs(n.Value);
        int i = Array.BinarySearch(sortedAbs, lo);
        if (i < 0) i = ~i;
        for (; i < sortedAbs.Length && sortedAbs[i] <= Math.Abs(n.Value) + n.HalfUlp * 1.000001 + 1e-12 * Math.Abs(n.Value); i++)
            if (n.IsShownBy(sortedAbs[i])) return true;
        return false;
    }

    static double? Nearest(double[] sortedAbs, double v)
    {
        if (sortedAbs.Length == 0) return null;
        int i = Array.BinarySearch(sortedAbs, v);
        if (i >= 0) return sortedAbs[i];
        i = ~i;
        if (i == 0) return sortedAbs[0];
        if (i == sortedAbs.Length) return sortedAbs[^1];
        return v - sortedAbs[i - 1] < sortedAbs[i] - v ? sortedAbs[i - 1] : sortedAbs[i];
    }
}
