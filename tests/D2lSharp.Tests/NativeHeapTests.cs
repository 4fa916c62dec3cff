using System.Runtime.InteropServices;
using D2lSharp.Platform;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

/// <summary>
/// The C heap is the whole process's: no other test may allocate while these read it.
/// </summary>
[CollectionDefinition(nameof(NativeHeapTests), DisableParallelization = true)]
public class NativeHeapCollection;

/// <summary>NativeHeap reads the C heap where glibc's mallinfo2 exists, sees what malloc hands out, and says null elsewhere.</summary>
[Collection(nameof(NativeHeapTests))]
public class NativeHeapTests
{
    const long MB = 1_000_000;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    delegate IntPtr VersionFunction();

    /// <summary>glibc's version ("2.36") when this process runs on glibc (Debian, Ubuntu, Fedora…), or null (Windows, macOS, musl).</summary>
    static Version? GlibcVersion()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc)
            || !NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out var address)) return null;
        string text = Marshal.PtrToStringAnsi(Marshal.GetDelegateForFunctionPointer<VersionFunction>(address)())!;
        return Version.Parse(text);
    }

    [Fact]
    public void Is_available_exactly_where_glibc_is_2_33_or_newer_and_null_elsewhere()
    {
        bool glibcWithMallinfo2 = GlibcVersion() is { } v && v >= new Version(2, 33);
        Assert.Equal(glibcWithMallinfo2, NativeHeap.IsAvailable);
        if (NativeHeap.IsAvailable) Assert.True(NativeHeap.BytesInUse() > 0);
        else Assert.Null(NativeHeap.BytesInUse());
    }

    [Fact]
    public void Sees_a_malloc_block_come_and_go()
    {
        if (!NativeHeap.IsAvailable) return;   // nothing to measure on this system; the test above checks the null
        long before = NativeHeap.BytesInUse()!.Value;
        IntPtr block = Marshal.AllocHGlobal((nint)(32 * MB));   // malloc on Unix
        long during;
        try
        {
            during = NativeHeap.BytesInUse()!.Value;
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
        long after = NativeHeap.BytesInUse()!.Value;
        // other threads of the test host allocate too: allow them a few MB either way
        Assert.InRange(during - before, 28 * MB, 36 * MB);
        Assert.InRange(during - after, 28 * MB, 36 * MB);
    }

    [Fact]
    public void Counts_the_memory_of_a_tensor_libtorch_allocates()
    {
        if (!NativeHeap.IsAvailable) return;
        long before = NativeHeap.BytesInUse()!.Value;
        var t = zeros(4096, 1024);                       // 4096 × 1024 float32 = 16.8 MB
        long during = NativeHeap.BytesInUse()!.Value;
        t.Dispose();
        long after = NativeHeap.BytesInUse()!.Value;
        Assert.InRange(during - before, 14 * MB, 20 * MB);
        Assert.InRange(during - after, 14 * MB, 20 * MB);
    }
    [Fact]
    public void LeftAfter_reads_what_a_result_keeps_to_a_tenth_of_a_MB_and_disposes_it()
    {
        if (!NativeHeap.IsAvailable)
        {
            Assert.True(double.IsNaN(NativeHeap.LeftAfter(() => zeros(2500, 100))));
            return;
        }
        // Every result LeftAfter asked make() for is disposed by it (Tensor.TotalCount is process-wide, so check each one).
        var made = new List<Tensor>();
        Tensor Keep(Tensor t) { made.Add(t); return t; }
        Assert.Equal(1.0, NativeHeap.LeftAfter(() => Keep(zeros(2500, 100))));   // 2500 × 100 float32 = 1,000,000 bytes
        Assert.Equal(4.0, NativeHeap.LeftAfter(() => Keep(zeros(1000, 1000))));  // 4,000,000 bytes
        // what make() allocates and frees before it returns is not counted: only what its result keeps
        Assert.Equal(0.0, NativeHeap.LeftAfter(() =>
        {
            using (zeros(1000, 1000)) { }
            return Keep(zeros(10));
        }));
        Assert.NotEmpty(made);
        Assert.All(made, t => Assert.True(t.IsInvalid, "a result of make() was not disposed"));
    }

    [Fact]
    public void LeftAfter_names_wrong_settings()
    {
        Assert.Throws<ArgumentNullException>(() => NativeHeap.LeftAfter(null!));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NativeHeap.LeftAfter(() => zeros(1), agreeing: 5, maxTries: 3));
        Assert.Contains("agreeing = 5, maxTries = 3", e.Message);
    }
}
