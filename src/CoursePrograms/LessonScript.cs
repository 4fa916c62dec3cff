using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CoursePrograms;

/// <summary>
/// Reads a notebook's code cells the way the kernel compiles them (each cell a C# script submission that sees the ones before
/// it) and plans each cell as part of one program. Where a program differs from a chain of submissions, it decides from the
/// compiler's own binding of every name, not from the text:
/// <list type="bullet">
/// <item>A cell's trailing expression (no semicolon), which the kernel displays, becomes <c>display(expression);</c>
/// (an expression of type void just gets its semicolon).</item>
/// <item>A name declared again in a later cell (a variable, or a function) is a new variable in the kernel but a duplicate in one
/// method: the later one gets a fresh name (<c>grid2</c>), and every use that the kernel binds to it follows.</item>
/// <item>A local of a nested block (a <c>foreach</c> variable, a local in a <c>try</c>) may reuse a name the cells declare at the
/// top (those are fields of the script in the kernel); in one method that is an error, so the block's local is renamed.</item>
/// <item>Using directives and type declarations are collected: a program states usings first and types last.</item>
/// </list>
/// </summary>
public static class LessonScript
{
    /// <summary>How the kernel parses a cell: a script submission, the newest language version.</summary>
    public static readonly CSharpParseOptions ScriptOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>The kernel compiles without a nullable context (an annotation like <c>Tensor?</c> gets warning CS8632 there).</summary>
    static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Disable, allowUnsafe: false);

    sealed record Cell(int Number, SyntaxTree Tree, SemanticModel Model);

    /// <summary>A name a cell declares: its symbol's place, name, and where its identifier token is.</summary>
    sealed record Declaration(Cell Cell, (SyntaxTree, int) Key, string Name, TextSpan Token, bool TopLevel);

    /// <summary>
    /// Plans every code cell. <paramref name="prelude"/> holds the usings the kernel and the setup imports give every cell;
    /// <paramref name="cells"/> are the cells' C# (kernel lines already blanked), in order.
    /// </summary>
    public static List<CellPlan> Plan(string notebook, string prelude, IReadOnlyList<(int Number, string Code)> cells,
        IReadOnlyList<MetadataReference> references)
    {
        var previous = CSharpCompilation.CreateScriptCompilation("Prelude",
            CSharpSyntaxTree.ParseText(prelude, ScriptOptions), references, Options);
        Fail(notebook, null, previous, "the setup's usings");
        var compiled = new List<Cell>();
        foreach (var (number, code) in cells)
        {
            var tree = CSharpSyntaxTree.ParseText(code, ScriptOptions, path: $"cell {number}");
            var compilation = CSharpCompilation.CreateScriptCompilation($"Cell{number}", tree, references, Options, previous);
            Fail(notebook, number, compilation, "the cell");
            compiled.Add(new Cell(number, tree, compilation.GetSemanticModel(tree)));
            previous = compilation;
        }

        CheckTypesMeanTheSame(notebook, compiled);
        var declarations = compiled.SelectMany(Declarations).ToList();
        var renames = Renames(compiled, declarations);
        return compiled.Select(c => PlanCell(notebook, c, declarations, renames)).ToList();
    }

    /// <summary>A cell the kernel would not compile cannot be planned: the notebook itself must be fixed first.</summary>
    static void Fail(string notebook, int? cell, Compilation compilation, string what)
    {
        var error = compilation.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is null) return;
        var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
        throw new LessonProblem(notebook, cell,
            $"{what} does not compile as the kernel compiles it (line {line}: {error.Id} {error.GetMessage()}).");
    }

    /// <summary>
    /// A type a cell declares is visible in the whole program, but in the kernel only from that cell on: a name that an earlier
    /// cell bound to another type (a library class of the same name) would change its meaning in the program.
    /// </summary>
    static void CheckTypesMeanTheSame(string notebook, List<Cell> cells)
    {
        foreach (var cell in cells)
            foreach (var type in cell.Tree.GetRoot().ChildNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                var declared = cell.Model.GetDeclaredSymbol(type);
                foreach (var earlier in cells.Where(c => c.Number < cell.Number))
                    foreach (var id in earlier.Tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>()
                                 .Where(i => i.Identifier.ValueText == type.Identifier.ValueText))
                    {
                        var bound = earlier.Model.GetSymbolInfo(id).Symbol;
                        var boundType = bound as INamedTypeSymbol ?? bound?.ContainingType;
                        if (boundType is not null && !SymbolEqualityComparer.Default.Equals(boundType.OriginalDefinition, declared))
                            throw new LessonProblem(notebook, earlier.Number,
                                $"line {Line(id)} uses {id.Identifier.ValueText} ({boundType.ToDisplayString()}), and cell {cell.Number} " +
                                $"declares a type of that name; in a program the cell's type would replace it here too. Give the cell's type another name.");
                    }
            }
    }

    static IEnumerable<Declaration> Declarations(Cell cell)
    {
        foreach (var node in cell.Tree.GetRoot().DescendantNodes())
        {
            SyntaxToken token = node switch
            {
                VariableDeclaratorSyntax v => v.Identifier,
                SingleVariableDesignationSyntax d => d.Identifier,
                ForEachStatementSyntax f => f.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                MethodDeclarationSyntax m => m.Identifier,
                LocalFunctionStatementSyntax l => l.Identifier,
                _ => default,
            };
            if (token.RawKind == 0 || token.ValueText.Length == 0) continue;
            var symbol = cell.Model.GetDeclaredSymbol(node);
            if (symbol is null || symbol.Locations.FirstOrDefault() is not { SourceTree: { } tree } location) continue;
            bool topLevel = symbol.ContainingType is { IsScriptClass: true } &&
                            symbol is IFieldSymbol || symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary, ContainingType.IsScriptClass: true };
            bool nestedLocal = symbol is ILocalSymbol && !InsideFunctionOrType(node);
            if (topLevel || nestedLocal)
                yield return new Declaration(cell, (tree, location.SourceSpan.Start), token.ValueText, token.Span, topLevel);
        }
    }

    /// <summary>Locals of lambdas, local functions and types may shadow an outer name (C# 8 and later); a block's may not.</summary>
    static bool InsideFunctionOrType(SyntaxNode node) => node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax
        or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseTypeDeclarationSyntax);

    /// <summary>The new name of every declaration that a program must rename, by its symbol's place.</summary>
    static Dictionary<(SyntaxTree, int), (string Name, string Why)> Renames(List<Cell> cells, List<Declaration> declarations)
    {
        var used = new HashSet<string>(cells.SelectMany(c => c.Tree.GetRoot().DescendantTokens())
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText), StringComparer.Ordinal);
        string Fresh(string name)
        {
            for (int k = 2; ; k++)
            {
                string candidate = name + (char.IsDigit(name[^1]) ? "_" : "") + k;
                if (used.Add(candidate)) return candidate;
            }
        }

        var renames = new Dictionary<(SyntaxTree, int), (string, string)>();
        var top = new Dictionary<string, Declaration>(StringComparer.Ordinal);   // program name → its declaration
        foreach (var d in declarations.Where(d => d.TopLevel))
        {
            if (top.TryGetValue(d.Name, out var first))
            {
                string name = Fresh(d.Name);
                renames[d.Key] = (name, $"{d.Name} is declared again (first in cell {first.Cell.Number}): here it is {name}");
                top[name] = d;
            }
            else top[d.Name] = d;
        }
        foreach (var d in declarations.Where(d => !d.TopLevel && top.ContainsKey(d.Name)))
        {
            string name = Fresh(d.Name);
            renames[d.Key] = (name, $"the block's {d.Name} is {name}: cell {top[d.Name].Cell.Number} declares {d.Name} for the whole program");
        }
        return renames;
    }

    static CellPlan PlanCell(string notebook, Cell cell, List<Declaration> declarations,
        Dictionary<(SyntaxTree, int), (string Name, string Why)> renames)
    {
        var plan = new CellPlan(cell.Number);
        var root = (CompilationUnitSyntax)cell.Tree.GetRoot();
        var edits = new List<(TextSpan Span, string Text)>();

        foreach (var d in declarations.Where(d => d.Cell == cell && renames.ContainsKey(d.Key)))
        {
            edits.Add((d.Token, renames[d.Key].Name));
            plan.Renames.Add(renames[d.Key].Why);
        }
        foreach (var id in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var info = cell.Model.GetSymbolInfo(id);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol?.Locations.FirstOrDefault() is { SourceTree: { } tree } location &&
                renames.TryGetValue((tree, location.SourceSpan.Start), out var rename))
                edits.Add((id.Identifier.Span, rename.Name));
        }

        foreach (var u in root.Usings)
        {
            plan.Usings.Add(u.WithoutLeadingTrivia().ToFullString().TrimEnd());
            edits.Add((u.FullSpan, ""));
        }
        foreach (var member in root.Members)
        {
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            {
                string kind = member switch
                {
                    RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                    TypeDeclarationSyntax t => t.Keyword.ValueText,
                    EnumDeclarationSyntax => "enum",
                    _ => "delegate",
                };
                string name = member is BaseTypeDeclarationSyntax b ? b.Identifier.ValueText : ((DelegateDeclarationSyntax)member).Identifier.ValueText;
                plan.Types.Add(member.ToFullString().Trim('\n', '\r'));
                edits.Add((member.FullSpan, $"// {kind} {name}: declared at the end of this file (a program declares its types after its statements).\n"));
            }
        }

        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing })
        {
            var type = cell.Model.GetTypeInfo(trailing.Expression).Type;
            if (type is null or { SpecialType: SpecialType.System_Void })
                edits.Add((new TextSpan(trailing.Expression.Span.End, 0), ";"));
            else
            {
                edits.Add((new TextSpan(trailing.Expression.SpanStart, 0), "display("));
                edits.Add((new TextSpan(trailing.Expression.Span.End, 0), ");"));
            }
        }

        plan.Code = Apply(cell.Tree.GetText().ToString(), edits);
        return plan;
    }

    static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>Applies non-overlapping edits; at one position an insertion comes before a replacement.</summary>
    static string Apply(string text, List<(TextSpan Span, string Text)> edits)
    {
        var ordered = edits.Distinct().OrderByDescending(e => e.Span.Start).ThenByDescending(e => e.Span.Length).ToList();
        for (int i = 1; i < ordered.Count; i++)
            if (ordered[i].Span.End > ordered[i - 1].Span.Start && ordered[i].Span.Length > 0 && ordered[i - 1].Span.Length > 0)
                throw new InvalidOperationException($"Overlapping edits at {ordered[i].Span} and {ordered[i - 1].Span}.");
        var sb = new System.Text.StringBuilder(text);
        foreach (var (span, replacement) in ordered)
            sb.Remove(span.Start, span.Length).Insert(span.Start, replacement);
        return sb.ToString();
    }
}
