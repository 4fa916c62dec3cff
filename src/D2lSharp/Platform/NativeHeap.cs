using System.Runtime.InteropServices;

namespace D2lSharp.Platform;

/// <summary>
/// Course plumbing: how many bytes of the C heap the process has in use, the one place where the values autograd keeps for a
/// backward pass show up (libtorch's CPU allocator takes tensor memory from posix_memalign, of the malloc family, which glibc's
/// heap statistics count; no C# object points at those values).
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

    /// <summary>
    /// Course plumbing (notebook 12's memory measurements): how many MB of the C heap what <paramref name="make"/> returns keeps
    /// until it is disposed, rounded to 0.1 MB — or NaN where the heap cannot be read (<see cref="IsAvailable"/>), or when no
    /// <paramref name="agreeing"/> readings agreed within <paramref name="maxTries"/> tries. One reading is
    /// <see cref="BytesInUse"/> before and after <paramref name="make"/> runs; its result is disposed after each reading.
    /// The heap belongs to the whole process, and other threads allocate and free now and then, so one reading can be off by
    /// some kilobytes and now and then by megabytes: the call repeats <paramref name="make"/> until <paramref name="agreeing"/>
    /// readings give the same rounded value. Garbage is collected first, so that tensors nobody disposed are freed now and not
    /// during a reading.
    /// </summary>
    /// <param name="make">Runs the computation to measure and returns what holds its memory (a tensor, for instance).</param>
    /// <param name="agreeing">How many rounded readings must agree.</param>
    /// <param name="maxTries">How many readings to take at most before giving up (NaN).</param>
    public static double LeftAfter(Func<IDisposable> make, int agreeing = 5, int maxTries = 15)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (agreeing < 1 || maxTries < agreeing)
            throw new ArgumentOutOfRangeException(nameof(maxTries), $"expected 1 ≤ agreeing ≤ maxTries, got agreeing = {agreeing}, maxTries = {maxTries}");
        if (!IsAvailable) return double.NaN;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var seen = new Dictionary<double, int>();
        for (int i = 0; i < maxTries; i++)
        {
            long before = BytesInUse()!.Value;
            var result = make();
            long after = BytesInUse()!.Value;
            result?.Dispose();
            double mb = Math.Round((after - before) / 1e6, 1) + 0.0;   // + 0.0 turns a rounded −0.0 into 0.0
            seen[mb] = seen.GetValueOrDefault(mb) + 1;
            if (seen[mb] == agreeing) return mb;
        }
        return double.NaN;
    }
}
