using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CourseFiles;

namespace D2lSharp.Tests;

/// <summary>
/// The library is the lessons' code: the d2l map in src/D2lSharp/README.md is true, and every public member of the
/// teaching namespaces (Data, Training, Calculus) is used by a notebook.
/// </summary>
public partial class D2lMapTests
{
    static readonly string Root = Repository.Root();
    static readonly Assembly Library = typeof(Course).Assembly;
    static readonly string[] TeachingNamespaces = ["D2lSharp.Data", "D2lSharp.Training", "D2lSharp.Calculus"];

    /// <summary>Code cells of each notebook in notebooks/, by its two-digit number.</summary>
    static readonly Lazy<Dictionary<string, string>> NotebookCode = new(() =>
        Repository.Notebooks(Root).ToDictionary(
            path => Path.GetFileName(path)[..2],
            path => string.Join("\n", Notebook.Cells(Notebook.Load(path)).Where(c => c.CellType == "code").Select(c => c.Source))));

    static readonly Lazy<XDocument> Docs = new(() => XDocument.Load(Path.ChangeExtension(Library.Location, ".xml")));

    public record MapRow(string D2l, string Member, string Notebook);

    [GeneratedRegex(@"^\| `(?<d2l>[A-Za-z_0-9]+)` \| `(?<member>[A-Za-z.]+)` \| (?<nb>\d\d) \|$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();

    static List<MapRow> Map() =>
        RowPattern().Matches(File.ReadAllText(Path.Combine(Root, "src", "D2lSharp", "README.md")))
            .Select(m => new MapRow(m.Groups["d2l"].Value, m.Groups["member"].Value, m.Groups["nb"].Value)).ToList();

    /// <summary>The summaries of every documentation entry for a type or its members of that name (all overloads).</summary>
    static List<string> DocSummaries(Type type, string? member)
    {
        string prefix = member is null ? $"T:{type.FullName}" : $"{type.FullName}.{member}";
        return Docs.Value.Descendants("member")
            .Where(m => member is null ? (string)m.Attribute("name")! == prefix
                : Regex.IsMatch((string)m.Attribute("name")!, $@"^[MPF]:{Regex.Escape(prefix)}(\(|$)"))
            .Select(m => Regex.Replace(m.Element("summary")?.Value ?? "", @"\s+", " ")).ToList();
    }

    [Fact]
    public void The_map_lists_the_lesson_functions()
    {
        var rows = Map();
        Assert.True(rows.Count >= 15, $"read {rows.Count} rows from src/D2lSharp/README.md's d2l map");
        Assert.Contains(rows, r => r.D2l == "train_ch3" && r.Member == "Training.Trainer.Train");
    }

    [Fact]
    public void Every_row_of_the_d2l_map_is_true()
    {
        var problems = new List<string>();
        foreach (var row in Map())
        {
            var parts = row.Member.Split('.');
            bool isType = Library.GetType($"D2lSharp.{row.Member}") is not null;
            var type = Library.GetType($"D2lSharp.{(isType ? row.Member : string.Join(".", parts[..^1]))}");
            string? memberName = isType ? null : parts[^1];
            if (type is null || !type.IsPublic || (memberName is not null && type.GetMember(memberName, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length == 0))
            {
                problems.Add($"{row.Member}: no such public member");
                continue;
            }
            var summaries = DocSummaries(type, memberName);
            if (summaries.Count == 0) problems.Add($"{row.Member}: no doc comment");
            foreach (var summary in summaries)
            {
                if (!summary.Contains($"d2l {row.D2l}") && !summary.Contains($"d2l's {row.D2l}"))
                    problems.Add($"{row.Member}: its doc comment does not name d2l's {row.D2l}: \"{summary}\"");
                if (!summary.Contains($"Taught in notebook {row.Notebook}") && !summary.Contains("Course plumbing"))
                    problems.Add($"{row.Member}: its doc comment says neither 'Taught in notebook {row.Notebook}' nor 'Course plumbing': \"{summary}\"");
            }
            string name = memberName ?? type.Name;
            if (!NotebookCode.Value.TryGetValue(row.Notebook, out var code))
                problems.Add($"{row.Member}: there is no notebook {row.Notebook}");
            else if (!Regex.IsMatch(code, $@"\b{name}"))
                problems.Add($"{row.Member}: notebook {row.Notebook} does not contain {name}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Public members of the teaching namespaces, as "Type.Member" (constructors as "Type").</summary>
    static IEnumerable<(Type Type, string Name)> TeachingMembers()
    {
        foreach (var type in Library.GetExportedTypes().Where(t => TeachingNamespaces.Contains(t.Namespace)))
        {
            // A type a notebook constructs must be named there; one it only receives (TrainingHistory) is used through its members.
            if (type.GetConstructors().Any(c => !IsRecordPrimary(type, c))) yield return (type, type.Name);
            // A record's positional properties are its data, shown by its ToString; the record is used when its type is.
            var positional = type.GetConstructors().Where(c => IsRecordPrimary(type, c)).SelectMany(c => c.GetParameters()).Select(p => p.Name).ToHashSet();
            var interfaceMethods = type.GetInterfaces().SelectMany(i => type.GetInterfaceMap(i).TargetMethods).ToHashSet();
            foreach (var m in type.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (m is ConstructorInfo or Type || m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))) continue;
                if (m is MethodInfo method && (method.IsSpecialName || interfaceMethods.Contains(method) || method.GetBaseDefinition() != method
                    || method.Name is "Deconstruct" or "<Clone>$" or "Equals" or "GetHashCode")) continue;
                if (m is PropertyInfo { Name: "EqualityContract" } || (m is PropertyInfo && positional.Contains(m.Name))) continue;
                yield return (type, m.Name == "Item" ? type.Name : m.Name);
            }
        }
    }

    static bool IsRecordPrimary(Type type, ConstructorInfo c) =>
        type.GetMethod("<Clone>$") is not null && c.GetParameters() is { Length: > 0 } ps && ps[0].ParameterType != type;

    [Fact]
    public void Every_public_member_of_the_teaching_namespaces_is_used_by_a_notebook()
    {
        string all = string.Join("\n", NotebookCode.Value.Values);
        var unused = TeachingMembers().Distinct()
            .Where(m => !Regex.IsMatch(all, $@"\b{Regex.Escape(m.Name)}\b"))
            .Select(m => m.Name == m.Type.Name ? m.Type.Name : $"{m.Type.Name}.{m.Name}").ToList();
        Assert.True(unused.Count == 0,
            "Public members of Data, Training and Calculus that no notebook uses (make them internal, remove them, or use them): " +
            string.Join(", ", unused));
    }
}
