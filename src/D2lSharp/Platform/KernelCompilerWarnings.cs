using System.Reflection;

namespace D2lSharp.Platform;

/// <summary>What <see cref="KernelCompilerWarnings.Apply"/> did.</summary>
public sealed record KernelWarningsReport(bool InKernel, bool Changed, string Detail);

/// <summary>
/// Course plumbing: stops the C# kernel from warning CS1701 under every cell that uses TorchSharp (built for .NET 8; cells
/// compile against .NET 10). SDK projects switch CS1701 off by default; the kernel's Roslyn script options have no
/// per-warning switch, only a level, so this sets the level to 1 (CS1701 is level 2; likely-bug warnings such as CS8632
/// still show). The options are a private field: the one place the course reflects on the kernel. Outside a kernel, or
/// if the field is not found, nothing changes and the report says so.
/// </summary>
public static class KernelCompilerWarnings
{
    /// <summary>The warning level the kernel compiles cells with after <see cref="Apply"/>.</summary>
    public const int Level = 1;

    /// <summary>Lowers the running C# kernel's warning level to <see cref="Level"/>; does nothing outside a kernel.</summary>
    public static KernelWarningsReport Apply()
    {
        // The kernel running this cell, through the public API: null in a plain program or a test, where nothing changes.
        var kernel = Microsoft.DotNet.Interactive.KernelInvocationContext.Current?.HandlingKernel;
        if (kernel is null) return new(false, false, "not running in a .NET Interactive kernel");
        var field = kernel.GetType().GetField("_scriptOptions", BindingFlags.NonPublic | BindingFlags.Instance);
        object? options = field?.GetValue(kernel);
        var level = options?.GetType().GetProperty("WarningLevel");
        var with = options?.GetType().GetMethod("WithWarningLevel", [typeof(int)]);
        if (field is null || options is null || level is null || with is null)
            return new(true, false, $"the {kernel.GetType().Name}'s script options were not found; CS1701 may still appear under cells that use TorchSharp");
        int before = (int)level.GetValue(options)!;
        if (before <= Level) return new(true, false, $"kernel warning level already {before}");
        field.SetValue(kernel, with.Invoke(options, [Level]));
        return new(true, true, $"kernel warning level {before} → {Level} (hides CS1701 for TorchSharp's .NET 8 references)");
    }
}
