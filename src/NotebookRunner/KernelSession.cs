using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace NotebookRunner;

/// <summary>One event line the kernel wrote: its type, its payload, and the token of the command it belongs to.</summary>
public sealed record KernelEvent(string Type, JsonObject Event, string? Token, DateTimeOffset At);

/// <summary>
/// A fresh `Microsoft.dotnet-interactive` kernel (the tool VS Code's Polyglot extension runs, pinned in
/// .config/dotnet-tools.json), driven over its stdio protocol as editors drive it: one JSON command per line in,
/// one JSON event per line out, both UTF-8.
/// </summary>
public sealed class KernelSession : IAsyncDisposable
{
    readonly Process _process;
    readonly Channel<KernelEvent> _events = Channel.CreateUnbounded<KernelEvent>();
    readonly StringBuilder _stderr = new();
    readonly Task _pump;
    int _next;

    KernelSession(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>What the kernel process wrote to its own stderr (not a cell's stderr, which arrives as events).</summary>
    public string ProcessLog { get { lock (_stderr) return _stderr.ToString(); } }

    public bool HasExited => _process.HasExited;
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// Starts the pinned tool from <paramref name="repositoryRoot"/> (where its manifest is) with the kernel's working
    /// directory set to <paramref name="workingDirectory"/> (the notebook's folder, as VS Code does), and waits for KernelReady.
    /// </summary>
    public static async Task<KernelSession> StartAsync(string repositoryRoot, string workingDirectory, TimeSpan timeout, CancellationToken ct)
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

        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start `dotnet`; is the .NET SDK on PATH?");
        var session = new KernelSession(process);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var e = await session.ReadAsync(cts.Token);
                if (e is null)
                {
                    string log = session.ProcessLog;
                    string hint = log.Contains("Cannot find a tool in the manifest", StringComparison.Ordinal) || log.Contains("dotnet tool restore", StringComparison.Ordinal)
                        ? " The tool is not installed: run `dotnet tool restore` in the repository root."
                        : "";
                    await session.DisposeAsync();
                    throw new KernelException($"the kernel exited before it was ready (exit code {session.ExitCode}).{hint}\n{Tail(log, 1500)}");
                }
                if (e.Type == "KernelReady") return session;
            }
        }
        catch (OperationCanceledException)
        {
            await session.DisposeAsync(); // never leave a kernel process behind
            if (ct.IsCancellationRequested) throw;
            throw new KernelException($"the kernel did not report ready within {timeout.TotalSeconds:F0} s.");
        }
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
        await _process.StandardInput.WriteLineAsync(command.ToJsonString());
        await _process.StandardInput.FlushAsync();
        return token;
    }

    /// <summary>The next event, or null once the kernel has exited and every event was read.</summary>
    public async Task<KernelEvent?> ReadAsync(CancellationToken ct)
    {
        if (await _events.Reader.WaitToReadAsync(ct) && _events.Reader.TryRead(out var e)) return e;
        return null;
    }

    async Task PumpAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith('{')) continue; // the tool's banner and other plain lines are not protocol
                JsonObject? obj;
                try { obj = JsonNode.Parse(line) as JsonObject; }
                catch (System.Text.Json.JsonException) { continue; }
                if (obj?["eventType"]?.GetValue<string>() is not { } type) continue;
                string? token = obj["command"]?["token"]?.GetValue<string>();
                await _events.Writer.WriteAsync(new KernelEvent(type, obj["event"] as JsonObject ?? [], token, DateTimeOffset.UtcNow));
            }
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

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
        _process.Dispose();
    }

    internal static string Tail(string s, int n) => s.Length <= n ? s : "…" + s[^n..];
}

/// <summary>The kernel could not be started or died; the message says which.</summary>
public sealed class KernelException(string message) : Exception(message);
