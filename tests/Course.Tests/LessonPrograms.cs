using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Course.Tests;

/// <summary>One lesson program built and run as a learner runs it: its build's and its run's output, exit codes and times.</summary>
public sealed record ProgramRun(string Program, int BuildExitCode, string BuildOutput, TimeSpan BuildTime,
    int ExitCode, string Output, string Errors, TimeSpan RunTime)
{
    /// <summary>What went wrong, for an assertion message.</summary>
    public string Describe() =>
        BuildExitCode != 0 ? $"`dotnet build {Program}` failed (exit code {BuildExitCode}):\n{Tail(BuildOutput)}"
        : $"`dotnet run {Program}` exited with {ExitCode}; stderr:\n{Tail(Errors)}\nlast output:\n{Tail(Output)}";

    static string Tail(string text) => text.Length > 3000 ? "…" + text[^3000..] : text;
}

/// <summary>
/// Each program in programs/ built (<c>dotnet build programs/NN-topic.cs</c>) and run (<c>dotnet run --no-build …</c>) from the
/// repository root at most once per test run, so that several tests can read one run. The first request starts them all, one
/// at a time in course order (each builds the library reference and keeps a core busy), so they run while the notebooks they
/// are compared with execute in their kernels. Each program's times go to artifacts/programs/program-runs.json.
/// </summary>
public static class LessonPrograms
{
    static readonly string Root = Repository.Root();
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);
    static readonly SemaphoreSlim Gate = new(1);
    static readonly Lazy<Dictionary<string, Task<ProgramRun>>> Runs = new(() =>
        Directory.GetFiles(Folder, "*.cs").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            .ToDictionary(f => f, Throttled, StringComparer.Ordinal));
    static readonly ConcurrentDictionary<string, ProgramRun> Finished = new(StringComparer.Ordinal);

    /// <summary>programs/: the lessons as programs.</summary>
    public static string Folder => Path.Combine(Root, "programs");

    /// <summary>The build and run of programs/<paramref name="fileName"/> (e.g. "05-automatic-differentiation.cs").</summary>
    public static Task<ProgramRun> RunAsync(string fileName) =>
        Runs.Value.TryGetValue(fileName, out var run) ? run
            : throw new ArgumentException($"No program {fileName} in {Folder}: run `{CoursePrograms.ProgramGenerator.Command}`.", nameof(fileName));

    static async Task<ProgramRun> Throttled(string fileName)
    {
        await Gate.WaitAsync();
        try
        {
            string program = "programs/" + fileName;
            var (buildCode, buildOut, _, buildTime) = await Dotnet(["build", program]);
            if (buildCode != 0) return Record(new ProgramRun(program, buildCode, buildOut, buildTime, -1, "", "", TimeSpan.Zero));
            var (code, output, errors, runTime) = await Dotnet(["run", "--no-build", program]);
            return Record(new ProgramRun(program, buildCode, buildOut, buildTime, code, output, errors, runTime));
        }
        finally { Gate.Release(); }
    }

    static ProgramRun Record(ProgramRun run)
    {
        Finished[run.Program] = run;
        string folder = Path.Combine(Repository.ArtifactsFolder(Root), "programs");
        Directory.CreateDirectory(folder);
        var times = Finished.Values.OrderBy(r => r.Program, StringComparer.Ordinal)
            .Select(r => new { program = r.Program, buildSeconds = Math.Round(r.BuildTime.TotalSeconds, 1), runSeconds = Math.Round(r.RunTime.TotalSeconds, 1), exitCode = r.ExitCode });
        File.WriteAllText(Path.Combine(folder, "program-runs.json"), JsonSerializer.Serialize(times, new JsonSerializerOptions { WriteIndented = true }));
        return run;
    }

    static async Task<(int Code, string Output, string Errors, TimeSpan Elapsed)> Dotnet(string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start `dotnet`.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, $"timed out after {Timeout.TotalMinutes} minutes\n" + await errors, watch.Elapsed);
        }
        return (process.ExitCode, await output, await errors, watch.Elapsed);
    }
}
