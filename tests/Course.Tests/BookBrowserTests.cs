using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using CourseBook;
using NotebookRunner;
using PuppeteerSharp;

namespace Course.Tests;

/// <summary>
/// The course book built from this run's executed copies (ExecutedCourse: each notebook runs once per test run) into
/// artifacts/test-book, and one headless Chromium (Debian's package, not a downloaded browser) to open its pages.
/// </summary>
public sealed class BookInBrowser : IAsyncLifetime
{
    public static readonly string Root = Repository.Root();
    public Book Book { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Dictionary<string, RunResult> Runs { get; } = new(StringComparer.Ordinal);
    string? profile;

    public async Task InitializeAsync()
    {
        // Every notebook's executed copy, shared with the execution tests; failed ones stay out of the book and fail their page's test.
        string input = Path.Combine(Root, "artifacts", "test-book-input");
        if (Directory.Exists(input)) Directory.Delete(input, recursive: true);
        Directory.CreateDirectory(input);
        // BOOK_EXECUTED=DIR checks the book built from executed copies you already have (e.g. artifacts/executed) instead.
        string? existing = Environment.GetEnvironmentVariable("BOOK_EXECUTED");
        foreach (var notebook in Repository.Notebooks(Root))
        {
            string name = Path.GetFileName(notebook);
            var run = string.IsNullOrEmpty(existing) ? await ExecutedCourse.RunAsync(name) : Existing(Path.Combine(existing, name));
            Runs[name] = run;
            if (run.Succeeded) File.Copy(run.ExecutedCopy, Path.Combine(input, name));
        }
        Book = BookBuilder.Build(BookOptions.ForRepository(Root, input, Path.Combine(Root, "artifacts", "test-book")));

        profile = Directory.CreateTempSubdirectory("book-chromium-").FullName;
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = BrowserPath(),
            Headless = true,
            UserDataDir = profile,
            // As root on a closed network: no sandbox, and none of Chromium's own background connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions"],
        });
    }

    static RunResult Existing(string copy) => File.Exists(copy)
        ? new RunResult(copy, copy, TimeSpan.Zero, ExecutedErrors.FirstError(Notebook.Load(copy)), [], [], "")
        : new RunResult(copy, copy, TimeSpan.Zero, new CellError(0, "", $"BOOK_EXECUTED has no executed copy {copy}."), [], [], "");

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        if (profile is not null) try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
    }

    /// <summary>BOOK_BROWSER, else Debian's chromium, else a Chrome (as on GitHub's runners).</summary>
    static string BrowserPath()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("BOOK_BROWSER"), "/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable" };
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
               ?? throw new FileNotFoundException("No Chromium for the book's browser tests: install Debian's chromium package " +
                                                  "(`bash .ci/setup-book` does) or set BOOK_BROWSER to a Chromium or Chrome executable.");
    }
}

/// <summary>Opens every page of the course book in a real browser, the way a reader would, offline.</summary>
public class BookBrowserTests(BookInBrowser book) : IClassFixture<BookInBrowser>
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Repository.Notebooks(BookInBrowser.Root)) data.Add(Path.GetFileName(path));
        return data;
    }

    /// <summary>What the browser saw while loading one page.</summary>
    sealed record Visit(List<string> Errors, List<string> External, JsonElement Report, int PhoneOverflow);

    // Gathered in the page after it loaded: charts, formulas left raw, tables, links.
    const string ReportScript = """
        (() => {
          const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && el.checkVisibility(); };
          const charts = [...document.querySelectorAll('.js-plotly-plot')].map(el => ({
            id: el.id,
            // Traces a slider hides (visible: false) are not drawn until the slider shows them.
            traces: (el.data || []).filter(t => t.visible !== false).length,
            // One group per drawn trace: scatter/bar traces, contour and heatmap layers, images.
            drawn: el.querySelectorAll('svg.main-svg .trace, svg.main-svg g.contour, svg.main-svg g.hm, svg.main-svg g.im').length,
            // Scatter traces that drew neither a line nor a point.
            empty: [...el.querySelectorAll('svg.main-svg .trace.scatter')].filter(t =>
              ![...t.querySelectorAll('path')].some(p => (p.getAttribute('d') || '').length > 2)).length,
            svg: el.querySelectorAll('svg.main-svg').length,
            visible: visible(el),
          }));
          // Text a reader sees in prose, outside code and rendered formulas, that still looks like $…$ or $$…$$.
          const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT, {
            acceptNode: n => n.parentElement.closest('pre, code, script, style, .katex') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
          const raw = [];
          const dollars = /\$\$[\s\S]+?\$\$|\$[^$\s][^$]*?\$|\\\(|\\\[/;
          let text = '';
          while (walker.nextNode()) text += walker.currentNode.nodeValue + '\u0001';
          for (const piece of text.split('\u0001')) if (dollars.test(piece)) raw.push(piece.trim().slice(0, 120));
          const tables = sel => [...document.querySelectorAll(sel)].map(t => ({ visible: visible(t), text: t.innerText.trim().length }));
          return JSON.stringify({
            charts, raw,
            unrendered: document.querySelectorAll('.math:not(.math-rendered)').length,
            katex: document.querySelectorAll('.math .katex').length,
            tensors: tables('.d2l-tensor'),
            frames: tables('table[id^="table_"]'),
            highlighted: document.querySelectorAll('pre.source code.hljs').length,
            sources: document.querySelectorAll('pre.source code').length,
            prev: document.querySelector('nav.pager a.prev')?.getAttribute('href') ?? null,
            next: document.querySelector('nav.pager a.next')?.getAttribute('href') ?? null,
            links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
          });
        })()
        """;

    async Task<Visit> OpenAsync(string file)
    {
        var page = await book.Browser.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        var external = new ConcurrentQueue<string>();
        try
        {
            page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) errors.Enqueue("console: " + e.Message.Text); };
            page.PageError += (_, e) => errors.Enqueue("page error: " + e.Message);
            page.RequestFailed += (_, e) => errors.Enqueue($"request failed: {e.Request.Url} ({e.Request.FailureText})");
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) =>
            {
                string url = e.Request.Url;
                if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)) await e.Request.ContinueAsync();
                else { external.Enqueue(url); await e.Request.AbortAsync(); }
            };
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            await page.GoToAsync(new Uri(Path.Combine(book.Book.Folder, file)).AbsoluteUri,
                new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 });
            // Plotly draws asynchronously; give every chart on the page time to get its SVG.
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.book-chart')].every(el => el.querySelector('svg.main-svg'))",
                new WaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });
            var report = JsonDocument.Parse(await page.EvaluateExpressionAsync<string>(ReportScript)).RootElement.Clone();

            string? shots = Environment.GetEnvironmentVariable("BOOK_SCREENSHOTS");
            if (!string.IsNullOrEmpty(shots))
            {
                // For a person to look at: the laptop view at the page's first chart, displayed formula and table.
                Directory.CreateDirectory(shots);
                foreach (var (what, selector) in new[] { ("chart", ".book-chart"), ("formula", ".katex-display"), ("table", ".d2l-tensor table, table[id^='table_']") })
                    if (await page.EvaluateExpressionAsync<bool>($"(() => {{ const el = document.querySelector(\"{selector}\"); if (!el) return false; el.scrollIntoView(); window.scrollBy(0, -120); return true; }})()"))
                        await page.ScreenshotAsync(Path.Combine(shots, Path.ChangeExtension(file, $".{what}.png")));
            }

            // On a phone (390 px wide) nothing may widen the page: tables and code scroll, charts shrink to the column.
            await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844, IsMobile = true, DeviceScaleFactor = 1 });
            await Task.Delay(600);
            int overflow = await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            if (!string.IsNullOrEmpty(shots))
            {
                await page.ScreenshotAsync(Path.Combine(shots, Path.ChangeExtension(file, ".phone.png")), new ScreenshotOptions { FullPage = false });
            }
            return new Visit([.. errors], [.. external], report, overflow);
        }
        finally { await page.CloseAsync(); }
    }

    static int CountInNotebook(BookPage page, string pattern) =>
        page.Chapter.Cells.Where(c => (string?)c["cell_type"] == "code")
            .SelectMany(c => c["outputs"]?.AsArray() ?? [])
            .Sum(o => o?["data"]?["text/html"] is { } h ? Regex.Matches(Notebook.Text(h), pattern).Count : 0);

    [Theory, MemberData(nameof(Notebooks))]
    public async Task Chapter_page_reads_offline_with_charts_formulas_tables_and_links(string notebook)
    {
        var run = book.Runs[notebook];
        Assert.True(run.Succeeded, "The notebook did not execute, so the book has no page for it: " + run.Describe());
        var page = book.Book.Pages.Single(p => p.Chapter.FileName == notebook);
        var visit = await OpenAsync(Path.GetFileName(page.Path));
        var r = visit.Report;

        Assert.True(visit.Errors.Count == 0, $"{notebook}: the browser reported errors:\n" + string.Join("\n", visit.Errors));
        Assert.True(visit.External.Count == 0, $"{notebook}: the page asked the network for:\n" + string.Join("\n", visit.External));

        // Every chart the notebook displayed is drawn: an SVG with as many drawn traces as the chart has.
        var charts = r.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(page.Charts, charts.Count);
        foreach (var chart in charts)
        {
            string id = chart.GetProperty("id").GetString()!;
            Assert.True(chart.GetProperty("svg").GetInt32() > 0, $"{notebook}: chart {id} has no SVG.");
            Assert.True(chart.GetProperty("visible").GetBoolean(), $"{notebook}: chart {id} is not visible.");
            int traces = chart.GetProperty("traces").GetInt32();
            Assert.True(traces > 0 && chart.GetProperty("drawn").GetInt32() >= traces,
                $"{notebook}: chart {id} has {traces} traces but draws {chart.GetProperty("drawn").GetInt32()}.");
            Assert.True(chart.GetProperty("empty").GetInt32() == 0, $"{notebook}: chart {id} has a line or scatter trace that drew nothing.");
        }

        // Formulas: every one rendered by KaTeX, and nothing in the prose still reads as $…$ or $$…$$.
        Assert.Equal(0, r.GetProperty("unrendered").GetInt32());
        Assert.True(r.GetProperty("katex").GetInt32() >= page.Formulas, $"{notebook}: {page.Formulas} formulas, {r.GetProperty("katex").GetInt32()} rendered.");
        var raw = r.GetProperty("raw").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.True(raw.Count == 0, $"{notebook}: raw TeX left in the prose:\n" + string.Join("\n", raw));

        // Tensors (a table, or text for scalars and 3-d tensors) and DataFrames: as many as the executed copy holds, each visible and not empty.
        foreach (var (kind, pattern) in new[] { ("tensors", "class=\"d2l-tensor\""), ("frames", "<table id=\"table_") })
        {
            var tables = r.GetProperty(kind).EnumerateArray().ToList();
            Assert.Equal(CountInNotebook(page, pattern), tables.Count);
            foreach (var t in tables)
                Assert.True(t.GetProperty("visible").GetBoolean() && t.GetProperty("text").GetInt32() > 0,
                    $"{notebook}: a {(kind == "tensors" ? "tensor table" : "DataFrame")} is not visible or empty ({t}).");
        }

        // Code is highlighted; previous/next go to the neighbouring chapters, and every local link resolves to a file.
        Assert.Equal(r.GetProperty("sources").GetInt32(), r.GetProperty("highlighted").GetInt32());
        Assert.Equal(page.Previous, r.GetProperty("prev").GetString());
        Assert.Equal(page.Next, r.GetProperty("next").GetString());
        if (page.Previous is null) Assert.Equal(book.Book.Pages[0], page);
        if (page.Next is null) Assert.Equal(book.Book.Pages[^1], page);
        foreach (var href in r.GetProperty("links").EnumerateArray().Select(x => x.GetString()!).Where(h => !h.Contains("://") && !h.StartsWith('#')))
            Assert.True(File.Exists(Path.Combine(book.Book.Folder, Uri.UnescapeDataString(href.Split('#')[0]))), $"{notebook}: link '{href}' resolves to no file of the book.");

        Assert.True(visit.PhoneOverflow <= 0, $"{notebook}: on a 390 px phone the page is {visit.PhoneOverflow} px wider than the screen.");
    }

    /// <summary>
    /// For the chart element <c>el</c> with a slider: the slider's active step, which traces are visible, how many traces the SVG
    /// draws, and the drawn paths (what a reader sees change).
    /// </summary>
    public const string SliderState = """
        (el => JSON.stringify({
          active: el._fullLayout.sliders[0].active,
          steps: el._fullLayout.sliders[0].steps.length,
          visible: el.data.map(t => t.visible !== false),
          drawn: el.querySelectorAll('svg.main-svg .trace').length,
          paths: [...el.querySelectorAll('svg.main-svg .trace path.js-line, svg.main-svg .trace path.point')].map(p => p.getAttribute('d')).join('|'),
        }))
        """;

    /// <summary>
    /// The charts a learner drives: the course has at least four, and in the book each one redraws when its slider is moved
    /// with the mouse, step by step, showing exactly the traces of the step it is on.
    /// </summary>
    [Fact]
    public async Task Every_slider_moves_with_the_mouse_and_redraws_its_chart()
    {
        var withSliders = book.Book.Pages.Where(p => CountInNotebook(p, "\"sliders\":") > 0).ToList();
        int total = withSliders.Sum(p => CountInNotebook(p, "\"sliders\":"));
        Assert.True(total >= 4, $"The course has {total} chart(s) with a slider; it should have at least four where a parameter is the lesson.");
        foreach (var bookPage in withSliders)
        {
            var page = await book.Browser.NewPageAsync();
            try
            {
                await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
                await page.GoToAsync(new Uri(Path.Combine(book.Book.Folder, Path.GetFileName(bookPage.Path))).AbsoluteUri,
                    new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 });
                await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.book-chart')].every(el => el.querySelector('svg.main-svg'))",
                    new WaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });
                var charts = await page.QuerySelectorAllAsync(".js-plotly-plot");
                foreach (var chart in charts)
                {
                    if (!await chart.EvaluateFunctionAsync<bool>("el => !!(el._fullLayout.sliders && el._fullLayout.sliders.length)")) continue;
                    await chart.EvaluateFunctionAsync("el => el.scrollIntoView({ block: 'center' })");
                    var before = JsonDocument.Parse(await chart.EvaluateFunctionAsync<string>(SliderState)).RootElement.Clone();
                    int steps = before.GetProperty("steps").GetInt32(), active = before.GetProperty("active").GetInt32();
                    var rail = await chart.QuerySelectorAsync(".slider-rail-rect");
                    Assert.NotNull(rail);
                    var box = await rail.BoundingBoxAsync();
                    var seen = new HashSet<string> { before.GetProperty("paths").GetString()! };
                    foreach (int target in Enumerable.Range(0, steps).Where(k => k != active))
                    {
                        // Click where step k sits on the rail: the steps are spread evenly along it.
                        decimal x = box.X + 8 + (box.Width - 16) * target / (steps - 1);
                        await page.Mouse.ClickAsync(x, box.Y + box.Height / 2);
                        await page.WaitForFunctionAsync($"el => el._fullLayout.sliders[0].active === {target}", new WaitForFunctionOptions { Timeout = 10_000 }, chart);
                        await Task.Delay(150);
                        var after = JsonDocument.Parse(await chart.EvaluateFunctionAsync<string>(SliderState)).RootElement;
                        var visible = after.GetProperty("visible").EnumerateArray().Select(v => v.GetBoolean()).ToList();
                        Assert.True(visible.Count(v => v) == after.GetProperty("drawn").GetInt32(),
                            $"{bookPage.Chapter.FileName}: at step {target} the chart draws {after.GetProperty("drawn").GetInt32()} traces for {visible.Count(v => v)} visible.");
                        Assert.True(seen.Add(after.GetProperty("paths").GetString()!),
                            $"{bookPage.Chapter.FileName}: moving the slider to step {target} drew the same picture as a step before it.");
                    }
                }
            }
            finally { await page.CloseAsync(); }
        }
    }

    [Fact]
    public async Task Index_lists_every_chapter_with_its_notes_name_and_links_that_resolve()
    {
        var visit = await OpenAsync("index.html");
        Assert.True(visit.Errors.Count == 0, "index.html: the browser reported errors:\n" + string.Join("\n", visit.Errors));
        Assert.Empty(visit.External);
        var links = visit.Report.GetProperty("links").EnumerateArray().Select(x => x.GetString()!).ToList();
        foreach (var page in book.Book.Pages)
        {
            Assert.Contains(Path.GetFileName(page.Path), links);
            Assert.False(string.IsNullOrEmpty(page.Chapter.NotesChapter), $"{page.Chapter.FileName}: no notes chapter name in its title cell.");
        }
        foreach (var href in links.Where(h => !h.Contains("://")))
            Assert.True(File.Exists(Path.Combine(book.Book.Folder, href)), $"index.html: link '{href}' resolves to no file of the book.");
        Assert.True(visit.PhoneOverflow <= 0, $"index.html: on a 390 px phone the page is {visit.PhoneOverflow} px wider than the screen.");
    }
}
