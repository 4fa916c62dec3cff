using D2lSharp.Platform;
using static TorchSharp.torch;

namespace D2lSharp.Tests;

public class SetupTests
{
    [Fact]
    public void Setup_is_idempotent_and_reports_the_same_native_decision()
    {
        var first = Course.Setup();
        var second = Course.Setup();
        Assert.Same(first.Native, second.Native);
        Assert.False(second.FirstCall);
        using var t = ones(2, 2).sum();
        Assert.Equal(4f, t.item<float>());
    }

    [Fact]
    public void Setup_seeds_the_generator()
    {
        Course.Setup(seed: 7);
        using var a = rand(3);
        Course.Setup(seed: 7);
        using var b = rand(3);
        Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
    }

    [Fact]
    public void Autograd_works_after_setup()
    {
        using var x = tensor(new[] { 1f, 2f, 3f }, requires_grad: true);
        using var y = (2 * x.dot(x));
        y.backward();
        Assert.Equal(new[] { 4f, 8f, 12f }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Patch_is_applied_exactly_when_the_system_libstdcxx_lacks_a_needed_version()
    {
        if (!OperatingSystem.IsLinux()) return;
        var provided = new ElfImage(LibTorchLoader.FindSystemLibStdCxx()).DefinedVersions();
        Assert.Contains("GLIBCXX_3.4", provided);
        var report = LibTorchLoader.EnsureLoaded();
        bool lacks = !provided.Contains("GLIBCXX_3.4.32");
        Assert.Equal(lacks, report.Action == LibTorchLoadAction.Patched);
    }

    [Fact]
    public void Patched_copy_asks_only_for_versions_the_system_has()
    {
        var report = LibTorchLoader.EnsureLoaded();
        if (report.Action != LibTorchLoadAction.Patched) return; // nothing was patched on this system
        string patched = report.PatchedLibrary!;
        Assert.True(File.Exists(patched), patched);
        var provided = new ElfImage(LibTorchLoader.FindSystemLibStdCxx()).DefinedVersions();
        var needs = new ElfImage(patched).NeededVersions().Where(n => n.File.StartsWith("libstdc++", StringComparison.Ordinal));
        Assert.All(needs, n => Assert.Contains(n.Name, provided));
    }

    [Fact]
    public void ElfImage_rejects_a_file_that_is_not_ELF()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "not an ELF file at all, just text that is long enough to have a header........");
        var e = Assert.Throws<InvalidDataException>(() => new ElfImage(path));
        Assert.Contains("not an ELF file", e.Message);
        File.Delete(path);
    }

    [Fact]
    public void Outside_a_kernel_the_warning_fix_changes_nothing_and_does_not_throw()
    {
        // The library references Microsoft.DotNet.Interactive, so its assembly loads in a plain program too (the benchmark
        // crashed here once, when the fix asked Kernel.Current, which throws without a running command).
        _ = typeof(Microsoft.DotNet.Interactive.Kernel).Assembly;
        var report = D2lSharp.Platform.KernelCompilerWarnings.Apply();
        Assert.False(report.InKernel);
        Assert.False(report.Changed);
    }
}

public class RecordTests
{
    [Fact]
    public void A_record_is_one_line_of_name_and_value_in_the_given_format()
    {
        Assert.Equal("test accuracy = 0.8473", D2lSharp.Display.Records.Line("", [("test accuracy", 0.847312)], "F4"));
        Assert.Equal("from scratch: train loss 0.383, test acc 0.847",
            D2lSharp.Display.Records.Line("from scratch", [("train loss", 0.38331), ("test acc", 0.84722)], "F3"));
    }

    [Fact]
    public void Outside_a_kernel_a_record_is_printed()
    {
        var writer = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(writer);
        try { Course.Record("loss", 0.25, "G3"); }
        finally { Console.SetOut(previous); }
        Assert.Equal("loss = 0.25" + Environment.NewLine, writer.ToString());
    }

    [Fact]
    public void A_record_without_a_name_or_with_a_bad_format_is_refused_with_a_clear_message()
    {
        Assert.Contains("name", Assert.Throws<ArgumentException>(() => Course.Record(" ", 1.0)).Message);
        Assert.Contains("not a number format", Assert.Throws<ArgumentException>(() => Course.Record("x", 1.0, "Q9Z")).Message);
    }
}
