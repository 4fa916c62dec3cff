using System.Globalization;

namespace NotebookRunner;

/// <summary>The runner's command line, parsed: notebook names and options; <see cref="Error"/> says what was wrong with it.</summary>
public sealed class CommandLineOptions
{
    public List<string> Names { get; } = [];
    public string? OutputFolder { get; private set; }
    public double TimeoutMinutes { get; private set; } = 30;
    public int Jobs { get; private set; } = Runner.DefaultJobs;
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);
    public bool Help { get; private set; }
    public string? Error { get; private set; }

    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CommandLineOptions();
        for (int i = 0; i < args.Count && o.Error is null; i++)
        {
            string? value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "-h" or "--help": o.Help = true; break;
                case "--out": o.OutputFolder = value ?? o.Missing("--out", "a folder"); i++; break;
                case "--timeout": o.SetTimeout(value); i++; break;
                case "--jobs" or "-j": o.SetJobs(value); i++; break;
                case "--env": o.AddEnvironment(value); i++; break;
                case var a when a.StartsWith('-'): o.Error = $"Unknown option '{a}'; see --help."; break;
                default: o.Names.Add(args[i]); break;
            }
        }
        return o;
    }

    string? Missing(string option, string what)
    {
        Error = $"{option} needs {what}.";
        return null;
    }

    void SetTimeout(string? value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double m) && m > 0) TimeoutMinutes = m;
        else Error = $"--timeout needs a number of minutes above 0, not '{value}'.";
    }

    void SetJobs(string? value)
    {
        if (int.TryParse(value, out int jobs) && jobs >= 1) Jobs = jobs;
        else Error = $"--jobs needs a whole number of at least 1, not '{value}'.";
    }

    void AddEnvironment(string? value)
    {
        int eq = value?.IndexOf('=') ?? -1;
        if (eq > 0) Environment[value![..eq]] = value[(eq + 1)..];
        else Error = $"--env needs NAME=VALUE (e.g. --env ATEN_CPU_CAPABILITY=avx2), not '{value}'.";
    }

    public static string HelpText => $"""
        Executes the course notebooks with the kernel VS Code runs (Microsoft.dotnet-interactive, pinned in .config/dotnet-tools.json),
        one fresh kernel per notebook in the notebook's folder, and writes executed copies (with outputs) and course-run.json
        to artifacts/executed/. Sources in notebooks/ are never written.
          dotnet run --project src/NotebookRunner                     run every notebook
          dotnet run --project src/NotebookRunner -- 01 03-linear      run the named notebooks (number, name, or an .ipynb path)
        Options:
          --out DIR           where executed copies and course-run.json go (default artifacts/executed)
          --timeout MINUTES   time each notebook gets (default 30)
          --jobs N, -j N      notebooks at once, each in its own kernel (default {Runner.DefaultJobs}: one per two cores)
          --env NAME=VALUE    set a variable in every kernel's environment (repeatable; recorded in course-run.json), e.g.
                              --env ATEN_CPU_CAPABILITY=avx2 --env MKL_ENABLE_INSTRUCTIONS=AVX2  (as an AVX2-only CPU runs)
        A cell that fails, writes to stderr, gets a compiler warning or kills the kernel fails its notebook; an unreadable
        notebook or one without code fails too, and the others still run. Exit code: 0 all passed, 1 some failed, 2 bad arguments.
        """;
}
