namespace NotebookRunner;

/// <summary>
/// How to run notebooks: the time each notebook gets, and variables added to every kernel's environment
/// (e.g. <c>new RunOptions(timeout) { Environment = RunOptions.Avx2Cpu }</c>); course-run.json records them.
/// </summary>
public sealed record RunOptions(TimeSpan Timeout)
{
    /// <summary>Variables added to each kernel's environment (none by default).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// libtorch and MKL as an AVX2-only CPU runs them, whatever this machine supports (numbers differ by CPU; see the
    /// design notes): ATEN_CPU_CAPABILITY=avx2, MKL_ENABLE_INSTRUCTIONS=AVX2.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Avx2Cpu { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ATEN_CPU_CAPABILITY"] = "avx2",
        ["MKL_ENABLE_INSTRUCTIONS"] = "AVX2",
    };
}
