using System.Runtime.InteropServices;

namespace D2lSharp.Platform;

/// <summary>
/// Course plumbing: how many bytes of the C heap the process has in use, the one place where the values autograd keeps for a
/// backward pass show up (libtorch's CPU allocator takes tensor memory from malloc, and no C# object points at those values).
/// First used in notebook 12. It asks glibc's <c>mallinfo2()</c> (glibc 2.33 or newer, Linux), looked up at run time; on every
/// other system (Windows, macOS, Linux with musl or an older glibc) <see cref="BytesInUse"/> returns null instead of a number.
/// </summary>
public static class NativeHeap
{
    /// <summary>glibc's <c>struct mallinfo2</c>: ten <c>size_t</c> fields, in this order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    struct MallInfo2
    {
        public nuint Arena, OrdBlks, SmBlks, HBlks, HBlkHd, UsmBlks, FsmBlks, UordBlks, FordBlks, KeepCost;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    delegate MallInfo2 MallInfo2Function();

    static readonly Lazy<MallInfo2Function?> Function = new(Find);

    /// <summary>glibc's mallinfo2, or null where there is none: not Linux, no libc.so.6, or a libc without that symbol.</summary>
    static MallInfo2Function? Find()
    {
        if (!OperatingSystem.IsLinux()) return null;
        if (!NativeLibrary.TryLoad("libc.so.6", out var libc)) return null;
        return NativeLibrary.TryGetExport(libc, "mallinfo2", out var address)
            ? Marshal.GetDelegateForFunctionPointer<MallInfo2Function>(address)
            : null;
    }

    /// <summary>Whether <see cref="BytesInUse"/> can measure on this system (Linux with glibc 2.33 or newer).</summary>
    public static bool IsAvailable => Function.Value is not null;

    /// <summary>
    /// Bytes of the C heap in use by the whole process — every thread's allocations in every arena (<c>uordblks</c>), plus the
    /// large blocks malloc placed in their own memory mappings (<c>hblkhd</c>) — or null on a system without glibc's mallinfo2.
    /// It counts what other threads hold too, so a difference of two readings is exact only up to what they allocated meanwhile.
    /// </summary>
    public static long? BytesInUse()
    {
        if (Function.Value is not { } mallinfo2) return null;
        var info = mallinfo2();
        return checked((long)(info.UordBlks + info.HBlkHd));
    }
}
