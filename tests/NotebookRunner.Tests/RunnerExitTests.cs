using System.Diagnostics;
using System.Text.Json.Nodes;

using Course.Tests.Shared;

namespace NotebookRunner.Tests;

/// <summary>A fact that needs Linux: it reads /proc and sends SIGTERM.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "reads /proc and sends SIGTERM, which only Linux offers here";
    }
}

/// <summary>A runner that is stopped leaves no kernel behind: an orphaned kernel keeps spinning on the learner's machine.</summary>
public class RunnerExitTests
{
    static readonly string Root = Repository.Root();

    [LinuxFact]
    public async Task A_runner_stopped_with_SIGTERM_mid_cell_takes_its_kernel_with_it()
    {
        string scratch = Path.Combine(Root, "artifacts", "test-executed", "runner-exit");
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        Directory.CreateDirectory(scratch);
        string notebook = Path.Combine(scratch, "runner-sleep.ipynb");
        var cell = new JsonObject
        {
            ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["execution_count"] = null,
            ["source"] = "System.IO.File.WriteAllText(\"cell-started\", \"\");\nSystem.Threading.Thread.Sleep(TimeSpan.FromMinutes(10));",
        };
        var nb = new JsonObject
        {
            ["cells"] = new JsonArray(cell),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" } },
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        File.WriteAllText(notebook, nb.ToJsonString());

        string runnerDll = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { runnerDll, notebook, "--out", Path.Combine(scratch, "out"), "--jobs", "1" }) psi.ArgumentList.Add(a);
        using var runner = Process.Start(psi)!;
        _ = runner.StandardOutput.ReadToEndAsync();
        _ = runner.StandardError.ReadToEndAsync();

        string started = Path.Combine(scratch, "cell-started"); // the cell writes it in the notebook's folder, then sleeps
        List<int> kernels = [];
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (!File.Exists(started) && DateTime.UtcNow < deadline && !runner.HasExited) await Task.Delay(250);
            Assert.True(File.Exists(started), "the test notebook's cell never started");
            kernels = [.. KernelsWorkingIn(scratch)];
            Assert.NotEmpty(kernels);

            using (var term = Process.Start("kill", ["-TERM", runner.Id.ToString()])) await term.WaitForExitAsync();
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await runner.WaitForExitAsync(wait.Token);

            var gone = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (kernels.Any(Alive) && DateTime.UtcNow < gone) await Task.Delay(200);
            Assert.False(kernels.Any(Alive), $"kernel processes {string.Join(", ", kernels.Where(Alive))} outlived their runner");
        }
        finally
        {
            foreach (int pid in KernelsWorkingIn(scratch)) try { Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
            if (!runner.HasExited) runner.Kill(entireProcessTree: true);
        }
    }

    static bool Alive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>The kernel processes (the tool and its .NET Interactive app) whose command line names this working directory.</summary>
    static IEnumerable<int> KernelsWorkingIn(string folder)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            string cmdline;
            try { cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' '); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (cmdline.Contains("dotnet-interactive", StringComparison.OrdinalIgnoreCase) || cmdline.Contains("DotNet.Interactive.App", StringComparison.Ordinal))
                if (cmdline.Contains($"--working-dir {folder}", StringComparison.Ordinal)) yield return pid;
        }
    }
}
