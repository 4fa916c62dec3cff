namespace NotebookRunner;

/// <summary>How a kernel process ended: its exit code, and the reason it gave on its own stderr (stack frames left out).</summary>
public sealed record KernelExit(int ExitCode, string Reason)
{
    /// <summary>Reads the exit of a process that has exited, from its exit code and everything it wrote to stderr.</summary>
    public static KernelExit From(int exitCode, string log) => new(exitCode, ReasonIn(log));

    /// <summary>"exit code 134, killed by signal 6 (SIGABRT)", or "exit code 1".</summary>
    public string Code => ExitCode is > 128 and < 160
        ? $"exit code {ExitCode}, killed by signal {ExitCode - 128}{SignalName(ExitCode - 128)}"
        : $"exit code {ExitCode}";

    /// <summary>The exit code, then the reason when there is one.</summary>
    public override string ToString() => Reason.Length == 0 ? Code : $"{Code}\n{Reason}";

    static string SignalName(int signal) => signal switch
    {
        2 => " (SIGINT)", 4 => " (SIGILL)", 6 => " (SIGABRT)", 7 => " (SIGBUS)", 8 => " (SIGFPE)",
        9 => " (SIGKILL)", 11 => " (SIGSEGV)", 13 => " (SIGPIPE)", 15 => " (SIGTERM)",
        _ => "",
    };

    /// <summary>
    /// Why a process died, from its stderr: a C++ exception that reached std::terminate (libtorch's "terminate called …"
    /// and "what(): …" lines, e.g. a matmul shape error), .NET's "Process terminated." (Environment.FailFast) or
    /// "Unhandled exception." block, else the last lines of the log. Native "frame #N" lines and managed "at …" lines are left out.
    /// </summary>
    public static string ReasonIn(string log)
    {
        var lines = log.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0).ToList();
        int start = lines.FindLastIndex(l => l.StartsWith("terminate called", StringComparison.Ordinal)
            || l.StartsWith("Process terminated.", StringComparison.Ordinal) || l.StartsWith("Unhandled exception.", StringComparison.Ordinal));
        var reason = start >= 0
            ? lines.Skip(start).TakeWhile(l => !IsStackLine(l)).Where(l => !l.StartsWith("Exception raised from", StringComparison.Ordinal))
            : lines.Where(l => !IsStackLine(l)).TakeLast(10);
        string text = string.Join("\n", reason);
        return text.Length <= 1500 ? text : "…" + text[^1500..];
    }

    static bool IsStackLine(string line)
    {
        string t = line.TrimStart();
        return t.StartsWith("frame #", StringComparison.Ordinal) || (line.StartsWith("   at ", StringComparison.Ordinal) && t.Length > 3);
    }
}
