using System.Reflection;

namespace D2lSharp.Platform;

/// <summary>What <see cref="KernelCompilerWarnings.Apply"/> did.</summary>
public sealed record KernelWarningsReport(bool InKernel, bool Changed, string Detail);

/// <summary>
/// Course plumbing: stops the .NET Interactive C# kernel from reporting warning CS1701 on cells that use TorchSharp.
/// <para>
/// The cause: TorchSharp 0.107 is built for .NET 8, so it references System.Runtime.Numerics 8.0.0.0, while the kernel
/// compiles cells against .NET 10's 10.0.0.0. Every C# project built with the .NET SDK has CS1701 ("assuming assembly
/// reference … matches identity …") and CS1702 switched off by default (NoWarn 1701;1702) because that unification is
/// exactly what the .NET runtime does. The kernel's script compiler has no such default, so cells calling
/// <c>tensor(...)</c> (whose overloads mention <c>System.Numerics.Complex</c>) got the warning, which Jupyter shows as
/// text under the cell and the course's runner counts as a failure.
/// </para>
/// <para>
/// Roslyn's scripting options (the only compiler settings the kernel has) offer no per-warning switch, only a warning
/// level. CS1701 is a level-2 warning, so the kernel's options are set to level 1: the level of every warning that
/// points at a likely bug (nullable annotations such as CS8632, and all errors, still appear); level 2–4 advice such as
/// "variable declared but never used" no longer does. The options are a private field of the kernel (no public API sets
/// them), so this is the one place the course uses reflection on the kernel; nothing changes outside a kernel, or if the
/// kernel's internals are not what this was written against (the report says so, and CS1701 then shows again).
/// </para>
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
        // Roslyn's options are private to the kernel: the one place the course reaches into it (see the remarks above).
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
