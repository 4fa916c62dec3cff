using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CourseBook;

/// <summary>One executed notebook as the book sees it: its file, its title cell's parts, and its cells.</summary>
public sealed record Chapter(string FileName, string Number, string Title, string NotesChapter, string Heading, JsonObject Notebook)
{
    /// <summary>The page's file name: the notebook's stem with .html ("01-tensors.html").</summary>
    public string PageName => Path.GetFileNameWithoutExtension(FileName) + ".html";

    /// <summary>The cells of the notebook, in file order.</summary>
    public IEnumerable<JsonObject> Cells => (Notebook["cells"] as JsonArray ?? []).OfType<JsonObject>();

    // "# 01 — Tensors (张量)": number, English title, the notes' chapter name in the last parentheses.
    static readonly Regex TitleLine = new(@"^\s*#\s+(?:(?<num>\d+)\s*[—–-]\s*)?(?<title>.+?)\s*(?:\((?<notes>[^()]+)\))?\s*$", RegexOptions.Multiline);

    /// <summary>Reads an executed notebook; a file that is not nbformat 4 JSON gets an error naming the file and the problem.</summary>
    public static Chapter Load(string path)
    {
        string fileName = Path.GetFileName(path);
        var nb = CourseFiles.Notebook.Load(path);
        int format = nb["nbformat"] is JsonValue v && v.TryGetValue(out int f) ? f : 0;
        if (format != 4) throw new InvalidDataException($"{fileName}: nbformat is {(format == 0 ? "missing" : format)}; the book reads nbformat 4 notebooks.");
        if (nb["cells"] is not JsonArray) throw new InvalidDataException($"{fileName}: no \"cells\" array; expected an nbformat 4 notebook.");

        string fallbackNumber = Regex.Match(fileName, @"^\d+").Value;
        string heading = "", number = fallbackNumber, title = Path.GetFileNameWithoutExtension(fileName), notes = "";
        var firstMarkdown = nb["cells"]!.AsArray().OfType<JsonObject>().FirstOrDefault(c => (string?)c["cell_type"] == "markdown");
        if (firstMarkdown is not null)
        {
            var m = TitleLine.Match(CourseFiles.Notebook.SourceOf(firstMarkdown));
            if (m.Success)
            {
                heading = m.Value.Trim().TrimStart('#').Trim();
                if (m.Groups["num"].Success) number = m.Groups["num"].Value;
                title = m.Groups["title"].Value;
                notes = m.Groups["notes"].Success ? m.Groups["notes"].Value.Trim() : "";
            }
        }
        if (heading.Length == 0) heading = title;
        return new Chapter(fileName, number, title, notes, heading, nb);
    }

}
