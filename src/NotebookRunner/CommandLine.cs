using System.Diagnostics;

namespace NotebookRunner;

/// <summary>The runner as a program: parse, select, run, summarize. course-run.json is written whatever failed.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var o = CommandLineOptions.Parse(args);
        if (o.Help) { stdout.WriteLine(CommandLineOptions.HelpText); return 0; }
        if (o.Error is not null) { stderr.WriteLine(o.Error); return 2; }
        string root = Repository.Root();
        List<string> notebooks;
        try { notebooks = Runner.Select(root, o.Names); }
        catch (ArgumentException e) { stderr.WriteLine(e.Message); return 2; }
        if (notebooks.Count == 0) { stderr.WriteLine($"No notebooks in {Repository.NotebooksFolder(root)}."); return 2; }

        string output = Path.GetFullPath(o.OutputFolder ?? Runner.DefaultOutputFolder(root));
        var options = new RunOptions(TimeSpan.FromMinutes(o.TimeoutMinutes)) { Environment = o.Environment };
        string version = KernelSession.ToolVersion(root);
        string env = o.Environment.Count == 0 ? "" : $" and {string.Join(" ", o.Environment.Select(e => $"{e.Key}={e.Value}"))}";
        stdout.WriteLine($"Executing {notebooks.Count} notebook(s), {Math.Min(o.Jobs, notebooks.Count)} at a time, with Microsoft.dotnet-interactive {version}{env}; executed copies go to {output}");

        var total = Stopwatch.StartNew();
        IReadOnlyList<RunResult> results = [];
        try { results = await Runner.RunManyAsync(notebooks, output, options, o.Jobs, Progress(stdout, notebooks.Count)); }
        finally { RunSummary.Write(Path.Combine(output, "course-run.json"), results, version, options, o.Jobs, total.Elapsed); }
        int failed = results.Count(r => !r.Succeeded);
        stdout.WriteLine($"{results.Count - failed} passed, {failed} failed in {total.Elapsed.TotalSeconds:F1} s (--jobs {o.Jobs}). Executed copies and course-run.json: {output}");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>One line per finished notebook: its time and slowest cells, or what failed.</summary>
    static Action<RunResult> Progress(TextWriter stdout, int count)
    {
        int done = 0;
        var gate = new object();
        return r =>
        {
            lock (gate)
            {
                done++;
                string slowest = string.Join(", ", r.Slowest(3).Select(c => $"cell {c.CellNumber} {c.Seconds:F1} s"));
                stdout.WriteLine($"[{done}/{count}] {Path.GetFileName(r.Notebook)} " +
                    (r.Succeeded ? $"ok ({r.Elapsed.TotalSeconds:F1} s; slowest: {slowest})" : "FAILED"));
                if (!r.Succeeded) stdout.WriteLine("  " + r.Describe().Replace("\n", "\n  "));
            }
        };
    }
}
