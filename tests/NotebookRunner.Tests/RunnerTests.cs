using System.Text.Json.Nodes;
using NotebookRunner;

namespace NotebookRunner.Tests;

public class RunnerTests
{
    static JsonObject Executed(params JsonObject[] outputs) => new()
    {
        ["cells"] = new JsonArray(
            new JsonObject { ["cell_type"] = "markdown", ["source"] = "# Title", ["metadata"] = new JsonObject() },
            new JsonObject { ["cell_type"] = "code", ["source"] = new JsonArray("\n", "var x = 1;\n", "x / 0"), ["outputs"] = new JsonArray(outputs) }),
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
        Assert.NotNull(ExecutedErrors.FirstError(Executed(new JsonObject { ["output_type"] = "stream", ["name"] = "stderr", ["text"] = "boom" })));
        Assert.Null(ExecutedErrors.FirstError(Executed(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "fine" })));
    }

    [Fact]
    public void Select_finds_notebooks_by_number_or_name_and_explains_misses()
    {
        string root = Repository.Root();
        var first = Repository.Notebooks(root)[0];
        string stem = Path.GetFileNameWithoutExtension(first);
        Assert.Equal(first, Runner.Select(root, [stem[..2]]).Single());
        Assert.Equal(first, Runner.Select(root, [stem]).Single());
        var e = Assert.Throws<ArgumentException>(() => Runner.Select(root, ["no-such-notebook"]));
        Assert.Contains("Available:", e.Message);
    }

    [Fact]
    public void Executed_copies_go_outside_the_notebooks_folder()
    {
        string root = Repository.Root();
        Assert.False(Runner.DefaultOutputFolder(root).StartsWith(Repository.NotebooksFolder(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
