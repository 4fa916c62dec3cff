using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NotebookRunner;

using Course.Tests.Shared;

namespace NotebookRunner.Tests;

/// <summary>
/// Faults a learner's notebook can cause, each reported instead of crashing the runner: a cell that kills the kernel,
/// an error inside an imported file, a notebook that cannot be read or has no code. Executed with the pinned kernel.
/// </summary>
public class RunnerFaultTests
{
    static readonly string Root = Repository.Root();
    static readonly string Folder = Path.Combine(Root, "tests", "RunnerNotebooks");
    static readonly string Output = Path.Combine(Root, "artifacts", "test-executed", "runner-faults");
    static readonly ConcurrentDictionary<string, Lazy<Task<RunResult>>> Runs = new(StringComparer.Ordinal);

    static Task<RunResult> Run(string name) =>
        Runs.GetOrAdd(name, n => new Lazy<Task<RunResult>>(() => Runner.RunAsync(Path.Combine(Folder, n), Output, TimeSpan.FromMinutes(10)))).Value;

    static List<NotebookCell> Cells(RunResult r) => Notebook.Cells(Notebook.Load(r.ExecutedCopy));

    static JsonObject ErrorOutput(NotebookCell cell) =>
        cell.Outputs.OfType<JsonObject>().Single(o => o["output_type"]!.GetValue<string>() == "error");

    [Fact]
    public async Task A_matmul_that_aborts_the_kernel_is_reported_with_libtorchs_reason_on_the_cell_that_killed_it()
    {
        var result = await Run("runner-kernel-death.ipynb");
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Error!.CellNumber);
        Assert.Equal("Console.WriteLine(\"before the crash\");", result.Error.FirstLine);
        string summary = result.Describe();
        Assert.Contains("exit code 134, killed by signal 6 (SIGABRT)", summary);
        Assert.Contains("terminate called after throwing an instance of 'c10::Error'", summary);
        Assert.Contains("what():  mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", summary);
        Assert.DoesNotContain("frame #", result.Error.Message);

        var cells = Cells(result);
        Assert.Equal("before the crash\n", Notebook.OutputText(cells[2]));
        var error = ErrorOutput(cells[2]);
        Assert.Equal("KernelDied", error["ename"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), l => l!.GetValue<string>().Contains("what():  mat1 and mat2 shapes cannot be multiplied"));
        Assert.Empty(cells[3].Outputs);
        Assert.Null(cells[3].Json["execution_count"]);
    }

    [Fact]
    public async Task A_kernel_killed_without_a_word_is_reported_with_its_signal()
    {
        var result = await Run("runner-kernel-killed.ipynb");
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Error!.CellNumber);
        Assert.Contains("the kernel died while running this cell: exit code 137, killed by signal 9 (SIGKILL).", result.Error.Message);
        var cells = Cells(result);
        Assert.Equal("fine\n", Notebook.OutputText(cells[1]));
        Assert.Equal("KernelDied", ErrorOutput(cells[2])["ename"]!.GetValue<string>());
        Assert.Empty(cells[3].Outputs);
    }

    [Fact]
    public async Task An_error_inside_an_imported_file_fails_the_cell_although_the_kernel_says_the_command_succeeded()
    {
        var result = await Run("runner-import-error.ipynb");
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Error!.CellNumber);
        Assert.Contains("CS0029", result.Error.Message);
        var cells = Cells(result);
        Assert.Contains("CS0029", ErrorOutput(cells[1])["evalue"]!.GetValue<string>());
        Assert.Empty(cells[2].Outputs);
        Assert.Null(cells[2].Json["execution_count"]);
    }

    [Theory]
    [InlineData("runner-kernel-death.ipynb")]
    [InlineData("runner-kernel-killed.ipynb")]
    [InlineData("runner-import-error.ipynb")]
    public async Task Executed_copies_of_failed_runs_are_valid_nbformat_4_5(string name)
    {
        var result = await Run(name);
        Assert.Null(ExecutedCopyChecks.Problems(result.ExecutedCopy));
        ExecutedCopyChecks.AssertIdsAndTimes(Notebook.Load(result.ExecutedCopy));
    }

    [Fact]
    public async Task The_command_line_passes_env_to_the_kernel_reports_bad_notebooks_and_always_writes_course_run_json()
    {
        string scratch = Path.Combine(Root, "artifacts", "test-executed", "runner-cli");
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        Directory.CreateDirectory(scratch);
        string broken = Path.Combine(scratch, "runner-broken.ipynb");
        File.WriteAllText(broken, "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"1 +");
        string output = Path.Combine(scratch, "out");
        var stdout = new StringWriter();

        int exit = await CommandLine.RunAsync([broken, Path.Combine(Folder, "runner-empty.ipynb"), Path.Combine(Folder, "runner-environment.ipynb"),
            "--out", output, "--jobs", "1", "--env", "ATEN_CPU_CAPABILITY=avx2", "--env", "MKL_ENABLE_INSTRUCTIONS=AVX2",
            "--env", "D2LSHARP_RUNNER_PROBE=reached the kernel"], stdout, new StringWriter());

        Assert.Equal(1, exit);
        Assert.Contains("1 passed, 2 failed", stdout.ToString());
        var printed = Notebook.OutputText(Notebook.Cells(Notebook.Load(Path.Combine(output, "runner-environment.ipynb")))[1]);
        Assert.Equal("ATEN_CPU_CAPABILITY=avx2\nMKL_ENABLE_INSTRUCTIONS=AVX2\nD2LSHARP_RUNNER_PROBE=reached the kernel\n", printed);

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "course-run.json")))!;
        Assert.Equal("reached the kernel", summary["environment"]!["D2LSHARP_RUNNER_PROBE"]!.GetValue<string>());
        var entries = summary["notebooks"]!.AsArray().ToDictionary(n => n!["file"]!.GetValue<string>(), n => n!);
        Assert.Equal(["runner-broken.ipynb", "runner-empty.ipynb", "runner-environment.ipynb"], entries.Keys);
        Assert.StartsWith("runner-broken.ipynb is not valid JSON", entries["runner-broken.ipynb"]["error"]!.GetValue<string>());
        Assert.Contains("no code cells", entries["runner-empty.ipynb"]["error"]!.GetValue<string>());
        Assert.True(entries["runner-environment.ipynb"]["succeeded"]!.GetValue<bool>());
    }
}
