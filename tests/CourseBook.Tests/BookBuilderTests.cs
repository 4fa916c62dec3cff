using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseBook;

namespace CourseBook.Tests;

/// <summary>The book's converter on small hand-made notebooks (no kernel, no browser, no npm: a stand-in vendor folder).</summary>
public sealed class BookBuilderTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("book-unit-").FullName;
    string Executed => Path.Combine(dir, "executed");
    string Output => Path.Combine(dir, "book");
    string Vendor => Path.Combine(dir, "node_modules");

    public BookBuilderTests()
    {
        Directory.CreateDirectory(Executed);
        foreach (var file in new[] { "plotly.js-dist-min/plotly.min.js", "plotly.js-dist-min/LICENSE", "katex/dist/katex.min.js", "katex/dist/katex.min.css",
                     "katex/LICENSE", "katex/dist/fonts/KaTeX_Main-Regular.woff2", "@highlightjs/cdn-assets/highlight.min.js",
                     "@highlightjs/cdn-assets/styles/github.min.css", "@highlightjs/cdn-assets/LICENSE" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Vendor, file))!);
            File.WriteAllText(Path.Combine(Vendor, file), "/* stand-in */");
        }
        File.WriteAllText(Path.Combine(Vendor, "plotly.js-dist-min/package.json"), """{"name":"plotly.js-dist-min","version":"2.28.0"}""");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = text };

    static JsonObject Code(string source, params JsonObject[] outputs) => new()
    {
        ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["execution_count"] = 1, ["source"] = source,
        ["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o).ToArray()),
    };

    static JsonObject Stream(string text, string name = "stdout") => new() { ["output_type"] = "stream", ["name"] = name, ["text"] = new JsonArray(text) };
    static JsonObject Display(string mime, string value) => new() { ["output_type"] = "display_data", ["metadata"] = new JsonObject(), ["data"] = new JsonObject { [mime] = value } };

    void Write(string file, params JsonObject[] cells) => File.WriteAllText(Path.Combine(Executed, file), new JsonObject
    {
        ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(), ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray()),
    }.ToJsonString());

    Book Build(string? report = null) => BookBuilder.Build(new BookOptions(Executed, Output, Vendor, SourceFolder: null, RunReport: report));
    string Page(string name) => File.ReadAllText(Path.Combine(Output, name));

    [Fact]
    public void Title_cell_gives_number_title_and_the_notes_chapter_name()
    {
        Write("03-linear-algebra.ipynb", Markdown("# 03 — Linear algebra (线性代数)\n\nProse."));
        Write("08-softmax.ipynb", Markdown("# 08 — Softmax regression (softmax 回归)"));
        Write("09-untitled.ipynb", Markdown("Some prose without a heading."));
        var pages = Build().Pages;

        Assert.Equal(("03", "Linear algebra", "线性代数"), (pages[0].Chapter.Number, pages[0].Chapter.Title, pages[0].Chapter.NotesChapter));
        Assert.Equal(("08", "Softmax regression", "softmax 回归"), (pages[1].Chapter.Number, pages[1].Chapter.Title, pages[1].Chapter.NotesChapter));
        Assert.Equal(("09", "09-untitled", ""), (pages[2].Chapter.Number, pages[2].Chapter.Title, pages[2].Chapter.NotesChapter));
        string index = Page("index.html");
        Assert.Contains("<td lang=\"zh\">线性代数</td>", index);
        Assert.Contains("<a href=\"08-softmax.html\">Softmax regression</a>", index);
    }

    [Fact]
    public void Every_output_appears_in_the_order_the_cell_produced_it_and_code_is_escaped()
    {
        var error = new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "boom", ["traceback"] = new JsonArray("\u001b[31mError: boom\u001b[0m") };
        var png = new JsonObject { ["output_type"] = "display_data", ["metadata"] = new JsonObject(), ["data"] = new JsonObject { ["image/png"] = "iVBORw0KGgo=\n", ["text/plain"] = "<image>" } };
        var result = new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = 1, ["metadata"] = new JsonObject(), ["data"] = new JsonObject { ["text/plain"] = "42 < 43" } };
        Write("01-a.ipynb", Markdown("# 01 — A (甲)"),
            Code("var xs = new List<int> { 1 };", Stream("first\n"), Display("text/html", "<div class=\"d2l-tensor\">T</div>"), png, Stream("warn\n", "stderr"), result, error));
        Build();
        string html = Page("01-a.html");

        Assert.Contains("<code class=\"language-csharp\">var xs = new List&lt;int&gt; { 1 };</code>", html);
        string[] inOrder = ["<pre class=\"out stream stdout\">first\n</pre>", "<div class=\"out html\"><div class=\"d2l-tensor\">T</div></div>",
            "src=\"data:image/png;base64,iVBORw0KGgo=\"", "<pre class=\"out stream stderr\">warn\n</pre>", "<pre class=\"out text\">42 &lt; 43</pre>",
            "<pre class=\"out error\">Error: boom</pre>"];
        var positions = inOrder.Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(inOrder), p => Assert.True(p.First >= 0, "missing: " + p.Second));
        Assert.Equal(positions.OrderBy(p => p), positions);
    }

    [Fact]
    public void Formulas_are_marked_for_KaTeX_and_none_stays_raw_even_next_to_Chinese_text()
    {
        Write("04-c.ipynb", Markdown("# 04 — C (微积分)\n\nInline $x^2$ and displayed $$\\frac{a}{b}$$ in a paragraph.\n\n$$\ny = \\sum_i x_i\n$$\n\n" +
                                     "笔记写为$\\nabla_{\\mathbf{x}} f$的形式, and `$notMath$` in code stays."));
        var page = Build().Pages.Single();
        string html = Page("04-c.html");

        Assert.Contains("<span class=\"math\">\\(x^2\\)</span>", html);
        Assert.Contains("<span class=\"math display\">\\[\\frac{a}{b}\\]</span>", html);
        Assert.Matches(@"<div class=""math"">\s*\\\[\s*y = \\sum_i x_i\s*\\\]\s*</div>", html);
        Assert.Contains("<span class=\"math\">\\(\\nabla_{\\mathbf{x}} f\\)</span>", html);
        Assert.Contains("<code>$notMath$</code>", html);
        Assert.Equal(4, page.Formulas);
        // Outside math spans and code, no dollar sign is left in the prose.
        string prose = Regex.Replace(html, @"<span class=""math[^""]*"">.*?</span>|<div class=""math"">.*?</div>|<code>.*?</code>", "", RegexOptions.Singleline);
        Assert.DoesNotContain("$", Regex.Match(prose, "<main>.*</main>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public void Links_between_chapters_previous_next_and_to_other_notebooks_resolve()
    {
        Write("01-a.ipynb", Markdown("# 01 — A (甲)\n\nSee [the next notebook](02-b.ipynb#part) and [d2l](https://example.org/x.ipynb)."));
        Write("02-b.ipynb", Markdown("# 02 — B (乙)"));
        Write("03-c.ipynb", Markdown("# 03 — C (丙)"));
        var pages = Build().Pages;

        Assert.Equal((null, "02-b.html"), (pages[0].Previous, pages[0].Next));
        Assert.Equal(("01-a.html", "03-c.html"), (pages[1].Previous, pages[1].Next));
        Assert.Equal(("02-b.html", null), (pages[2].Previous, pages[2].Next));
        string first = Page("01-a.html");
        Assert.Contains("href=\"02-b.html#part\"", first);
        Assert.Contains("href=\"https://example.org/x.ipynb\"", first);
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"02-b.html\">02 B →</a>", first);
        Assert.DoesNotContain("class=\"prev\" rel", first);
        Assert.True(File.Exists(Path.Combine(Output, "notebooks", "executed", "01-a.ipynb")));
    }

    [Fact]
    public void Run_report_fills_the_time_column_and_a_missing_or_broken_one_shows_a_dash()
    {
        Write("01-a.ipynb", Markdown("# 01 — A (甲)"));
        Write("02-b.ipynb", Markdown("# 02 — B (乙)"));
        string report = Path.Combine(dir, "course-run.json");
        File.WriteAllText(report, """{"notebooks":[{"file":"01-a.ipynb","seconds":5.14,"succeeded":true},{"file":"x/02-b.ipynb","seconds":"12"},{"file":"zz.ipynb"}]}""");
        var book = Build(report);
        Assert.Equal([5.14, 12.0], book.Pages.Select(p => p.Seconds));
        Assert.Contains("<td class=\"num\">5.1 s</td>", Page("index.html"));
        Assert.Contains("17.1 s in all", Page("index.html"));

        File.WriteAllText(report, """{"notebooks":[{"file":"01-a.ipynb","seconds":5.1}""");
        book = Build(report);
        Assert.All(book.Pages, p => Assert.Null(p.Seconds));
        Assert.Contains("not valid JSON", Assert.Single(book.Warnings));
        Assert.Contains("<td class=\"num\">—</td>", Page("index.html"));

        book = Build(Path.Combine(dir, "missing.json"));
        Assert.Empty(book.Warnings);
        Assert.All(book.Pages, p => Assert.Null(p.Seconds));
    }

    [Fact]
    public void Charts_use_the_local_plotly_and_one_asking_for_another_version_is_refused()
    {
        string chart = "<div id=\"c1\"></div><script>var r = requirejs.config({paths:{plotly:'https://cdn.example/plotly-2.28.0.min'}}) || require;" +
                       " r(['plotly'], function(Plotly) { Plotly.newPlot('c1', [], {}); });</script>";
        Write("01-a.ipynb", Markdown("# 01 — A (甲)"), Code("chart", Display("text/html", chart)));
        Write("02-b.ipynb", Markdown("# 02 — B (乙)"), Code("1"));
        var pages = Build().Pages;
        Assert.Equal([1, 0], pages.Select(p => p.Charts));
        Assert.Contains("<script src=\"assets/plotly/plotly.min.js\"></script>", Page("01-a.html"));
        Assert.DoesNotContain("plotly.min.js", Page("02-b.html"));
        Assert.True(File.Exists(Path.Combine(Output, "assets", "plotly", "plotly.min.js")));
        Assert.True(File.Exists(Path.Combine(Output, "assets", "katex", "fonts", "KaTeX_Main-Regular.woff2")));

        Write("01-a.ipynb", Markdown("# 01 — A (甲)"), Code("chart", Display("text/html", chart.Replace("2.28.0", "2.35.2"))));
        var e = Assert.Throws<InvalidDataException>(() => Build());
        Assert.Contains("01-a.ipynb, code cell 1: a chart asks for plotly.js 2.35.2, but the book ships plotly.js 2.28.0", e.Message);
    }

    [Fact]
    public void Bad_input_gets_an_error_naming_what_was_wrong_and_what_was_expected()
    {
        File.WriteAllText(Path.Combine(Executed, "01-a.ipynb"), """{"nbformat": 3, "worksheets": []}""");
        Assert.Contains("01-a.ipynb: nbformat is 3; the book reads nbformat 4 notebooks", Assert.Throws<InvalidDataException>(() => Build()).Message);
        File.WriteAllText(Path.Combine(Executed, "01-a.ipynb"), "{ not json");
        Assert.Contains("01-a.ipynb is not valid JSON", Assert.Throws<InvalidDataException>(() => Build()).Message);
        File.Delete(Path.Combine(Executed, "01-a.ipynb"));
        Assert.Contains("No executed notebooks (*.ipynb) in", Assert.Throws<FileNotFoundException>(() => Build()).Message);

        Write("01-a.ipynb", Markdown("# 01 — A (甲)"));
        File.Delete(Path.Combine(Vendor, "katex", "dist", "katex.min.js"));
        var e = Assert.Throws<FileNotFoundException>(() => Build());
        Assert.Contains("katex/dist/katex.min.js", e.Message);
        Assert.Contains("bash .ci/setup-book", e.Message);
    }
}
