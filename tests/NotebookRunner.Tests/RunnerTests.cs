using System.Text.Json.Nodes;
using NotebookRunner;

namespace NotebookRunner.Tests;

/// <summary>The runner's parts that need no kernel: the error check, the execution manager's hooks, unreadable and empty notebooks.</summary>
public class RunnerTests
{
    static readonly string Root = Repository.Root();
    static readonly string Scratch = Path.Combine(Root, "artifacts", "test-executed", "runner-unit");

    static JsonObject Code(string source, params JsonObject[] outputs) => new()
    {
        ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(outputs), ["source"] = source,
    };

    static JsonObject Executed(params JsonObject[] outputs) => new()
    {
        ["cells"] = new JsonArray(
            new JsonObject { ["cell_type"] = "markdown", ["source"] = "# Title", ["metadata"] = new JsonObject() },
            new JsonObject { ["cell_type"] = "code", ["source"] = new JsonArray("\n", "var x = 1;\n", "x / 0"), ["outputs"] = new JsonArray(outputs) }),
    };

    static JsonObject Stream(string name, string text) => new() { ["output_type"] = "stream", ["name"] = name, ["text"] = text };

    static KernelEvent Event(string type, JsonObject payload, string token = "cell-1") => new(type, payload, token, DateTimeOffset.UtcNow);

    static JsonObject Stdout(string text) => new()
    {
        ["formattedValues"] = new JsonArray(new JsonObject { ["mimeType"] = "text/plain", ["value"] = text, ["suppressDisplay"] = false }),
    };

    [Fact]
    public void FirstError_names_the_cell_number_and_its_first_line()
    {
        var err = ExecutedErrors.FirstError(Executed(new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "CS0020: Division by constant zero" }));
        Assert.NotNull(err);
        Assert.Equal(2, err!.CellNumber);
        Assert.Equal("var x = 1;", err.FirstLine);
        Assert.Contains("CS0020", err.ToString());
    }

    [Fact]
    public void Error_text_leaves_out_libtorch_stack_frames()
    {
        var err = new CellError(3, "x + y", "Error: The size of tensor a (3) must match\nException raised from infer_size_impl at ExpandUtils.cpp:31\nframe #0: c10::Error::Error() + 0xb0\nframe #1: at::infer_size() + 0x3a4");
        Assert.Equal("cell 3 (`x + y`): Error: The size of tensor a (3) must match", err.ToString());
    }

    [Fact]
    public void FirstError_counts_stderr_as_an_error_and_plain_output_as_none()
    {
        Assert.NotNull(ExecutedErrors.FirstError(Executed(Stream("stderr", "boom"))));
        Assert.Null(ExecutedErrors.FirstError(Executed(Stream("stdout", "fine"))));
    }

    [Fact]
    public void The_check_reports_one_problem_per_cell_an_error_before_a_warning_before_stderr()
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(
                Code("a()", Stream("stderr", "plain stderr\n")),
                Code("b()", Stream("stderr", "warning CS8632: The annotation for nullable reference types…\nmore stderr\n")),
                Code("c()", Stream("stderr", "warning CS1701: …\n"), new JsonObject
                {
                    ["output_type"] = "error", ["ename"] = "KernelDied", ["evalue"] = "the kernel died",
                    ["traceback"] = new JsonArray("the kernel died", "  what():  why"),
                })),
        };
        var problems = ExecutedErrors.Check(notebook);
        Assert.Equal([1, 2, 3], problems.Select(p => p.CellNumber));
        Assert.Equal("wrote to stderr: plain stderr", problems[0].Message);
        Assert.Equal("compiler warning: warning CS8632: The annotation for nullable reference types…", problems[1].Message);
        Assert.Equal("the kernel died\n  what():  why", problems[2].Message);
    }

    [Fact]
    public void A_notebook_without_code_fails_the_check()
    {
        var noCode = new JsonObject { ["cells"] = new JsonArray(new JsonObject { ["cell_type"] = "markdown", ["source"] = "# only prose" }) };
        Assert.Contains("no code cells", ExecutedErrors.Check(noCode).Single().Message);
        var blank = new JsonObject { ["cells"] = new JsonArray(Code("  \n")) };
        Assert.Contains("every code cell is empty", ExecutedErrors.Check(blank).Single().Message);
        Assert.Equal(0, ExecutedErrors.Check(blank).Single().CellNumber);
    }

    [Fact]
    public void The_manager_writes_outputs_count_and_execution_times_and_clears_cells_that_did_not_run()
    {
        var copy = new JsonObject { ["cells"] = new JsonArray(Code("Console.WriteLine(1);"), Code("never()")) };
        copy["cells"]![1]!["outputs"] = new JsonArray(Stream("stdout", "stale output from the source\n"));
        var manager = new ExecutionManager(copy);
        var first = manager.CodeCells[0];
        manager.CellStarted(first);
        var run = new CellRun([Event("CodeSubmissionReceived", []), Event("StandardOutputValueProduced", Stdout("1\n")), Event("CommandSucceeded", [])],
            CellEnd.Answered, DateTimeOffset.UtcNow, null);
        manager.CellCompleted(first, run);
        manager.NotebookCompleted("");

        Assert.Equal(1, copy["cells"]![0]!["execution_count"]!.GetValue<int>());
        Assert.Equal("1\n", Notebook.OutputText(Notebook.Cells(copy)[0]));
        Assert.NotNull(copy["cells"]![0]!["metadata"]!["execution"]!["shell.execute_reply"]);
        Assert.Empty(Notebook.Cells(copy)[1].Outputs);
        Assert.Null(copy["cells"]![1]!["execution_count"]);
        Assert.Equal(1, manager.Timings.Single().CellNumber);
    }

    [Theory]
    [InlineData(CellEnd.KernelDied, "KernelDied")]
    [InlineData(CellEnd.TimedOut, "Timeout")]
    public void A_death_or_timeout_that_no_event_reports_becomes_the_cells_error_output(CellEnd end, string ename)
    {
        var copy = new JsonObject { ["cells"] = new JsonArray(Code("Console.WriteLine(\"before\");\nboom()")) };
        var manager = new ExecutionManager(copy);
        var cell = manager.CodeCells[0];
        manager.CellStarted(cell);
        var run = new CellRun([Event("StandardOutputValueProduced", Stdout("before\n"))], end, DateTimeOffset.UtcNow, "it stopped (exit code 134).\n  what():  why");
        Assert.True(run.Failed);
        manager.CellCompleted(cell, run);
        manager.CellFailed(cell, run);

        var outputs = Notebook.Cells(copy)[0].Outputs.OfType<JsonObject>().ToList();
        Assert.Equal(["stream", "error"], outputs.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal(ename, outputs[1]["ename"]!.GetValue<string>());
        var problem = ExecutedErrors.Check(copy).Single();
        Assert.Equal((1, "it stopped (exit code 134).\n  what():  why"), (problem.CellNumber, problem.Message));
    }

    [Fact]
    public void An_ErrorProduced_event_fails_a_cell_whose_command_succeeded()
    {
        var run = new CellRun([Event("ErrorProduced", new JsonObject { ["message"] = "(1,14): error CS0029" }, "cell-1.3"), Event("CommandSucceeded", [])],
            CellEnd.Answered, DateTimeOffset.UtcNow, null);
        Assert.True(run.Failed);
    }

    [Fact]
    public async Task A_malformed_notebook_is_reported_by_name_and_leaves_no_executed_copy()
    {
        Directory.CreateDirectory(Scratch);
        string source = Path.Combine(Root, "tests", "RunnerNotebooks", "runner-order.ipynb");
        string broken = Path.Combine(Scratch, "runner-truncated.ipynb");
        byte[] bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(broken, bytes[..(bytes.Length / 2)]);
        string output = Path.Combine(Scratch, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "runner-truncated.ipynb"), "a stale copy from an earlier run");

        var result = await Runner.RunAsync(broken, output, TimeSpan.FromMinutes(1));
        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Error!.CellNumber);
        Assert.StartsWith("runner-truncated.ipynb is not valid JSON", result.Error.Message);
        Assert.Contains("runner-truncated.ipynb is not valid JSON", result.Describe());
        Assert.False(File.Exists(result.ExecutedCopy));
    }

    [Fact]
    public async Task A_notebook_without_code_fails_without_starting_a_kernel_and_its_copy_is_written()
    {
        var result = await Runner.RunAsync(Path.Combine(Root, "tests", "RunnerNotebooks", "runner-empty.ipynb"), Path.Combine(Scratch, "out"), TimeSpan.FromMinutes(1));
        Assert.False(result.Succeeded);
        Assert.Contains("no code cells", result.Error!.Message);
        Assert.Equal("", result.Log);
        Assert.True(File.Exists(result.ExecutedCopy));
    }

    [Fact]
    public void The_summary_records_the_environment_and_every_notebook_even_one_that_could_not_be_read()
    {
        string path = Path.Combine(Scratch, "summary", "course-run.json");
        var unreadable = RunResult.Failed("/x/bad.ipynb", "/y/bad.ipynb", TimeSpan.Zero, "bad.ipynb is not valid JSON");
        var options = new RunOptions(TimeSpan.FromMinutes(1)) { Environment = RunOptions.Avx2Cpu };
        RunSummary.Write(path, [unreadable], "1.0.712001", options, 1, TimeSpan.FromSeconds(3));

        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("avx2", json["environment"]!["ATEN_CPU_CAPABILITY"]!.GetValue<string>());
        Assert.Equal("AVX2", json["environment"]!["MKL_ENABLE_INSTRUCTIONS"]!.GetValue<string>());
        var entry = json["notebooks"]!.AsArray().Single()!;
        Assert.Equal("bad.ipynb", entry["file"]!.GetValue<string>());
        Assert.False(entry["succeeded"]!.GetValue<bool>());
        Assert.Equal("bad.ipynb is not valid JSON", entry["error"]!.GetValue<string>());
    }

    [Fact]
    public void Select_finds_notebooks_by_number_or_name_or_path_and_explains_misses()
    {
        var first = Repository.Notebooks(Root)[0];
        string stem = Path.GetFileNameWithoutExtension(first);
        Assert.Equal(first, Runner.Select(Root, [stem[..2]]).Single());
        Assert.Equal(first, Runner.Select(Root, [stem]).Single());
        string elsewhere = Path.Combine(Root, "tests", "RunnerNotebooks", "runner-order.ipynb");
        Assert.Equal(elsewhere, Runner.Select(Root, [elsewhere]).Single());
        var e = Assert.Throws<ArgumentException>(() => Runner.Select(Root, ["no-such-notebook"]));
        Assert.Contains("Available:", e.Message);
    }

    [Fact]
    public void Executed_copies_go_outside_the_notebooks_folder()
    {
        Assert.False(Runner.DefaultOutputFolder(Root).StartsWith(Repository.NotebooksFolder(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
