using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CourseFiles;

namespace Course.Tests.Shared;

/// <summary>
/// Checks that every executed copy gets, in the runner's tests and the course's. The schema check runs nbformat's own
/// validator (Debian's python3-nbformat, installed by .ci/setup): the schema is draft-04, which the .NET JSON-schema
/// validators on the registry do not support.
/// </summary>
public static class ExecutedCopyChecks
{
    const string Python = "/usr/bin/python3";

    /// <summary>
    /// Null when the file is valid nbformat 4; otherwise the validator's message. (nbformat quietly repairs duplicate cell
    /// ids in the copy it validates, so AssertIdsAndTimes checks their uniqueness itself.)
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

    /// <summary>nbformat 4.5: unique cell ids; executed code cells carry Jupyter's execution timestamps in order.</summary>
    public static void AssertIdsAndTimes(JsonObject executed)
    {
        Assert.Equal(5, executed["nbformat_minor"]!.GetValue<int>());
        var cells = Notebook.Cells(executed);
        Assert.Equal(cells.Count, cells.Select(c => c.Json["id"]!.GetValue<string>()).Distinct().Count());
        foreach (var cell in cells.Where(c => c.CellType == "code" && c.Json["execution_count"] is not null))
        {
            var times = cell.Json["metadata"]!["execution"]!;
            DateTime T(string key) => DateTime.Parse(times[key]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            Assert.True(T("iopub.status.busy") <= T("iopub.execute_input") && T("iopub.execute_input") <= T("shell.execute_reply"),
                $"cell {cell.Number}'s execution times are out of order: {times.ToJsonString()}");
        }
    }
}
