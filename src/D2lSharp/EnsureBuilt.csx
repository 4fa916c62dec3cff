// Imported by the first cell of every notebook (#!import), before the #r lines are compiled:
// builds the course's helper library (src/D2lSharp) when this clone has not built it yet or a source changed.
// Runs in the kernel's folder, which VS Code and the headless runner both set to the notebook's folder.
// The kernel drops an exception thrown inside an imported file (the cell still reports success), so every failure is also
// written to stderr, which the learner sees under the cell and the runner counts as a failure.
{
    var start = System.IO.Directory.GetCurrentDirectory();
    var root = new System.IO.DirectoryInfo(start);
    while (root != null && !System.IO.File.Exists(System.IO.Path.Combine(root.FullName, "Course.sln"))) root = root.Parent;
    void Fail(string message)
    {
        Console.Error.WriteLine(message);
        throw new System.InvalidOperationException(message);
    }
    if (root == null)
        Fail($"The kernel runs in {start}, which is not inside the course repository (no Course.sln above it). " +
             "Open the notebook from the repository's notebooks/ folder.");
    var project = System.IO.Path.Combine(root.FullName, "src", "D2lSharp");
    var dll = System.IO.Path.Combine(project, "bin", "D2lSharp.dll");
    var inputs = System.IO.Directory.EnumerateFiles(project, "*.cs*", System.IO.SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}")
                 && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}"))
        .Concat(new[] { "Directory.Build.props", "Directory.Packages.props" }.Select(f => System.IO.Path.Combine(root.FullName, f)));
    bool stale = !System.IO.File.Exists(dll)
        || inputs.Any(f => System.IO.File.GetLastWriteTimeUtc(f) > System.IO.File.GetLastWriteTimeUtc(dll));
    if (stale)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(project, "obj"));
        // One build at a time, even when several notebooks start at once.
        using var buildLock = Enumerable.Range(0, 600).Select(_ =>
        {
            try { return new System.IO.FileStream(System.IO.Path.Combine(project, "obj", ".build.lock"), System.IO.FileMode.OpenOrCreate, System.IO.FileAccess.ReadWrite, System.IO.FileShare.None); }
            catch (System.IO.IOException) { System.Threading.Thread.Sleep(500); return null; }
        }).First(s => s != null);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", $"build \"{project}\" -c Release -nologo -v q --tl:off")
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root.FullName };
        System.Diagnostics.Process build;
        try { build = System.Diagnostics.Process.Start(psi); }
        catch (System.ComponentModel.Win32Exception)
        {
            Fail("`dotnet` is not on PATH: install the .NET 10 SDK (see README.md), then restart the kernel.");
            throw;
        }
        string output = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
            Fail($"Building the course library failed (exit code {build.ExitCode}). Run `dotnet build src/D2lSharp` in {root.FullName} to see why.\n" +
                 string.Join("\n", output.Split('\n').Where(l => l.Contains("error")).Distinct().Take(10)));
        Console.WriteLine($"Built the course library src/D2lSharp in {watch.Elapsed.TotalSeconds:F0} s (only needed once per change).");
    }
}
