using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoursePrograms;

namespace CoursePrograms.Tests;

/// <summary>
/// The generator on small notebooks of the course's shape (the standard setup cell, then the cells under test), written to a
/// temporary folder and generated against this repository's library. Each generated program is also compiled by the
/// generator itself, so every case here is a program that builds.
/// </summary>
public class GeneratorTests
{
    static readonly string Root = Repository.Root();
    const string Setup = "#!import ../src/D2lSharp/EnsureBuilt.csx\n#!import ../src/D2lSharp/Course.csx\n\nCourse.Setup()";

    static JsonObject Cell(string type, string source) => type == "code"
        ? new() { ["cell_type"] = "code", ["source"] = source, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["execution_count"] = null }
        : new() { ["cell_type"] = type, ["source"] = source, ["metadata"] = new JsonObject() };

    /// <summary>A notebook: a title, the setup cell, then <paramref name="cells"/> (a string starting with "md:" is markdown).</summary>
    static string Notebook(params string[] cells)
    {
        var all = new JsonArray(Cell("markdown", "# 99 — Test"), Cell("code", Setup));
        foreach (var c in cells) all.Add(c.StartsWith("md:", StringComparison.Ordinal) ? Cell("markdown", c[3..]) : Cell("code", c));
        string folder = Path.Combine(Path.GetTempPath(), "courseprograms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "99-test.ipynb");
        File.WriteAllText(path, new JsonObject { ["cells"] = all, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
        return path;
    }

    static string Generate(params string[] cells) => ProgramGenerator.Generate(Root, Notebook(cells)).Text;

    /// <summary>The program's statements: everything after the usings, without the comment lines.</summary>
    static string Statements(string program) => string.Join("\n", program.Split('\n')
        .SkipWhile(l => !l.StartsWith("display(Course.Setup());", StringComparison.Ordinal)).Skip(1)
        .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)));

    [Fact]
    public void The_setup_cell_becomes_directives_usings_and_a_displayed_setup()
    {
        string program = Generate("var x = 1;");
        Assert.Contains("#:project ../src/D2lSharp/D2lSharp.csproj\n", program);
        Assert.Contains("#:package TorchSharp-cpu@0.107.0\n", program);
        Assert.DoesNotContain("Plotly.NET.Interactive", program);          // a kernel extension: a program writes charts itself
        Assert.DoesNotContain("#!", program);
        Assert.DoesNotContain("#r ", program);
        Assert.Contains("using static TorchSharp.torch;\n", program);       // from Course.csx
        Assert.Contains("using static D2lSharp.Display.ProgramDisplay;", program);
        Assert.Contains("\ndisplay(Course.Setup());\n", program);
        Assert.Contains("#:property PublishAot=false\n", program);
        Assert.Contains("#:property CopyLocalLockFileAssemblies=false\n", program);
        Assert.Contains("#:property NoWarn=$(NoWarn);CS0168;CS0219;CS8321\n", program);
    }

    [Fact]
    public void Markdown_becomes_line_comments_in_the_notebooks_order()
    {
        string program = Generate("md:## Heading\n\nSome *text*.", "var a = 1;");
        Assert.Contains("// ## Heading\n//\n// Some *text*.\n\nvar a = 1;\n", program);
        Assert.True(program.IndexOf("// # 99 — Test", StringComparison.Ordinal) < program.IndexOf("display(Course.Setup())", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trailing_expression_is_displayed_and_a_void_one_gets_its_semicolon()
    {
        string program = Generate("var t = arange(3);\nt   // the values", "Console.WriteLine(1)", "var n = 2;");
        Assert.Contains("display(t);   // the values\n", program);
        Assert.Contains("\nConsole.WriteLine(1);\n", program);
        Assert.Contains("\nvar n = 2;\n", program);
    }

    [Fact]
    public void A_name_declared_again_gets_a_fresh_name_and_the_later_uses_follow_it()
    {
        string program = Generate(
            "var grid = 1;\nint Twice() => grid * 2;",
            "var grid = \"two\";\nConsole.WriteLine(grid.Length);",
            "Console.WriteLine(grid + Twice());");
        string code = Statements(program);
        Assert.Contains("var grid = 1;\nint Twice() => grid * 2;", code);        // the function keeps the first grid, as in the kernel
        Assert.Contains("var grid2 = \"two\";\nConsole.WriteLine(grid2.Length);", code);
        Assert.Contains("Console.WriteLine(grid2 + Twice());", code);
        Assert.Contains("// In this program grid is declared again (first in cell 3): here it is grid2.", program);
    }

    [Fact]
    public void A_block_local_that_reuses_a_top_level_name_is_renamed_but_a_lambdas_is_not()
    {
        string program = Generate(
            "foreach (var c in new[] { 1, 2 }) Console.WriteLine(c);\nvar f = new Func<int, int>(c => c + 1);",
            "var c = 3;");
        string code = Statements(program);
        Assert.Contains("foreach (var c2 in new[] { 1, 2 }) Console.WriteLine(c2);", code);
        Assert.Contains("new Func<int, int>(c => c + 1)", code);
        Assert.Contains("var c = 3;", code);
    }

    [Fact]
    public void A_name_ending_in_a_digit_gets_an_underscore_before_its_number()
    {
        string program = Generate("var x2 = 1;", "var x2 = 2;\nConsole.WriteLine(x2);");
        Assert.Contains("var x2_2 = 2;\nConsole.WriteLine(x2_2);", Statements(program));
    }

    [Fact]
    public void Usings_go_first_and_types_go_last_with_a_note_where_they_were()
    {
        string program = Generate(
            "using System.Text.RegularExpressions;\nrecord Point(double X, double Y);\nvar p = new Point(1, 2);\np",
            "Console.WriteLine(Regex.IsMatch(\"a\", \"a\"));");
        int usingAt = program.IndexOf("\nusing System.Text.RegularExpressions;\n", StringComparison.Ordinal);
        int setupAt = program.IndexOf("display(Course.Setup());", StringComparison.Ordinal);
        int typeAt = program.IndexOf("\nrecord Point(double X, double Y);", StringComparison.Ordinal);
        Assert.True(usingAt > 0 && usingAt < setupAt, "the cell's using comes before the first statement");
        Assert.True(typeAt > program.IndexOf("Regex.IsMatch", StringComparison.Ordinal), "the record comes after the last statement");
        Assert.Contains("// record Point: declared at the end of this file", program);
        Assert.Contains("display(p);", program);
    }

    [Fact]
    public void The_kernels_display_and_HTML_stay_as_written()
    {
        string program = Generate("display(1);\ndisplay(HTML(\"<b>bold</b>\"));");
        Assert.Contains("display(1);\ndisplay(HTML(\"<b>bold</b>\"));", program);
    }

    [Fact]
    public void A_magic_command_a_program_cannot_run_is_reported_with_its_cell()
    {
        var e = Assert.Throws<LessonProblem>(() => Generate("var a = 1;", "#!time\nvar b = 2;"));
        Assert.Equal(4, e.Cell);
        Assert.Contains("#!time", e.Message);
        Assert.StartsWith("notebooks/99-test.ipynb, cell 4:", e.Message);
    }

    [Fact]
    public void A_package_at_another_version_than_the_pinned_one_is_reported()
    {
        var e = Assert.Throws<LessonProblem>(() => Generate("#r \"nuget: Spectre.Console, 0.50.0\""));
        Assert.Contains("Spectre.Console is loaded at 0.50.0, but Directory.Packages.props pins 0.57.2", e.Message);
    }

    [Fact]
    public void A_cell_type_that_would_replace_a_library_type_in_earlier_cells_is_reported()
    {
        var e = Assert.Throws<LessonProblem>(() => Generate(
            "var sums = new Accumulator(2);",
            "class Accumulator { public Accumulator(int n) { } }\nvar mine = new Accumulator(1);"));
        Assert.Equal(3, e.Cell);
        Assert.Contains("D2lSharp.Training.Accumulator", e.Message);
        Assert.Contains("cell 4", e.Message);
    }

    [Fact]
    public void A_cell_that_does_not_compile_is_reported_before_anything_is_written()
    {
        var e = Assert.Throws<LessonProblem>(() => Generate("var a = undefinedName + 1;"));
        Assert.Equal(3, e.Cell);
        Assert.Contains("CS0103", e.Message);
    }

    [Fact]
    public void An_overload_becomes_a_function_of_its_own_and_each_call_keeps_its_target()
    {
        // Script methods may be overloaded; local functions may not. The compiler's binding says which call goes where.
        string program = Generate("int F(int a) => a;\ndouble F(double a) => a;\nConsole.WriteLine(F(1) + F(2.5));");
        Assert.Contains("int F(int a) => a;\ndouble F2(double a) => a;\nConsole.WriteLine(F(1) + F2(2.5));", Statements(program));
    }

    [Fact]
    public void What_only_a_script_may_declare_is_reported_by_the_program_check()
    {
        // A property at the top of a cell is a member of the script; a program's top level has no place for it.
        var e = Assert.Throws<LessonProblem>(() => Generate("var x = 1;", "int Three => 3;\nConsole.WriteLine(Three);"));
        Assert.Contains("as a program this does not compile", e.Message);
        Assert.Equal(4, e.Cell);
    }

    [Fact]
    public void Generating_twice_gives_the_same_text()
    {
        string path = Notebook("var x = 1;\nx", "md:text", "var x = 2;\nx");
        Assert.Equal(ProgramGenerator.Generate(Root, path).Text, ProgramGenerator.Generate(Root, path).Text);
    }

    [Fact]
    public void Every_program_line_ends_without_trailing_spaces_and_the_file_with_one_newline()
    {
        string program = Generate("md:Trailing   \n\n", "var a = 1;   \n\n\n");
        Assert.DoesNotMatch(new Regex(@"[ \t]\n"), program);
        Assert.EndsWith(";\n", program);
        Assert.DoesNotContain("\n\n\n", program);
    }
}
