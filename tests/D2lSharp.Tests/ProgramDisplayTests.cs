using D2lSharp.Display;
using D2lSharp.Plotting;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>
/// The display path of the lessons as .NET programs: values print as the kernel's text/plain, charts and pictures become offline
/// HTML files in the program's folder, and the live training chart leaves one file, announced once. The kernel publishes the same
/// text/plain next to its HTML, which is what lets a program's output be compared with an executed notebook.
/// </summary>
public class ProgramDisplayTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "d2lsharp-program-display-" + Guid.NewGuid().ToString("N"));
    readonly StringWriter _out = new();
    readonly TextWriter _previous = Console.Out;

    public ProgramDisplayTests()
    {
        Console.SetOut(_out);
        ProgramFigures.StartIn(Path.Combine(_folder, "artifacts", "programs", "99"), _folder);
    }

    public void Dispose()
    {
        Console.SetOut(_previous);
        ProgramFigures.Stop();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    string[] Printed => _out.ToString().Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void A_tensor_prints_as_the_kernel_formats_it_as_text()
    {
        using var t = arange(6, dtype: float32).reshape(2, 3);
        ProgramDisplay.display(t);
        Assert.Equal(TensorFormatter.ToText(t).Split('\n'), Printed);
        Assert.Equal(TensorFormatter.ToText(t), t.ToDisplayString(PlainTextFormatter.MimeType));
    }

    [Fact]
    public void The_kernel_publishes_text_next_to_the_html_for_the_values_lessons_show()
    {
        foreach (var type in new[] { typeof(Tensor), typeof(DataFrame), typeof(Exercises.Feedback), typeof(double), typeof(string) })
        {
            var preferred = Formatter.GetPreferredMimeTypesFor(type);
            Assert.Contains(HtmlFormatter.MimeType, preferred);
            Assert.Contains(PlainTextFormatter.MimeType, preferred);
        }
    }

    [Fact]
    public void A_table_prints_aligned_with_an_index_and_null_for_a_missing_value()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("NumRooms", new double?[] { null, 2, 14.5 }),
            new StringDataFrameColumn("Alley", new[] { "Pave", null!, "Grvl" }));
        ProgramDisplay.display(frame);
        Assert.Equal(["   NumRooms  Alley", "0      null  Pave", "1         2  null", "2      14.5  Grvl"], Printed);
    }

    [Fact]
    public void A_long_table_shows_its_first_rows_and_says_how_many_there_are()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", Enumerable.Range(0, 50)));
        string text = TableText.Of(frame);
        Assert.Equal(TableText.MaxRows + 2, text.Split('\n').Length);
        Assert.EndsWith($"… 50 rows in all ({TableText.MaxRows} shown), 1 columns", text);
    }

    [Fact]
    public void A_chart_becomes_an_offline_html_file_beside_plotly_js_and_its_path_is_printed()
    {
        var chart = Plots.Plot([1.0, 2, 3], [1.0, 4, 9]);
        ProgramDisplay.display(chart);
        string expected = Path.Combine("artifacts", "programs", "99", "chart-1.html");
        Assert.Equal([$"chart: {expected}"], Printed);
        string html = File.ReadAllText(Path.Combine(_folder, expected));
        Assert.Contains("<script src=\"plotly-2.28.0.min.js\"", html);
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.Contains("[1.0,4.0,9.0]", html);   // the chart's data, as Plotly.NET writes it for the notebook too
        Assert.True(new FileInfo(Path.Combine(_folder, "artifacts", "programs", "99", "plotly-2.28.0.min.js")).Length > 1_000_000);
        Assert.True(File.Exists(Path.Combine(_folder, "artifacts", "programs", "99", "plotly-2.28.0.min.js.LICENSE.txt")));
    }

    [Fact]
    public void Pictures_and_html_are_numbered_apart_from_charts_and_a_new_run_clears_the_old_files()
    {
        ProgramDisplay.display(NetworkDiagram.Draw(new NetworkDiagram.Layer("in", "x"), new NetworkDiagram.Layer("out", "o")));
        ProgramDisplay.display(ProgramDisplay.HTML("<b>bold</b>"));
        ProgramDisplay.display(Plots.Plot([1.0, 2], [3.0, 4]));
        Assert.Equal(["picture: ", "picture: ", "chart: "], Printed.Select(l => l[..(l.IndexOf(':') + 2)]));
        string folder = Path.Combine(_folder, "artifacts", "programs", "99");
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "picture-1.html")));
        Assert.Contains("<b>bold</b>", File.ReadAllText(Path.Combine(folder, "picture-2.html")));

        ProgramFigures.StartIn(folder, _folder);
        Assert.Empty(Directory.GetFiles(folder, "*.html"));
        Assert.True(File.Exists(Path.Combine(folder, "plotly-2.28.0.min.js")), "plotly.js is kept for the next run");
    }

    [Fact]
    public void A_live_training_chart_is_announced_once_and_its_file_holds_the_final_state()
    {
        var animator = Animator.ForTraining(3);
        animator.Add(1, 0.9, 0.5, 0.4);
        animator.Add(2, 0.6, 0.7, 0.6);
        animator.Add(3, 0.5, 0.8, 0.7);
        Assert.Equal([$"chart: {Path.Combine("artifacts", "programs", "99", "chart-1.html")}"], Printed);
        string html = File.ReadAllText(Path.Combine(_folder, "artifacts", "programs", "99", "chart-1.html"));
        Assert.Contains("[1.0,2.0,3.0]", html);
        Assert.Contains("[0.5,0.7,0.8]", html);
    }

    [Fact]
    public void Outside_a_lesson_program_a_live_chart_only_records()
    {
        ProgramFigures.Stop();
        var animator = Animator.ForTraining(2);
        animator.Add(1, 0.9, 0.5, 0.4);
        Assert.False(animator.Shown);
        Assert.Equal("", _out.ToString());
    }

    [Fact]
    public void Updating_a_displayed_chart_rewrites_its_file_and_updating_text_prints_again()
    {
        var shown = ProgramDisplay.display(Plots.Plot([1.0, 2], [3.0, 4]));
        shown.Update(Plots.Plot([1.0, 2], [5.0, 6]));
        Assert.Contains("[5.0,6.0]", File.ReadAllText(shown.FigurePath!));
        var text = ProgramDisplay.display(1.5);
        text.Update(2.5);
        Assert.Equal(["chart: " + Path.Combine("artifacts", "programs", "99", "chart-1.html"), "1.5", "2.5"], Printed);
    }
}
