using NotebookRunner;

// Usage: dotnet run --project src/NotebookRunner -- [notebook names...] [--out DIR] [--timeout MINUTES] [--jobs N]
var names = new List<string>();
string? outDir = null;
double timeoutMinutes = 30;
int jobs = Runner.DefaultJobs;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
        case "--timeout" when i + 1 < args.Length: timeoutMinutes = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--jobs" or "-j" when i + 1 < args.Length:
            if (!int.TryParse(args[++i], out jobs) || jobs < 1) { Console.Error.WriteLine($"--jobs needs a whole number of at least 1, not '{args[i]}'."); return 2; }
            break;
        case "-h" or "--help":
            Console.WriteLine("Executes the course notebooks with the kernel VS Code runs (Microsoft.dotnet-interactive, pinned in .config/dotnet-tools.json)");
            Console.WriteLine("and writes executed copies (with outputs) and course-run.json to artifacts/executed/.");
            Console.WriteLine("  dotnet run --project src/NotebookRunner                 run every notebook");
            Console.WriteLine("  dotnet run --project src/NotebookRunner -- 01 03-linear  run the named notebooks");
            Console.WriteLine($"  options: --out DIR (where executed copies go), --timeout MINUTES (per notebook, default 30),");
            Console.WriteLine($"           --jobs N (notebooks at once, each in its own kernel; default {Runner.DefaultJobs}: one per two cores)");
            return 0;
        default: names.Add(args[i]); break;
    }
}

string root = Repository.Root();
List<string> notebooks;
try { notebooks = Runner.Select(root, names); }
catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
string output = Path.GetFullPath(outDir ?? Runner.DefaultOutputFolder(root));
if (notebooks.Count == 0) { Console.Error.WriteLine($"No notebooks in {Repository.NotebooksFolder(root)}."); return 2; }

Console.WriteLine($"Executing {notebooks.Count} notebook(s), {Math.Min(jobs, notebooks.Count)} at a time, with Microsoft.dotnet-interactive {Runner.ToolVersion(root)}; executed copies go to {output}");
var total = System.Diagnostics.Stopwatch.StartNew();
int done = 0;
var gate = new object();
var results = await Runner.RunManyAsync(notebooks, output, TimeSpan.FromMinutes(timeoutMinutes), jobs, r =>
{
    lock (gate)
    {
        done++;
        string slowest = string.Join(", ", r.Slowest(3).Select(c => $"cell {c.CellNumber} {c.Seconds:F1} s"));
        Console.WriteLine($"[{done}/{notebooks.Count}] {Path.GetFileName(r.Notebook)} " +
            (r.Succeeded ? $"ok ({r.Elapsed.TotalSeconds:F1} s; slowest: {slowest})" : "FAILED"));
        if (!r.Succeeded) Console.WriteLine("  " + r.Describe().Replace("\n", "\n  "));
    }
});
total.Stop();
Runner.WriteSummary(Path.Combine(output, "course-run.json"), results, jobs, total.Elapsed);
int failed = results.Count(r => !r.Succeeded);
Console.WriteLine($"{results.Count - failed} passed, {failed} failed in {total.Elapsed.TotalSeconds:F1} s (--jobs {jobs}). Executed copies and course-run.json: {output}");
return failed == 0 ? 0 : 1;
