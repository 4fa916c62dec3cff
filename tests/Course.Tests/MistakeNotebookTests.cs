using NotebookRunner;

namespace Course.Tests;

/// <summary>
/// A learner's mistake never costs them their session: the notebooks in tests/MistakeNotebooks run in the kernel learners
/// use. learner-mistakes.ipynb makes each mistake in one kernel and must survive them all with a message that names the
/// problem; each defect-*.ipynb calls a TorchSharp function that still ends the kernel on bad input (no course code can
/// catch it), so this test notices when a TorchSharp upgrade fixes one.
/// </summary>
public class MistakeNotebookTests
{
    static readonly string Root = Repository.Root();
    static readonly string Folder = Path.Combine(Root, "tests", "MistakeNotebooks");
    static readonly string Output = Path.Combine(Repository.ArtifactsFolder(Root), "test-executed", "mistakes");
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    static readonly Lazy<Task<RunResult>> Battery = new(() => Runner.RunAsync(Path.Combine(Folder, "learner-mistakes.ipynb"), Output, Timeout));

    /// <summary>Each mistake of learner-mistakes.ipynb and what its message must say (the problem, and where the course adds one, the fix).</summary>
    static readonly Dictionary<string, string[]> Expected = new()
    {
        ["mm-shapes"] = ["ExternalException", "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)"],
        ["mv-shapes"] = ["ExternalException", "size mismatch", "vec (2)"],
        ["bmm-shapes"] = ["ExternalException", "batch2 tensor to be: [5, 3] but got: [5, 2]"],
        ["torch-mm-static"] = ["ExternalException", "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)"],
        ["mm-dtypes"] = ["ExternalException", "same dtype", "float != long int"],
        ["linreg-dtypes"] = ["ArgumentException", "X is float64 and w is float32: make both float32 (e.g. `X.to(float32)`)"],
        ["linreg-shapes"] = ["ArgumentException", "X has shape (10, 3), w has shape (2, 1) (expected (3, 1) or (3,))"],
        ["backward-without-requires-grad"] = ["ExternalException", "does not require grad"],
        ["gradient-check-detached"] = ["ArgumentException", "does not depend on x", "item<T>()"],
        ["sgd-before-backward"] = ["InvalidOperationException", "`grad` is null until `backward()`"],
        ["sgd-without-requires-grad"] = ["InvalidOperationException", "does not require gradients", "`w.requires_grad_()`"],
        ["grad-read-before-backward"] = ["NullReferenceException"],
        ["threads-zero"] = ["ArgumentOutOfRangeException", "must be at least 1; got 0"],
        ["index-select-out-of-range"] = ["ExternalException", "index out of range"],
        ["unflattened-batch"] = ["InvalidOperationException", "(7168x28 and 784x10)", "batch of shape (256, 28, 28)", "`X.reshape(-1, 784)`", "nn.Flatten()"],
        ["loss-dtypes"] = ["ArgumentException", "yHat is float32 and y is float64: make both float32 (e.g. `y.to(float32)`)"],
        ["labels-as-float"] = ["ArgumentException", "whole-number indices (int64); got float32", "`y.to(int64)`"],
        ["label-out-of-range"] = ["ArgumentException", "y has the label 10, but yHat has 10 classes, so labels must be 0 to 9"],
        ["logits-into-cross-entropy"] = ["ArgumentException", "raw scores (logits)", "softmax"],
        ["batch-of-wrong-size"] = ["ArgumentException", "yHat has shape (256, 10) (256 predictions), y has shape (255,)"],
        ["train-zero-epochs"] = ["ArgumentOutOfRangeException", "numEpochs must be positive; got 0"],
        ["synthetic-float64-weights"] = ["ArgumentException", "w must be float32", "`w.to(float32)`"],
        ["gradient-of-integers"] = ["ArgumentException", "got int64", "`x.to(float32)`"],
        ["show-disposed-tensor"] = ["ArgumentException", "was disposed"],
        ["reshape-wrong-size"] = ["ExternalException", "shape '[4, -1]' is invalid for input of size 6"],
        ["accumulator-count"] = ["ArgumentException", "keeps 2 sums; got 3 values"],
    };

    static (List<NotebookCell> Cells, string Text) Executed(RunResult result)
    {
        var cells = Notebook.Cells(Notebook.Load(result.ExecutedCopy));
        return (cells, string.Join("\n", cells.Where(c => c.CellType == "code").Select(Notebook.OutputText)));
    }

    [Fact]
    public async Task Every_mistake_leaves_the_kernel_and_its_variables_alive_and_names_the_problem()
    {
        var result = await Battery.Value;
        var (cells, text) = Executed(result);
        // Only the last cell fails, on purpose (see the next test); every cell before it ran.
        Assert.False(result.Succeeded, "the last cell of learner-mistakes.ipynb leaves a mistake uncaught on purpose");
        Assert.True(cells.Last(c => c.CellType == "code").Number == result.Error!.CellNumber, result.Describe());
        var lines = text.Split('\n');
        var made = lines.Where(l => l.StartsWith("MISTAKE ", StringComparison.Ordinal)).Select(l => l["MISTAKE ".Length..l.IndexOf(':')]).ToList();
        Assert.Equal(Expected.Keys.Order(), made.Order()); // every mistake made has an expectation, and the other way round
        foreach (var (id, expected) in Expected)
        {
            string line = lines.Single(l => l.StartsWith($"MISTAKE {id}: ", StringComparison.Ordinal));
            Assert.DoesNotContain("no exception", line);
            foreach (var part in expected) Assert.True(line.Contains(part, StringComparison.Ordinal), $"{id}: expected «{part}» in\n{line}");
            if (!line.Contains("ExternalException", StringComparison.Ordinal))
                Assert.DoesNotContain("frame #", line); // the course's own messages carry no native frames
            Assert.Contains($"ALIVE {id}: survivor = [0, 1, 2]", text);
        }
    }

    [Fact]
    public async Task A_failed_cell_shows_the_course_explanation_without_native_stack_frames()
    {
        var result = await Battery.Value;
        string message = result.Error!.Message;
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (7168x28 and 784x10)", message);
        Assert.Contains("Flatten each example into one row first: `X.reshape(-1, 784)` gives (256, 784)", message);
        // Before the course explained it, this message carried 15 lines of libtorch frames between the first line and the .NET trace.
        var firstLines = message.Split('\n').TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(firstLines, l => l.StartsWith("frame #", StringComparison.Ordinal) || l.StartsWith("Exception raised from", StringComparison.Ordinal));
        Assert.DoesNotContain("the kernel died", message);
    }

    public static TheoryData<string, string> Defects() => new()
    {
        { "defect-matmul-2d.ipynb", "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)" },
        { "defect-cummax-bad-dim.ipynb", "Dimension out of range" },
        { "defect-autograd-grad-without-requires-grad.ipynb", "does not require grad" },
        { "defect-set-num-threads-zero.ipynb", "Expected positive number of threads" },
        { "defect-var-along-dim-of-integers.ipynb", "std and var only support floating point and complex dtypes" },
    };

    [Theory, MemberData(nameof(Defects))]
    public async Task A_known_TorchSharp_defect_still_ends_the_kernel(string notebook, string libtorchSays)
    {
        var result = await Runner.RunAsync(Path.Combine(Folder, notebook), Output, Timeout);
        var (cells, text) = Executed(result);
        Assert.False(text.Contains("DEFECT GONE", StringComparison.Ordinal),
            $"{notebook}: the call no longer ends the kernel ({text.Trim()}). TorchSharp fixed this defect: update design.md §8b, the " +
            "README's known problem, the matmul warning in notebook 01, and move this case into learner-mistakes.ipynb.");
        Assert.False(result.Succeeded, result.Describe());
        Assert.Equal(cells.Last(c => c.CellType == "code").Number, result.Error!.CellNumber);
        Assert.Contains("the kernel died while running this cell", result.Error.Message);
        // The kernel's last words ("terminate called after throwing an instance of 'c10::Error' what(): …") reach the runner's
        // log only when its stderr was read before the runner reported the exit; when they did, they must be this defect's.
        string lastWords = result.Error.Message + "\n" + result.Log;
        if (lastWords.Contains("terminate called after throwing an instance of", StringComparison.Ordinal))
            Assert.Contains(libtorchSays, lastWords);
    }
}
