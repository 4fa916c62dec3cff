using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace CoursePrograms;

/// <summary>
/// What a lesson's code compiles against: the .NET runtime's assemblies, the helper library (src/D2lSharp/bin/D2lSharp.dll)
/// and the compile assemblies of its packages, read from the library's restore file (obj/project.assets.json) in the NuGet
/// cache. Metadata only: nothing is loaded or run, so the generator needs no TorchSharp natives.
/// </summary>
public static class CompileReferences
{
    static readonly Dictionary<string, IReadOnlyList<MetadataReference>> Cache = new(StringComparer.Ordinal);

    /// <summary>The references for the library in <paramref name="root"/>; an error says what to build or restore when one is missing.</summary>
    public static IReadOnlyList<MetadataReference> For(string root)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(root, out var cached)) return cached;
            var references = Framework().Concat(Library(root)).ToList();
            Cache[root] = references;
            return references;
        }
    }

    /// <summary>The running .NET's own assemblies (the shared framework folder holds native files too: only those with metadata).</summary>
    static IEnumerable<MetadataReference> Framework()
    {
        string folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            if (HasMetadata(dll)) yield return MetadataReference.CreateFromFile(dll);
    }

    static IEnumerable<MetadataReference> Library(string root)
    {
        string project = Path.Combine(root, "src", "D2lSharp");
        string dll = Path.Combine(project, "bin", "D2lSharp.dll");
        string assets = Path.Combine(project, "obj", "project.assets.json");
        if (!File.Exists(dll) || !File.Exists(assets))
            throw new FileNotFoundException(
                $"The helper library is not built ({(File.Exists(dll) ? assets : dll)} is missing): run `dotnet build src/D2lSharp` first.");
        yield return MetadataReference.CreateFromFile(dll);

        var json = JsonNode.Parse(File.ReadAllText(assets))!;
        string packages = (json["packageFolders"] as JsonObject)?.Select(p => p.Key).FirstOrDefault()
            ?? throw new InvalidDataException($"{assets} names no NuGet package folder.");
        var libraries = json["libraries"] as JsonObject ?? [];
        var target = (json["targets"] as JsonObject)?.FirstOrDefault(t => !t.Key.Contains('/')).Value as JsonObject
            ?? throw new InvalidDataException($"{assets} has no target framework.");
        foreach (var (name, entry) in target)
        {
            if (entry?["type"]?.GetValue<string>() != "package" || entry["compile"] is not JsonObject compile) continue;
            string folder = libraries[name]?["path"]?.GetValue<string>()
                ?? throw new InvalidDataException($"{assets} lists {name} without its folder.");
            foreach (var (file, _) in compile)
            {
                if (file.EndsWith("_._", StringComparison.Ordinal)) continue; // NuGet's placeholder: nothing to compile against
                string path = Path.Combine(packages, folder, file);
                if (!File.Exists(path))
                    throw new FileNotFoundException($"{path} (from {name}) is missing: run `dotnet restore src/D2lSharp`.");
                yield return MetadataReference.CreateFromFile(path);
            }
        }
    }

    static bool HasMetadata(string path)
    {
        try
        {
            using var reader = new PEReader(File.OpenRead(path));
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
