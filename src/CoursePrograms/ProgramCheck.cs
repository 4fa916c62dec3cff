using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CoursePrograms;

/// <summary>
/// Compiles a generated program (its C#, without the <c>#:</c> directives) against the same references, so that a notebook
/// the generator cannot turn into a correct program is reported with the notebook's cell, not later as a build error in a file
/// nobody edits. Warnings count too: <c>dotnet run</c> would print them above the lesson's output.
/// </summary>
public static class ProgramCheck
{
    /// <summary>
    /// Warnings the .NET SDK switches off in every project: CS1701 and CS1702, assembly version unification, which TorchSharp's
    /// .NET 8 references need.
    /// </summary>
    static readonly HashSet<string> SdkDefaults = ["CS1701", "CS1702"];

    /// <summary>
    /// Throws a <see cref="LessonProblem"/> for the first error or warning other than <paramref name="switchedOff"/> (the
    /// program's own NoWarn) and the SDK's defaults; <paramref name="origins"/> says at which line of <paramref name="code"/>
    /// each cell starts (cell 0: the generator's own lines).
    /// </summary>
    public static void Compile(string notebook, string code, IReadOnlyList<(int Line, int Cell)> origins,
        IReadOnlyList<MetadataReference> references, IReadOnlySet<string> switchedOff)
    {
        var tree = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(notebook), [tree], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable, warningLevel: 9999));
        var problem = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning && !SdkDefaults.Contains(d.Id) && !switchedOff.Contains(d.Id))
            .OrderByDescending(d => d.Severity)
            .FirstOrDefault();
        if (problem is null) return;
        int line = problem.Location.GetLineSpan().StartLinePosition.Line + 1;
        var origin = origins.LastOrDefault(o => o.Line <= line);
        string text = code.Split('\n')[line - 1].Trim();
        throw new LessonProblem(notebook, origin.Cell == 0 ? null : origin.Cell,
            $"as a program this does not compile cleanly: {problem.Severity.ToString().ToLowerInvariant()} {problem.Id}: {problem.GetMessage()} " +
            $"(program line `{text}`). Change the cell so that it means the same in a notebook and in a program, " +
            $"or teach the generator (src/CoursePrograms) this case.");
    }
}
