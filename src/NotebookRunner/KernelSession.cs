using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace NotebookRunner;

/// <summary>
/// The transport: a fresh `Microsoft.dotnet-interactive` kernel (the tool VS Code's Polyglot extension runs, pinned in
/// .config/dotnet-tools.json), driven over its stdio protocol as editors drive it: one JSON command per line in, one JSON
/// event per line out, both UTF-8.
/// </summary>
public sealed class KernelSession : IAsyncDisposable
{
    /// <summary>How long a kernel whose output has ended gets to exit before it is killed.</summary>
    static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Kernels not yet disposed. When the process that started them ends with kernels still running (a test host that
    /// finishes while a notebook is executing, a runner stopped with SIGTERM, Ctrl+C or a closed terminal), they are
    /// killed, so no orphaned kernel keeps spinning on the machine. .NET does not raise ProcessExit on SIGTERM, hence
    /// the signal registrations (measured: without them a runner stopped with SIGTERM left its kernel running).
    /// </summary>
    static readonly ConcurrentDictionary<Process, byte> Live = new();

    static readonly PosixSignalRegistration[] Signals;   // held so that the registrations stay alive (disposing one ends it)

    static KernelSession()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillLive();
        var registered = new List<PosixSignalRegistration>();
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP })
            try { registered.Add(PosixSignalRegistration.Create(signal, _ => KillLive())); } // the signal then ends the process as usual
            catch (PlatformNotSupportedException) { }
        Signals = [.. registered];
    }

    static void KillLive()
    {
        foreach (var process in Live.Keys)
            try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
    }

    readonly Process _process;
    readonly Channel<KernelEvent> _events = Channel.CreateUnbounded<KernelEvent>();
    readonly StringBuilder _stderr = new();
    readonly Task _pump;
    int _next;

    KernelSession(Process process)
    {
        _process = process;
        Live.TryAdd(process, 0);
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Everything the kernel process wrote to its own stderr (a cell's stderr arrives as events instead).</summary>
    public string ProcessLog { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>
    /// Starts the pinned tool from <paramref name="repositoryRoot"/> (where its manifest is), working in
    /// <paramref name="workingDirectory"/> (the notebook's folder, as VS Code does) with <paramref name="environment"/>
    /// added to its environment, and waits for KernelReady.
    /// </summary>
    public static async Task<KernelSession> StartAsync(string repositoryRoot, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken ct)
    {
        Process? process;
        try { process = Process.Start(StartInfo(repositoryRoot, workingDirectory, environment)); }
        catch (System.ComponentModel.Win32Exception e) { throw new KernelException($"could not start `dotnet` ({e.Message}); is the .NET SDK on PATH?"); }
        var session = new KernelSession(process ?? throw new KernelException("could not start `dotnet`; is the .NET SDK on PATH?"));
        bool ready = false;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            while (await session.ReadAsync(cts.Token) is { } e)
                if (e.Type == "KernelReady") { ready = true; return session; }
            var exit = await session.WaitForExitAsync();
            string log = session.ProcessLog;
            string hint = log.Contains("dotnet tool restore", StringComparison.Ordinal) || log.Contains("Cannot find a tool", StringComparison.Ordinal)
                ? " The tool is not installed: run `dotnet tool restore` in the repository root." : "";
            throw new KernelException($"the kernel exited before it was ready: {exit.Code}.{hint}\n{exit.Reason}".TrimEnd());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new KernelException($"the kernel did not report ready within {timeout.TotalSeconds:F0} s.");
        }
        finally
        {
            if (!ready) await session.DisposeAsync(); // never leave a kernel process behind
        }
    }

    static ProcessStartInfo StartInfo(string repositoryRoot, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in new[] { "tool", "run", "dotnet-interactive", "--", "stdio", "--default-kernel", "csharp", "--working-dir", workingDirectory })
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        return psi;
    }

    /// <summary>Sends a SubmitCode command; returns its token. Events of the command carry this token or "token.N".</summary>
    public async Task<string> SubmitAsync(string code)
    {
        string token = $"cell-{++_next}";
        var command = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
        };
        try
        {
            await _process.StandardInput.WriteLineAsync(command.ToJsonString());
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException) { } // the kernel has died; ReadAsync reports the end of its output
        return token;
    }

    /// <summary>The next event, or null once the kernel's output has ended (it exited) and every event was read.</summary>
    public async Task<KernelEvent?> ReadAsync(CancellationToken ct)
    {
        if (await _events.Reader.WaitToReadAsync(ct) && _events.Reader.TryRead(out var e)) return e;
        return null;
    }

    /// <summary>
    /// Waits for the process to exit (killing it if it has not within a grace period) and for its stderr to be read to
    /// the end, then says how it ended. Call it once ReadAsync returned null: the exit code is known only after the exit.
    /// </summary>
    public async Task<KernelExit> WaitForExitAsync()
    {
        using var grace = new CancellationTokenSource(ExitGrace);
        try { await _process.WaitForExitAsync(grace.Token); }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        return KernelExit.From(_process.ExitCode, ProcessLog);
    }

    async Task PumpAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
                if (Parse(line) is { } e) await _events.Writer.WriteAsync(e);
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    static KernelEvent? Parse(string line)
    {
        if (!line.StartsWith('{')) return null; // the tool's banner and other plain lines are not protocol
        JsonObject? obj;
        try { obj = JsonNode.Parse(line) as JsonObject; }
        catch (System.Text.Json.JsonException) { return null; }
        if (obj?["eventType"]?.GetValue<string>() is not { } type) return null;
        string? token = obj["command"]?["token"]?.GetValue<string>();
        return new KernelEvent(type, obj["event"] as JsonObject ?? [], token, DateTimeOffset.UtcNow);
    }

    /// <summary>Ends the kernel and its child processes (an orphaned kernel keeps spinning).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                try { _process.StandardInput.Close(); } catch (IOException) { }
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync();
            await _pump;
        }
        catch (InvalidOperationException) { }
        Live.TryRemove(_process, out _);
        _process.Dispose();
    }

    /// <summary>The version of the kernel tool pinned in .config/dotnet-tools.json.</summary>
    public static string ToolVersion(string root)
    {
        string manifest = Path.Combine(root, ".config", "dotnet-tools.json");
        try { return JsonNode.Parse(File.ReadAllText(manifest))?["tools"]?["microsoft.dotnet-interactive"]?["version"]?.GetValue<string>() ?? "?"; }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException) { return "?"; }
    }
}
