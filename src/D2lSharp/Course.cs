using D2lSharp.Display;
using D2lSharp.Platform;
using TorchSharp;

namespace D2lSharp;

/// <summary>
/// The one call the first cell of every notebook makes: it makes TorchSharp load on this system,
/// makes Plotly.NET charts render in the Polyglot kernel, and registers readable tensor formatters.
/// Safe to call any number of times, in a notebook or in a plain .NET program. In a lesson program run from its file
/// (<c>dotnet run programs/NN-topic.cs</c>) it also does what the kernel does for a notebook: the program works in its own
/// folder (so the lesson's relative paths, such as ../data/house_tiny.csv, mean the same), and charts go to artifacts/programs/NN/.
/// </summary>
public static class Course
{
    /// <summary>
    /// Where the course keeps data it downloads (Fashion-MNIST): by default the per-user cache
    /// (<see cref="UserCache"/>, shared by every clone and program), or the folder given to <see cref="Setup"/>.
    /// </summary>
    public static string DataFolder { get; private set; } = UserCache.Folder("data");

    /// <summary>
    /// Prepares TorchSharp, Plotly.NET and the tensor formatters, and seeds torch's generator.
    /// <paramref name="dataFolder"/> changes <see cref="DataFolder"/>.
    /// </summary>
    public static SetupReport Setup(int seed = 0, string? dataFolder = null)
    {
        if (dataFolder is not null)
        {
            if (string.IsNullOrWhiteSpace(dataFolder)) throw new ArgumentException("dataFolder is empty; give a folder path or leave it out.", nameof(dataFolder));
            DataFolder = Path.GetFullPath(dataFolder);
        }
        bool first = FSharpCoreRedirect.Install();
        var native = LibTorchLoader.EnsureLoaded();
        try
        {
            torch.manual_seed(seed);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            throw new InvalidOperationException(
                $"TorchSharp could not load its native library ({native.Action}: {native.Detail}). " +
                "If torch was used in this kernel before Course.Setup() ran, restart the kernel and run the first cell first. " +
                $"Cause: {e.GetBaseException().Message}", e);
        }
        try
        {
            NotebookFormatters.Register();
        }
        catch (FileNotFoundException e) when (e.FileName?.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal) == true)
        {
            // A plain program that references D2lSharp.dll without its dependencies has no notebook formatting: nothing to register.
        }
        var warnings = KernelCompilerWarnings.Apply();
        if (!warnings.InKernel && ProgramFigures.Folder is null && AppContext.GetData("EntryPointFilePath") is string program && File.Exists(program))
            StartProgram(program);
        return new SetupReport(first, native, typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "?", seed, warnings);
    }

    /// <summary>
    /// Plumbing: <c>torch.set_num_threads</c> with its argument checked first. TorchSharp's own call ends the whole kernel
    /// for a count below 1 (libtorch throws and TorchSharp does not catch it, design.md §8b); this one throws an exception.
    /// </summary>
    public static void SetNumThreads(int threads)
    {
        if (threads < 1)
            throw new ArgumentOutOfRangeException(nameof(threads), threads,
                $"The number of CPU threads must be at least 1; got {threads}. (torch.set_num_threads({threads}) itself would end the kernel.)");
        torch.set_num_threads(threads);
    }

    /// <summary>
    /// A file-based program (.NET 10 sets EntryPointFilePath): charts to artifacts/programs/NN/, its folder as the working folder,
    /// and UTF-8 output, so that a Windows console shows the lessons' ‖x‖, σ and 张量 as they are (it defaults to a legacy code page).
    /// </summary>
    static void StartProgram(string program)
    {
        Console.OutputEncoding = new System.Text.UTF8Encoding(false);
        string startedIn = Environment.CurrentDirectory;
        ProgramFigures.StartProgram(program, startedIn);
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(program))!;
    }

    /// <summary>
    /// Shows a result as one line, <c>name = value</c>, and records it by name so the executed notebook keeps it
    /// machine-readable (the tests and the prose-number check read recorded values, not printed sentences).
    /// <paramref name="format"/> is a .NET number format, e.g. "F4" or "G3".
    /// </summary>
    public static void Record(string name, double value, string format = "F4") =>
        Records.Show("", [(name, value)], format);

    /// <summary>
    /// Shows several results of one run as one line, <c>label: name1 value1, name2 value2</c>, and records each as
    /// "label: name".
    /// </summary>
    public static void Record(string label, params (string Name, double Value)[] values) =>
        Records.Show(label, values ?? [], "F4");

    /// <summary>As the overload above, with one number format for every value.</summary>
    public static void Record(string label, string format, params (string Name, double Value)[] values) =>
        Records.Show(label, values ?? [], format);
}

/// <summary>
/// What <see cref="Course.Setup"/> did. Shown as the first cell's output: one short line saying the course is ready;
/// <see cref="Details"/> says what was done on this machine (native library, kernel compiler warnings).
/// </summary>
public sealed record SetupReport(bool FirstCall, LibTorchLoadReport Native, string TorchSharpVersion, int Seed, KernelWarningsReport Kernel)
{
    public override string ToString() => $"D2lSharp ready: TorchSharp {TorchSharpVersion}, seed {Seed}.";

    /// <summary>What the setup did on this machine, for when something does not work as expected.</summary>
    public string Details =>
        "Native library: " + Native.Action switch
        {
            LibTorchLoadAction.Patched => "patched for this system's older libstdc++ (" + Native.Detail + ").",
            LibTorchLoadAction.PreloadedPackageLibTorch => "package's own libtorch loaded first (" + Native.Detail + ").",
            _ => "loaded as shipped.",
        } +
        "\nKernel: " + (Kernel.InKernel ? Kernel.Detail + "." : "not in a notebook kernel; nothing to adjust.");
}
