using NotebookRunner;

// Usage: dotnet run --project src/NotebookRunner -- [notebook names...] [--out DIR] [--timeout MINUTES]
var names = new List<string>();
string? outDir = null;
double timeoutMinutes = 30;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
        case "--timeout" when i + 1 < args.Length: timeoutMinutes = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "-h" or "--help":
            Console.WriteLine("Executes the course notebooks headless and writes executed copies (with outputs) to artifacts/executed/.");
            Console.WriteLine("  dotnet run --project src/NotebookRunner                 run every notebook, in order");
            Console.WriteLine("  dotnet run --project src/NotebookRunner -- 01 03-linear  run the named notebooks");
            Console.WriteLine("  options: --out DIR (where executed copies go), --timeout MINUTES (per notebook, default 30)");
            return 0;
        default: names.Add(args[i]); break;
    }
}

string root = Runner.RepositoryRoot(Directory.GetCurrentDirectory());
List<string> notebooks;
try { notebooks = Runner.Select(root, names); }
catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
string output = Path.GetFullPath(outDir ?? Runner.DefaultOutputFolder(root));
if (notebooks.Count == 0) { Console.Error.WriteLine($"No notebooks in {Runner.NotebooksFolder(root)}."); return 2; }

Console.WriteLine($"Executing {notebooks.Count} notebook(s); executed copies go to {output}");
var total = System.Diagnostics.Stopwatch.StartNew();
var failures = new List<RunResult>();
for (int i = 0; i < notebooks.Count; i++)
{
    Console.Write($"[{i + 1}/{notebooks.Count}] {Path.GetFileName(notebooks[i])} ... ");
    var result = await Runner.RunAsync(notebooks[i], output, TimeSpan.FromMinutes(timeoutMinutes));
    Console.WriteLine(result.Succeeded ? $"ok ({result.Elapsed.TotalSeconds:F1} s)" : "FAILED");
    if (!result.Succeeded)
    {
        Console.WriteLine("  " + result.Describe().Replace("\n", "\n  "));
        failures.Add(result);
    }
}
Console.WriteLine($"{notebooks.Count - failures.Count} passed, {failures.Count} failed in {total.Elapsed.TotalSeconds:F1} s. Executed copies: {output}");
return failures.Count == 0 ? 0 : 1;
