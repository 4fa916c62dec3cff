using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseBook;

/// <summary>Where the book reads from and writes to.</summary>
/// <param name="ExecutedFolder">The executed notebooks (*.ipynb), e.g. artifacts/executed.</param>
/// <param name="OutputFolder">Where the book goes, e.g. artifacts/book.</param>
/// <param name="VendorFolder">The node_modules folder .ci/setup-book fills (plotly.js, KaTeX, highlight.js).</param>
/// <param name="SourceFolder">The committed notebooks (without outputs), linked from each page; null for none.</param>
/// <param name="RunReport">The runner's course-run.json (per-notebook seconds); null or missing shows "—".</param>
public sealed record BookOptions(string ExecutedFolder, string OutputFolder, string VendorFolder, string? SourceFolder = null, string? RunReport = null)
{
    /// <summary>The repository's usual layout: artifacts/executed → artifacts/book.</summary>
    public static BookOptions ForRepository(string root, string? executed = null, string? output = null) => new(
        executed ?? Path.Combine(root, "artifacts", "executed"),
        output ?? Path.Combine(root, "artifacts", "book"),
        Path.Combine(root, "artifacts", "vendor", "node_modules"),
        Path.Combine(root, "notebooks"),
        Path.Combine(executed ?? Path.Combine(root, "artifacts", "executed"), "course-run.json"));
}

/// <summary>One page of the book, for the caller's report and for the browser tests.</summary>
public sealed record BookPage(Chapter Chapter, string Path, int Charts, int Formulas, double? Seconds, string? Previous, string? Next);

public sealed record Book(string Folder, string Index, IReadOnlyList<BookPage> Pages, IReadOnlyList<string> Warnings, TimeSpan Elapsed)
{
    public long Bytes => Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}

public static class BookBuilder
{
    public const string SiteTitle = "Dive into Deep Learning in C#";

    /// <summary>The files copied from the npm packages into the book's assets folder: (package-relative source, book-relative target).</summary>
    static readonly (string From, string To)[] VendorFiles =
    [
        ("plotly.js-dist-min/plotly.min.js", "assets/plotly/plotly.min.js"),
        ("plotly.js-dist-min/LICENSE", "assets/plotly/LICENSE"),
        ("katex/dist/katex.min.js", "assets/katex/katex.min.js"),
        ("katex/dist/katex.min.css", "assets/katex/katex.min.css"),
        ("katex/LICENSE", "assets/katex/LICENSE"),
        ("@highlightjs/cdn-assets/highlight.min.js", "assets/highlight/highlight.min.js"),
        ("@highlightjs/cdn-assets/styles/github.min.css", "assets/highlight/github.min.css"),
        ("@highlightjs/cdn-assets/LICENSE", "assets/highlight/LICENSE"),
    ];

    public static Book Build(BookOptions options)
    {
        var clock = Stopwatch.StartNew();
        var warnings = new List<string>();
        string vendor = Path.GetFullPath(options.VendorFolder);
        var missing = VendorFiles.Select(f => f.From).Append("katex/dist/fonts").Where(f => !Path.Exists(Path.Combine(vendor, f))).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException($"The book's browser libraries are missing from {vendor} ({string.Join(", ", missing)}); " +
                                            "run `bash .ci/setup-book`, which fetches plotly.js, KaTeX and highlight.js from npm.");
        string plotlyVersion = PackageVersion(Path.Combine(vendor, "plotly.js-dist-min", "package.json"));

        if (!Directory.Exists(options.ExecutedFolder))
            throw new DirectoryNotFoundException($"No executed notebooks: {options.ExecutedFolder} does not exist; run `bash .ci/course` first (it executes every notebook).");
        var files = Directory.GetFiles(options.ExecutedFolder, "*.ipynb").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new FileNotFoundException($"No executed notebooks (*.ipynb) in {options.ExecutedFolder}; run `bash .ci/course` first (it executes every notebook).");
        var chapters = files.Select(Chapter.Load).ToList();
        var seconds = RunSeconds(options.RunReport, warnings);

        string output = Path.GetFullPath(options.OutputFolder);
        Clean(output);
        foreach (var (from, to) in VendorFiles) Copy(Path.Combine(vendor, from), Path.Combine(output, to));
        foreach (var font in Directory.GetFiles(Path.Combine(vendor, "katex", "dist", "fonts")))
            Copy(font, Path.Combine(output, "assets", "katex", "fonts", Path.GetFileName(font)));
        foreach (var name in new[] { "book.css", "book.js", "require-shim.js" })
            File.WriteAllText(Path.Combine(output, "assets", name), Resource(name));

        var pageNames = chapters.ToDictionary(c => c.FileName, c => c.PageName, StringComparer.Ordinal);
        var renderer = new PageRenderer(pageNames, plotlyVersion);
        var pages = new List<BookPage>();
        for (int i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            var previous = i > 0 ? chapters[i - 1] : null;
            var next = i + 1 < chapters.Count ? chapters[i + 1] : null;
            var rendered = renderer.Render(chapter);
            var links = NotebookLinks(chapter, options, output);
            string path = Path.Combine(output, chapter.PageName);
            File.WriteAllText(path, ChapterPage(chapter, rendered, previous, next, links, seconds.TryGetValue(chapter.FileName, out var t) ? t : null));
            pages.Add(new BookPage(chapter, path, rendered.Charts, rendered.Formulas,
                seconds.TryGetValue(chapter.FileName, out var s) ? s : null, previous?.PageName, next?.PageName));
        }
        string index = Path.Combine(output, "index.html");
        File.WriteAllText(index, IndexPage(pages));
        return new Book(output, index, pages, warnings, clock.Elapsed);
    }

    /// <summary>Per-notebook seconds from the runner's report; a missing or unreadable report leaves the column "—".</summary>
    public static Dictionary<string, double> RunSeconds(string? report, List<string> warnings)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (report is null || !File.Exists(report)) return result;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(report))?["notebooks"] is not JsonArray list)
            {
                warnings.Add($"{report} has no \"notebooks\" array; the time column shows —.");
                return result;
            }
            foreach (var entry in list.OfType<JsonObject>())
            {
                string? file = entry["file"] is JsonValue f && f.TryGetValue(out string? name) ? Path.GetFileName(name) : null;
                if (file is null || entry["seconds"] is not JsonValue sv) continue;
                if (sv.TryGetValue(out double d) || (sv.TryGetValue(out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d)))
                    if (double.IsFinite(d) && d >= 0) result[file] = d;
            }
        }
        catch (JsonException e) { warnings.Add($"{report} is not valid JSON ({e.Message}); the time column shows —."); }
        return result;
    }

    static string PackageVersion(string packageJson) =>
        JsonNode.Parse(File.ReadAllText(packageJson))?["version"]?.GetValue<string>()
        ?? throw new InvalidDataException($"{packageJson} names no version.");

    /// <summary>Removes what an earlier build wrote (pages, assets, notebook copies) and nothing else.</summary>
    static void Clean(string output)
    {
        Directory.CreateDirectory(output);
        foreach (var file in Directory.GetFiles(output, "*.html")) File.Delete(file);
        foreach (var dir in new[] { "assets", "notebooks" })
            if (Directory.Exists(Path.Combine(output, dir))) Directory.Delete(Path.Combine(output, dir), recursive: true);
        Directory.CreateDirectory(Path.Combine(output, "assets"));
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"CourseBook was built without its resource {name}.");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Copies the source notebook (as committed) and the executed copy next to the pages; returns the links' HTML.</summary>
    static string NotebookLinks(Chapter chapter, BookOptions options, string output)
    {
        var links = new List<string>();
        string? source = options.SourceFolder is null ? null : Path.Combine(options.SourceFolder, chapter.FileName);
        if (source is not null && File.Exists(source))
        {
            Copy(source, Path.Combine(output, "notebooks", chapter.FileName));
            links.Add($"<a class=\"source-link\" href=\"notebooks/{Url(chapter.FileName)}\" download>Source notebook</a> (run it in VS Code with Polyglot Notebooks)");
        }
        Copy(Path.Combine(options.ExecutedFolder, chapter.FileName), Path.Combine(output, "notebooks", "executed", chapter.FileName));
        links.Add($"<a class=\"executed-link\" href=\"notebooks/executed/{Url(chapter.FileName)}\" download>executed copy</a> (with the outputs shown here)");
        return string.Join(" · ", links);
    }

    static string Url(string fileName) => Uri.EscapeDataString(fileName);
    static string H(string text) => WebUtility.HtmlEncode(text);
    public static string Time(double? seconds) => seconds is { } s ? s.ToString("F1", CultureInfo.InvariantCulture) + " s" : "—";

    static string Head(string title, bool charts) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{H(title)}</title>
        <link rel="stylesheet" href="assets/katex/katex.min.css">
        <link rel="stylesheet" href="assets/highlight/github.min.css">
        <link rel="stylesheet" href="assets/book.css">
        {(charts ? "<script src=\"assets/plotly/plotly.min.js\"></script>\n<script src=\"assets/require-shim.js\"></script>" : "")}
        </head>
        """;

    const string Scripts = """
        <script src="assets/katex/katex.min.js"></script>
        <script src="assets/highlight/highlight.min.js"></script>
        <script src="assets/book.js"></script>
        """;

    static string Nav(Chapter? previous, Chapter? next, string cssClass) =>
        $"<nav class=\"{cssClass}\">" +
        (previous is null ? "<span class=\"prev\"></span>" : $"<a class=\"prev\" rel=\"prev\" href=\"{Url(previous.PageName)}\">← {H(previous.Number)} {H(previous.Title)}</a>") +
        "<a class=\"contents\" href=\"index.html\">Contents</a>" +
        (next is null ? "<span class=\"next\"></span>" : $"<a class=\"next\" rel=\"next\" href=\"{Url(next.PageName)}\">{H(next.Number)} {H(next.Title)} →</a>") +
        "</nav>";

    static string ChapterPage(Chapter chapter, PageRenderer.Rendered rendered, Chapter? previous, Chapter? next, string links, double? seconds)
    {
        var html = new StringBuilder();
        html.Append(Head($"{chapter.Heading} · {SiteTitle}", rendered.Charts > 0));
        html.Append("\n<body class=\"chapter\">\n<header class=\"site\"><a href=\"index.html\">").Append(H(SiteTitle)).Append("</a></header>\n");
        html.Append(Nav(previous, next, "pager top")).Append('\n');
        html.Append("<main>\n<p class=\"meta\">").Append(links)
            .Append(seconds is null ? "" : $" · executed headless in {Time(seconds)}").Append("</p>\n");
        html.Append(rendered.Html);
        html.Append("</main>\n").Append(Nav(previous, next, "pager bottom")).Append('\n').Append(Scripts).Append("\n</body>\n</html>\n");
        return html.ToString();
    }

    static string IndexPage(IReadOnlyList<BookPage> pages)
    {
        var html = new StringBuilder();
        html.Append(Head(SiteTitle, charts: false));
        html.Append("\n<body class=\"index\">\n<header class=\"site\"><a href=\"index.html\">").Append(H(SiteTitle)).Append("</a></header>\n<main>\n");
        html.Append("<h1>").Append(H(SiteTitle)).Append("</h1>\n");
        html.Append("<p>Chapters 2–4 of <em>Dive into Deep Learning</em> in C# with TorchSharp, following a learner's Chinese study notes. ")
            .Append("Each page is a notebook of the course, executed headless: its prose, its code and every output the code produced — ")
            .Append("tensors, tables, charts. The pages work offline; to run the code yourself, download a chapter's source notebook ")
            .Append("and open it in VS Code with the Polyglot Notebooks extension.</p>\n");
        html.Append("<div class=\"table-scroll\"><table class=\"chapters\">\n<thead><tr><th>#</th><th>Chapter</th><th>Notes chapter (笔记)</th><th class=\"num\">Headless time</th></tr></thead>\n<tbody>\n");
        foreach (var page in pages)
        {
            var c = page.Chapter;
            html.Append("<tr><td>").Append(H(c.Number)).Append("</td><td><a href=\"").Append(Url(c.PageName)).Append("\">").Append(H(c.Title)).Append("</a></td><td lang=\"zh\">")
                .Append(c.NotesChapter.Length > 0 ? H(c.NotesChapter) : "—").Append("</td><td class=\"num\">").Append(Time(page.Seconds)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
        if (pages.All(p => p.Seconds is not null))
            html.Append("<p class=\"meta\">Headless time: seconds each notebook took in the course's runner, kernel start included, ")
                .Append(Time(pages.Sum(p => p.Seconds!.Value))).Append(" in all.</p>\n");
        else
            html.Append("<p class=\"meta\">Headless time: seconds each notebook took in the course's runner (— where the run report did not say).</p>\n");
        html.Append("</main>\n").Append(Scripts).Append("\n</body>\n</html>\n");
        return html.ToString();
    }
}
