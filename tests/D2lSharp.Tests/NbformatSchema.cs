using System.Diagnostics;

namespace D2lSharp.Tests;

/// <summary>
/// Validates a notebook against nbformat's own JSON schema with nbformat's own validator (Debian's python3-nbformat,
/// installed by .ci/setup): the schema is draft-04, which the .NET JSON-schema validators on the registry do not support.
/// </summary>
public static class NbformatSchema
{
    const string Python = "/usr/bin/python3";

    /// <summary>
    /// Null when the file is valid nbformat 4; otherwise the validator's message. (nbformat quietly repairs duplicate cell
    /// ids in the copy it validates, so RunnerExecutionTests.AssertIdsAndTimes checks their uniqueness itself.)
    /// </summary>
    public static string? Problems(string path)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; install python3-nbformat (bash .ci/setup does) to validate executed notebooks.");
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import sys, json, nbformat; nb = json.load(open(sys.argv[1], encoding='utf-8')); " +
            "nbformat.validate(nb); print('valid', nb['nbformat'], nb['nbformat_minor'])");
        psi.ArgumentList.Add(path);
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (stderr.Contains("No module named 'nbformat'", StringComparison.Ordinal))
            Assert.Fail("python3-nbformat is not installed; run bash .ci/setup (or apt-get install python3-nbformat).");
        return p.ExitCode == 0 && stdout.StartsWith("valid", StringComparison.Ordinal) ? null : (stderr + stdout).Trim();
    }
}
