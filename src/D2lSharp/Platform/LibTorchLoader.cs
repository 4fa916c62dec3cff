using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace D2lSharp.Platform;

/// <summary>
/// Makes TorchSharp's native library load on Linux systems whose libstdc++ predates GCC 13
/// (Debian 12, Ubuntu 22.04). libLibTorchSharp.so asks for GLIBCXX_3.4.32 only for one empty anchor
/// symbol; a patched copy that asks for an older version loads fine. Other systems are left untouched.
/// </summary>
public static class LibTorchLoader
{
    static readonly object Gate = new();
    static LibTorchLoadReport? _report;

    /// <summary>The symbols a patched copy may leave unresolved: GCC 13's empty iostream anchor.</summary>
    static readonly HashSet<string> HarmlessSymbols = new(StringComparer.Ordinal) { "_ZSt21ios_base_library_initv" };

    /// <summary>What the loader found and did; the same object on every later call.</summary>
    public static LibTorchLoadReport EnsureLoaded()
    {
        lock (Gate)
        {
            return _report ??= Load();
        }
    }

    static LibTorchLoadReport Load()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return new LibTorchLoadReport(LibTorchLoadAction.NotNeeded, "not Linux x64: TorchSharp loads its natives itself");

        string torchSharpDir = FindTorchSharpNativeDir();
        string libTorchSharp = Path.Combine(torchSharpDir, "libLibTorchSharp.so");
        string libTorchDir = FindLibTorchNativeDir(torchSharpDir);
        string stdcxx = FindSystemLibStdCxx();

        var provided = new ElfImage(stdcxx).DefinedVersions();
        var image = new ElfImage(libTorchSharp);
        var needs = image.NeededVersions().Where(n => n.File.StartsWith("libstdc++", StringComparison.Ordinal)).ToList();
        var missing = needs.Where(n => !provided.Contains(n.Name)).ToList();
        bool foreignTorch = SystemLibTorchOnDefaultPath() is not null;

        if (missing.Count == 0 && !foreignTorch)
            return new LibTorchLoadReport(LibTorchLoadAction.NotNeeded, $"{stdcxx} provides every version libLibTorchSharp.so needs");

        // Load the package's own libtorch by full path first, so no other libtorch on the library path wins.
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
            NativeLibrary.Load(Path.Combine(libTorchDir, name));

        if (missing.Count == 0)
        {
            NativeLibrary.Load(libTorchSharp);
            return new LibTorchLoadReport(LibTorchLoadAction.PreloadedPackageLibTorch,
                $"loaded the package's libtorch from {libTorchDir} ahead of {SystemLibTorchOnDefaultPath()}");
        }

        string patched = WritePatchedCopy(image, needs, missing, provided, stdcxx);
        NativeLibrary.Load(patched);
        return new LibTorchLoadReport(LibTorchLoadAction.Patched,
            $"{stdcxx} lacks {string.Join(", ", missing.Select(m => m.Name))}; loaded a patched copy of libLibTorchSharp.so from {patched}" +
            (foreignTorch ? $", with the package's own libtorch ahead of {SystemLibTorchOnDefaultPath()}" : ""), patched);
    }

    static string WritePatchedCopy(ElfImage image, List<ElfImage.VersionNeed> needs, List<ElfImage.VersionNeed> missing,
        HashSet<string> provided, string stdcxx)
    {
        var replacement = needs.Where(n => provided.Contains(n.Name) && n.Name.StartsWith("GLIBCXX_", StringComparison.Ordinal))
            .Cast<ElfImage.VersionNeed?>().FirstOrDefault()
            ?? throw new PlatformNotSupportedException($"{stdcxx} provides none of the GLIBCXX versions libLibTorchSharp.so needs; install libstdc++ from GCC 13 or newer.");

        string hash = Convert.ToHexString(SHA256.HashData(image.Bytes))[..16].ToLowerInvariant();
        foreach (var need in missing)
        {
            var symbols = image.SymbolsOfVersion(need.Index);
            var harmful = symbols.Where(s => s.Defined || !HarmlessSymbols.Contains(s.Name)).Select(s => s.Name).ToList();
            if (harmful.Count > 0)
                throw new PlatformNotSupportedException(
                    $"libLibTorchSharp.so needs {need.Name} from libstdc++ for {string.Join(", ", harmful.Take(5))}, " +
                    $"and {stdcxx} lacks that version. This cannot be patched safely: install libstdc++ from GCC 13 or newer " +
                    "(e.g. Debian 13 or Ubuntu 24.04).");
            image.RenameNeed(need, replacement);
            foreach (var s in symbols) image.ClearSymbolVersion(s.Index);
        }

        string dir = Path.Combine(UserCache.Folder("native"), $"libtorchsharp-{hash}");
        string target = Path.Combine(dir, "libLibTorchSharp.so");
        if (File.Exists(target) && new FileInfo(target).Length == image.Bytes.Length) return target;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, image.Bytes);
        File.Move(temp, target, overwrite: true); // atomic: parallel test processes never see half a file
        return target;
    }

    static string FindTorchSharpNativeDir()
    {
        string asmDir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!;
        var candidates = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            Path.Combine(asmDir, "runtimes", "linux-x64", "native"),
            AppContext.BaseDirectory,
            // In the NuGet cache: torchsharp/<v>/lib/net6.0/TorchSharp.dll → torchsharp/<v>/runtimes/linux-x64/native
            Path.GetFullPath(Path.Combine(asmDir, "..", "..", "runtimes", "linux-x64", "native")),
        };
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "libLibTorchSharp.so")))
            ?? throw new FileNotFoundException(
                "Could not find libLibTorchSharp.so. Looked in: " + string.Join(", ", candidates) +
                ". Reference the TorchSharp-cpu package (not TorchSharp alone).");
    }

    static string FindLibTorchNativeDir(string torchSharpDir)
    {
        if (File.Exists(Path.Combine(torchSharpDir, "libtorch_cpu.so"))) return torchSharpDir;
        // NuGet cache layout: <packages>/torchsharp/<v>/runtimes/linux-x64/native and <packages>/libtorch-cpu-linux-x64/<v>/runtimes/linux-x64/native
        string packages = Path.GetFullPath(Path.Combine(torchSharpDir, "..", "..", "..", "..", ".."));
        string root = Path.Combine(packages, "libtorch-cpu-linux-x64");
        string? wanted = WantedLibTorchVersion(packages);
        var dirs = Directory.Exists(root) ? Directory.GetDirectories(root) : [];
        var chosen = dirs.Where(d => wanted is null || Path.GetFileName(d) == wanted)
            .Select(d => Path.Combine(d, "runtimes", "linux-x64", "native"))
            .Where(d => File.Exists(Path.Combine(d, "libtorch_cpu.so")))
            .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
        return chosen ?? throw new FileNotFoundException(
            $"Could not find libtorch_cpu.so next to {torchSharpDir} nor under {root}" +
            (wanted is null ? "" : $"/{wanted}") + ". Restore the TorchSharp-cpu package (dotnet restore).");
    }

    /// <summary>The libtorch version TorchSharp-cpu asks for, read from its nuspec in the NuGet cache.</summary>
    static string? WantedLibTorchVersion(string packages)
    {
        var v = typeof(TorchSharp.torch).Assembly.GetName().Version;
        if (v is null) return null;
        string nuspec = Path.Combine(packages, "torchsharp-cpu", $"{v.Major}.{v.Minor}.{v.Build}", "torchsharp-cpu.nuspec");
        if (!File.Exists(nuspec)) return null;
        var m = Regex.Match(File.ReadAllText(nuspec), "id=\"libtorch-cpu\"\\s+version=\"\\[?([^\"\\],]+)");
        return m.Success ? m.Groups[1].Value : null;
    }

    static readonly string[] LibDirs = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib"];

    /// <summary>The libstdc++ this process uses (already mapped), else the first on the standard paths.</summary>
    internal static string FindSystemLibStdCxx()
    {
        try
        {
            var mapped = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(p => p.Length >= 6 && Path.GetFileName(p[5]).StartsWith("libstdc++.so", StringComparison.Ordinal))
                .Select(p => p[5]).FirstOrDefault();
            if (mapped is not null) return mapped;
        }
        catch (IOException) { }
        return LibDirs.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("Could not find the system's libstdc++.so.6 in " + string.Join(", ", LibDirs) + "; install libstdc++6.");
    }

    static string? SystemLibTorchOnDefaultPath() =>
        LibDirs.Select(d => Path.Combine(d, "libtorch_cpu.so")).FirstOrDefault(File.Exists);
}

/// <summary>What <see cref="LibTorchLoader"/> did.</summary>
public enum LibTorchLoadAction { NotNeeded, PreloadedPackageLibTorch, Patched }

/// <summary>The loader's decision and the reason, for the setup cell to show.</summary>
public sealed record LibTorchLoadReport(LibTorchLoadAction Action, string Detail, string? PatchedLibrary = null);
