using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NotebookRunner;

using Course.Tests.Shared;

namespace NotebookRunner.Tests;

/// <summary>
/// The runner against small notebooks in tests/RunnerNotebooks that exercise one behaviour each, executed with the
/// same pinned kernel as the course (each once per test run, shared by the tests that read it).
/// </summary>
public class RunnerExecutionTests
{
    static readonly string Root = Repository.Root();
    static readonly string Folder = Path.Combine(Root, "tests", "RunnerNotebooks");
    static readonly string Output = Path.Combine(Root, "artifacts", "test-executed", "runner");
    static readonly ConcurrentDictionary<string, Lazy<Task<RunResult>>> Runs = new(StringComparer.Ordinal);

    static Task<RunResult> Run(string name) =>
        Runs.GetOrAdd(name, n => new Lazy<Task<RunResult>>(() => Runner.RunAsync(Path.Combine(Folder, n), Output, TimeSpan.FromMinutes(10)))).Value;

    static List<NotebookCell> Cells(RunResult r) => Notebook.Cells(Notebook.Load(r.ExecutedCopy));

    static string Text(JsonNode? node) => Notebook.Text(node);

    [Fact]
    public async Task Chinese_text_across_many_4096_byte_boundaries_round_trips_byte_exact()
    {
        string path = Path.Combine(Folder, "runner-unicode.ipynb");
        byte[] bytes = File.ReadAllBytes(path);
        int straddled = 0;
        for (int k = 4096; k < bytes.Length; k += 4096)
            if ((bytes[k] & 0xC0) == 0x80) straddled++; // a UTF-8 continuation byte: a character's bytes straddle the boundary
        Assert.True(straddled >= 5, $"the fixture must put multi-byte characters across 4,096-byte boundaries; only {straddled} do");

        var result = await Run("runner-unicode.ipynb");
        Assert.True(result.Succeeded, result.Describe());
        string executedText = File.ReadAllText(result.ExecutedCopy, Encoding.UTF8);
        Assert.DoesNotContain('\uFFFD', executedText);
        var source = Notebook.Cells(Notebook.Load(path));
        var executed = Cells(result);
        Assert.Equal(source.Count, executed.Count);
        for (int i = 0; i < source.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(source[i].Json["source"], executed[i].Json["source"]), $"cell {i + 1}'s source changed");
            Assert.Equal(Encoding.UTF8.GetBytes(source[i].Source), Encoding.UTF8.GetBytes(executed[i].Source));
        }
        Assert.Contains("索引 √Σxᵢ² — “独立” 🙂\n", Notebook.OutputText(executed[1]));
        var result1 = executed[1].Outputs.OfType<JsonObject>().Single(o => o["output_type"]!.GetValue<string>() == "execute_result");
        Assert.Contains("张量 — done", Text(result1["data"]?["text/plain"]) + Text(result1["data"]?["text/html"]));
    }

    [Fact]
    public async Task Printed_text_and_displayed_values_keep_the_order_the_cell_produced_them()
    {
        var result = await Run("runner-order.ipynb");
        Assert.True(result.Succeeded, result.Describe());
        var outputs = Cells(result)[1].Outputs.OfType<JsonObject>().ToList();
        Assert.Equal(["stream", "display_data", "stream"], outputs.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal("first print\n", Text(outputs[0]["text"]));
        Assert.Contains("displayed value", outputs[1]["data"]!.ToJsonString());
        Assert.Equal("second print\n", Text(outputs[2]["text"]));
    }

    [Fact]
    public async Task A_display_updated_50_times_appears_once_in_its_final_state()
    {
        var result = await Run("runner-order.ipynb");
        Assert.True(result.Succeeded, result.Describe());
        var outputs = Cells(result)[2].Outputs.OfType<JsonObject>().ToList();
        var displays = outputs.Where(o => o["output_type"]!.GetValue<string>() == "display_data").ToList();
        Assert.Single(displays);
        Assert.Equal("update 50", Text(displays[0]["data"]!["text/plain"]));
        Assert.Equal("after the updates\n", Text(outputs[^1]["text"]));
    }

    [Fact]
    public async Task A_cell_that_writes_to_stderr_fails_the_run_and_is_named()
    {
        var result = await Run("runner-stderr.ipynb");
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Error!.CellNumber);
        Assert.Equal("Console.Error.WriteLine(\"something went to stderr\");", result.Error.FirstLine);
        Assert.Contains("something went to stderr", result.Error.Message);
        Assert.Single(result.Problems);
        Assert.Contains("cell 3 (`Console.Error.WriteLine", result.Describe());
        Assert.Equal("still runs\n", Notebook.OutputText(Cells(result)[3])); // stderr is reported, not fatal: later cells still run
    }

    [Fact]
    public async Task A_cell_with_a_compiler_warning_fails_the_run_and_is_named()
    {
        var result = await Run("runner-warning.ipynb");
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Error!.CellNumber);
        Assert.Equal("string? maybe = null;", result.Error.FirstLine);
        Assert.Contains("CS8632", result.Error.Message);
        Assert.Single(result.Problems);
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_names_the_cell_and_leaves_later_cells_unexecuted()
    {
        var result = await Run("runner-error.ipynb");
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Error!.CellNumber);
        Assert.Contains("boom in cell two", result.Error.Message);
        var cells = Cells(result);
        Assert.Equal("error", cells[1].Outputs.OfType<JsonObject>().Last()["output_type"]!.GetValue<string>());
        Assert.Empty(cells[2].Outputs);
        Assert.Null(cells[2].Json["execution_count"]);
    }

    [Theory]
    [InlineData("runner-unicode.ipynb")]
    [InlineData("runner-order.ipynb")]
    [InlineData("runner-stderr.ipynb")]
    [InlineData("runner-error.ipynb")]
    public async Task Executed_copies_are_valid_nbformat_4_5_with_ids_and_execution_times(string name)
    {
        var result = await Run(name);
        Assert.Null(ExecutedCopyChecks.Problems(result.ExecutedCopy));
        ExecutedCopyChecks.AssertIdsAndTimes(Notebook.Load(result.ExecutedCopy));
    }
}
