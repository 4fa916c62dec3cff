using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBook;

/// <summary>Turns one chapter's cells into HTML: prose through Markdig (math left for KaTeX in the browser),
/// code for highlight.js, and every output in the order the cell produced it.</summary>
public sealed class PageRenderer(IReadOnlyDictionary<string, string> notebookPages, string plotlyVersion)
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics().UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseTaskLists().UseListExtras()
        .Build();

    static readonly Regex PlotlyPath = new(@"plotly-(?<v>\d+\.\d+\.\d+)(?:\.min)?['""]");
    static readonly Regex Ansi = new(@"\x1B\[[0-9;]*[A-Za-z]");

    /// <summary>What the page holds, so the builder loads plotly only where a chart needs it.</summary>
    public sealed record Rendered(string Html, int Charts, int Formulas);

    public Rendered Render(Chapter chapter)
    {
        var html = new StringBuilder();
        int charts = 0, formulas = 0, codeCell = 0;
        foreach (var cell in chapter.Cells)
        {
            string type = (string?)cell["cell_type"] ?? "";
            string source = Notebook.SourceOf(cell);
            switch (type)
            {
                case "markdown":
                    var (prose, math) = Markdown(source);
                    formulas += math;
                    html.Append("<section class=\"cell prose\">").Append(prose).Append("</section>\n");
                    break;
                case "code":
                    codeCell++;
                    html.Append("<section class=\"cell code\" id=\"cell-").Append(codeCell).Append("\">");
                    html.Append("<pre class=\"source\"><code class=\"language-").Append(Language(cell)).Append("\">")
                        .Append(WebUtility.HtmlEncode(source.TrimEnd('\n'))).Append("</code></pre>");
                    var outputs = (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                    if (outputs.Count > 0)
                    {
                        html.Append("<div class=\"outputs\">");
                        foreach (var output in outputs) charts += Output(chapter, codeCell, output, html);
                        html.Append("</div>");
                    }
                    html.Append("</section>\n");
                    break;
                case "raw":
                    html.Append("<section class=\"cell raw\"><pre>").Append(WebUtility.HtmlEncode(source)).Append("</pre></section>\n");
                    break;
            }
        }
        return new Rendered(html.ToString(), charts, formulas);
    }

    /// <summary>Prose to HTML; links to other notebooks of the course point at their pages.</summary>
    public (string Html, int Formulas) Markdown(string source)
    {
        var doc = Markdig.Markdown.Parse(SpaceHanAroundMath(source), Pipeline);
        int formulas = 0;
        var displayed = new List<Markdig.Extensions.Mathematics.MathInline>();
        foreach (var node in doc.Descendants())
        {
            // $$…$$ inside a paragraph is a displayed formula too (Markdig renders it inline).
            if (node is Markdig.Extensions.Mathematics.MathInline { DelimiterCount: >= 2 } display) displayed.Add(display);
            if (node is LinkInline link && link.Url is { } url && !url.Contains("://") && !url.StartsWith('#'))
            {
                string file = url.Split('#')[0];
                string anchor = url.Length > file.Length ? url[file.Length..] : "";
                if (notebookPages.TryGetValue(Path.GetFileName(file), out var page)) link.Url = page + anchor;
            }
            if (node is Markdig.Extensions.Mathematics.MathInline or Markdig.Extensions.Mathematics.MathBlock) formulas++;
        }
        foreach (var math in displayed)
            math.ReplaceBy(new HtmlInline($"<span class=\"math display\">\\[{WebUtility.HtmlEncode(math.Content.ToString())}\\]</span>"));
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        return (writer.ToString(), formulas);
    }

    static readonly Regex HanThenMath = new(@"(?<=\p{Lo})(?=\$[^\s$])");
    static readonly Regex MathThenHan = new(@"(?<=[^\s$]\$)(?=\p{Lo})");

    /// <summary>
    /// Markdig opens and closes $…$ by CommonMark's emphasis rules, so "为$\nabla f$" (a Chinese character right before
    /// a formula starting with a backslash) stays raw text, while VS Code's notebook renderer shows a formula. A space
    /// between Chinese text and a formula (as Chinese typesetting puts there anyway) lets Markdig see it. Code is left alone.
    /// </summary>
    public static string SpaceHanAroundMath(string markdown)
    {
        var lines = markdown.Split('\n');
        bool fenced = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) { fenced = !fenced; continue; }
            if (fenced || !lines[i].Contains('$')) continue;
            var parts = lines[i].Split('`');
            for (int p = 0; p < parts.Length; p += 2) parts[p] = MathThenHan.Replace(HanThenMath.Replace(parts[p], " "), " ");
            lines[i] = string.Join('`', parts);
        }
        return string.Join('\n', lines);
    }

    static string Language(JsonObject cell)
    {
        string kernel = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]
                        ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"] ?? "csharp";
        return kernel switch
        {
            "fsharp" => "fsharp",
            "pwsh" => "powershell",
            "javascript" => "javascript",
            "html" => "xml",
            "sql" => "sql",
            "markdown" => "markdown",
            _ => "csharp",
        };
    }

    /// <summary>Appends one output; returns how many Plotly charts it holds.</summary>
    int Output(Chapter chapter, int codeCell, JsonObject output, StringBuilder html)
    {
        string kind = (string?)output["output_type"] ?? "";
        switch (kind)
        {
            case "stream":
                string name = (string?)output["name"] == "stderr" ? "stderr" : "stdout";
                html.Append("<pre class=\"out stream ").Append(name).Append("\">")
                    .Append(WebUtility.HtmlEncode(Ansi.Replace(Notebook.Text(output["text"]), ""))).Append("</pre>");
                return 0;
            case "error":
                string trace = string.Join("\n", (output["traceback"] as JsonArray ?? []).Select(t => Notebook.Text(t)));
                string head = $"{(string?)output["ename"]}: {(string?)output["evalue"]}";
                html.Append("<pre class=\"out error\">").Append(WebUtility.HtmlEncode(Ansi.Replace(trace.Length > 0 ? trace : head, ""))).Append("</pre>");
                return 0;
            case "display_data" or "execute_result":
                return Data(chapter, codeCell, output["data"] as JsonObject ?? [], html);
            default:
                throw new InvalidDataException($"{chapter.FileName}, code cell {codeCell}: output_type '{kind}' is not one of stream, display_data, execute_result, error.");
        }
    }

    int Data(Chapter chapter, int codeCell, JsonObject data, StringBuilder html)
    {
        if (data["text/html"] is { } htmlNode)
        {
            string fragment = Notebook.Text(htmlNode);
            int charts = Regex.Matches(fragment, @"Plotly\.(?:newPlot|react)\(").Count;
            foreach (Match m in PlotlyPath.Matches(fragment))
                if (m.Groups["v"].Value != plotlyVersion)
                    throw new InvalidDataException($"{chapter.FileName}, code cell {codeCell}: a chart asks for plotly.js {m.Groups["v"].Value}, " +
                                                   $"but the book ships plotly.js {plotlyVersion}; change PLOTLY in .ci/setup-book to {m.Groups["v"].Value}.");
            html.Append("<div class=\"out html\">").Append(fragment).Append("</div>");
            return charts;
        }
        if (data["image/svg+xml"] is { } svg) { html.Append("<div class=\"out image\">").Append(Notebook.Text(svg)).Append("</div>"); return 0; }
        foreach (var mime in new[] { "image/png", "image/jpeg", "image/gif" })
            if (data[mime] is { } image)
            {
                string base64 = Regex.Replace(Notebook.Text(image), @"\s", "");
                html.Append("<div class=\"out image\"><img alt=\"output of code cell ").Append(codeCell).Append("\" src=\"data:")
                    .Append(mime).Append(";base64,").Append(base64).Append("\"></div>");
                return 0;
            }
        if (data["text/markdown"] is { } md) { html.Append("<div class=\"out markdown\">").Append(Markdown(Notebook.Text(md)).Html).Append("</div>"); return 0; }
        if (data["text/latex"] is { } tex) { html.Append("<div class=\"out latex\"><div class=\"math\">").Append(WebUtility.HtmlEncode(Notebook.Text(tex))).Append("</div></div>"); return 0; }
        if (data["text/plain"] is { } plain) { html.Append("<pre class=\"out text\">").Append(WebUtility.HtmlEncode(Ansi.Replace(Notebook.Text(plain), ""))).Append("</pre>"); return 0; }
        if (data["application/json"] is { } json) { html.Append("<pre class=\"out text\">").Append(WebUtility.HtmlEncode(json.ToJsonString())).Append("</pre>"); return 0; }
        string kinds = string.Join(", ", data.Select(p => p.Key));
        html.Append("<pre class=\"out text\">[output in ").Append(WebUtility.HtmlEncode(kinds)).Append(", which a web page cannot show]</pre>");
        return 0;
    }
}
