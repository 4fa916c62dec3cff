using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CoursePrograms;

/// <summary>
/// What a notebook's kernel lines load, as a program states it: <c>#!import src/D2lSharp/Course.csx</c> gives its
/// <c>#r "nuget: …"</c> lines (<c>#:package</c>), its <c>#r ".../bin/D2lSharp.dll"</c> (<c>#:project</c> of the library's project)
/// and its usings; <c>#!import src/D2lSharp/EnsureBuilt.csx</c> builds the library, which <c>#:project</c> does in a program.
/// Paths in a notebook are relative to notebooks/ (the kernel's folder), in a program to programs/.
/// </summary>
public sealed class SetupImports(string root, string notebooksFolder, string programsFolder)
{
    /// <summary>The script that builds the library before the kernel loads it: a program's <c>#:project</c> builds it instead.</summary>
    const string BuildScript = "EnsureBuilt.csx";

    /// <summary>Packages that extend the notebook kernel (Plotly.NET.Interactive draws charts in it); a program writes charts itself.</summary>
    static bool KernelExtension(string package) => package.EndsWith(".Interactive", StringComparison.OrdinalIgnoreCase);

    readonly List<PackagePin> _packages = [];

    /// <summary>The packages a program references, in the order the notebook loads them.</summary>
    public IEnumerable<PackagePin> Packages => _packages.Where(p => !KernelExtension(p.Name));

    /// <summary>The projects a program references (paths relative to programs/, with forward slashes).</summary>
    public List<string> Projects { get; } = [];

    /// <summary>The using directives of the imported scripts, in order.</summary>
    public List<string> Usings { get; } = [];

    /// <summary>The scripts whose usings these are (paths relative to the repository, with forward slashes).</summary>
    public List<string> UsingSources { get; } = [];

    /// <summary>Takes in one cell's kernel lines (and the scripts it imports).</summary>
    public void Add(KernelDirectives directives, Func<string, Exception> problem)
    {
        foreach (var package in directives.Packages) AddPackage(package, problem);
        foreach (var assembly in directives.Assemblies) AddAssembly(assembly, notebooksFolder, problem);
        foreach (var import in directives.Imports)
        {
            string path = Path.GetFullPath(Path.Combine(notebooksFolder, import));
            if (!File.Exists(path)) throw problem($"`#!import {import}`: there is no {path}.");
            var script = KernelDirectives.Read(File.ReadAllText(path), what => problem($"in {import}, {what}"));
            if (script.Imports.Count > 0) throw problem($"{import} imports another script; the generator reads one level of imports.");
            foreach (var package in script.Packages) AddPackage(package, problem);
            foreach (var assembly in script.Assemblies) AddAssembly(assembly, notebooksFolder, problem);
            var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(script.Code, LessonScript.ScriptOptions).GetRoot();
            foreach (var u in unit.Usings)
            {
                string text = u.WithoutTrivia().ToString();
                if (!Usings.Contains(text)) Usings.Add(text);
            }
            string source = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (unit.Usings.Count > 0 && !UsingSources.Contains(source)) UsingSources.Add(source);
            if (unit.Members.Count > 0 && Path.GetFileName(path) != BuildScript)
                throw problem($"{import} runs code (not only #r lines and usings); a program cannot import a script. " +
                              "Put that code in the helper library, or teach the generator what it stands for.");
        }
    }

    void AddPackage(PackagePin package, Func<string, Exception> problem)
    {
        var known = _packages.FirstOrDefault(p => p.Name.Equals(package.Name, StringComparison.OrdinalIgnoreCase));
        if (known is null) _packages.Add(package);
        else if (known.Version != package.Version)
            throw problem($"{package.Name} is loaded at {known.Version} and at {package.Version}; use one version.");
    }

    /// <summary><c>#r ".../X/bin/X.dll"</c> is the output of the project X/X.csproj: a program references the project.</summary>
    void AddAssembly(string assembly, string folder, Func<string, Exception> problem)
    {
        string dll = Path.GetFullPath(Path.Combine(folder, assembly));
        string? bin = Path.GetDirectoryName(dll);
        string project = Path.Combine(Path.GetDirectoryName(bin) ?? "", Path.GetFileNameWithoutExtension(dll) + ".csproj");
        if (Path.GetFileName(bin) != "bin" || !File.Exists(project))
            throw problem($"`#r \"{assembly}\"` loads an assembly that is not a project's bin/ output here; a program can reference " +
                          "a project of this repository (#:project) or a package (#:package), not a loose assembly.");
        if (!project.StartsWith(root, StringComparison.Ordinal))
            throw problem($"`#r \"{assembly}\"` is outside the repository.");
        string relative = Path.GetRelativePath(programsFolder, project).Replace('\\', '/');
        if (!Projects.Contains(relative)) Projects.Add(relative);
    }

    /// <summary>Every package a program references has the version Directory.Packages.props pins.</summary>
    public void CheckPins(IReadOnlyDictionary<string, string> pinned, Func<string, Exception> problem)
    {
        foreach (var package in _packages)
        {
            if (!pinned.TryGetValue(package.Name, out var version))
                throw problem($"{package.Name} is not pinned in Directory.Packages.props; pin it there and use that version.");
            if (version != package.Version)
                throw problem($"{package.Name} is loaded at {package.Version}, but Directory.Packages.props pins {version}.");
        }
    }
}
