using System.Text.RegularExpressions;

namespace CoursePrograms;

/// <summary>A package a lesson loads with <c>#r "nuget: Name, Version"</c>: a <c>#:package Name@Version</c> in a program.</summary>
public sealed record PackagePin(string Name, string Version);

/// <summary>
/// The lines of a cell that are the kernel's, not C#: <c>#!import file.csx</c> (run another script in the kernel) and
/// <c>#r</c> (load a NuGet package or an assembly). They become a program's directives (<c>#:package</c>, <c>#:project</c>)
/// and usings; the cell's C# is what is left, with those lines blanked so that line numbers still match the notebook.
/// </summary>
public sealed partial class KernelDirectives
{
    public List<string> Imports { get; } = [];
    public List<PackagePin> Packages { get; } = [];
    /// <summary>Assemblies loaded by path (<c>#r "../src/X/bin/X.dll"</c>), as written (relative to the notebook's folder).</summary>
    public List<string> Assemblies { get; } = [];
    /// <summary>The cell's C#, with every kernel line blanked.</summary>
    public string Code { get; private init; } = "";

    /// <summary>Splits a cell's (or an imported script's) source; <paramref name="problem"/> makes the error for a line it cannot read.</summary>
    public static KernelDirectives Read(string source, Func<string, Exception> problem)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var found = new KernelDirectives();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var import = ImportLine().Match(line);
                if (!import.Success)
                    throw problem($"line {i + 1}, `{line}`: a magic command that a program cannot run; the generator turns only " +
                                  "`#!import file.csx` and `#r` into a program.");
                found.Imports.Add(import.Groups[1].Value.Trim('"'));
                lines[i] = "";
            }
            else if (line.StartsWith("#r ", StringComparison.Ordinal))
            {
                var nuget = NuGetLine().Match(line);
                var assembly = AssemblyLine().Match(line);
                if (nuget.Success)
                {
                    if (!nuget.Groups[2].Success)
                        throw problem($"line {i + 1}, `{line}`: pin the package's version (`#r \"nuget: Name, Version\"`, as in Directory.Packages.props).");
                    found.Packages.Add(new PackagePin(nuget.Groups[1].Value.Trim(), nuget.Groups[2].Value.Trim()));
                }
                else if (assembly.Success) found.Assemblies.Add(assembly.Groups[1].Value);
                else throw problem($"line {i + 1}, `{line}`: expected `#r \"nuget: Name, Version\"` or `#r \"path/to/Assembly.dll\"`.");
                lines[i] = "";
            }
        }
        return new KernelDirectives { Code = string.Join("\n", lines) }.With(found);
    }

    KernelDirectives With(KernelDirectives from)
    {
        Imports.AddRange(from.Imports);
        Packages.AddRange(from.Packages);
        Assemblies.AddRange(from.Assemblies);
        return this;
    }

    [GeneratedRegex(@"^#!import\s+(\S+)\s*$")]
    private static partial Regex ImportLine();

    [GeneratedRegex(@"^#r\s+""nuget:\s*([^,""]+?)\s*(?:,\s*([^""]+?))?\s*""\s*$")]
    private static partial Regex NuGetLine();

    [GeneratedRegex(@"^#r\s+""([^""]+\.dll)""\s*$")]
    private static partial Regex AssemblyLine();
}
