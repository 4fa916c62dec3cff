using CoursePrograms;

// Usage: dotnet run --project src/CoursePrograms -- [notebook names...] [--check]
var names = new List<string>();
bool check = false;
foreach (var arg in args)
{
    switch (arg)
    {
        case "--check": check = true; break;
        case "-h" or "--help":
            Console.WriteLine("Writes every notebook as a .NET 10 file-based program, programs/NN-topic.cs (the lesson's text as comments,");
            Console.WriteLine("its code as statements); run one with `dotnet run programs/NN-topic.cs` from the repository root.");
            Console.WriteLine($"  {ProgramGenerator.Command}                 regenerate every program");
            Console.WriteLine($"  {ProgramGenerator.Command} -- 03 05       regenerate the named ones (number or name)");
            Console.WriteLine($"  {ProgramGenerator.Command} -- --check     only report programs that differ from their notebooks");
            return 0;
        default: names.Add(arg); break;
    }
}

string root = Repository.Root();
var notebooks = Repository.Notebooks(root)
    .Where(p => names.Count == 0 || names.Any(n => Path.GetFileName(p).StartsWith(n, StringComparison.Ordinal)))
    .ToList();
if (notebooks.Count == 0)
{
    Console.Error.WriteLine($"No notebook in {Repository.NotebooksFolder(root)} matches {string.Join(", ", names)}.");
    return 2;
}

Directory.CreateDirectory(ProgramGenerator.ProgramsFolder(root));
int stale = 0, failed = 0;
foreach (var notebook in notebooks)
{
    GeneratedProgram program;
    try { program = ProgramGenerator.Generate(root, notebook); }
    catch (LessonProblem e)
    {
        Console.Error.WriteLine(e.Message);
        failed++;
        continue;
    }
    string relative = Path.GetRelativePath(root, program.Path).Replace('\\', '/');
    bool same = File.Exists(program.Path) && File.ReadAllText(program.Path) == program.Text;
    if (same) Console.WriteLine($"{relative}: up to date");
    else if (check)
    {
        Console.WriteLine($"{relative}: differs from notebooks/{program.Notebook}");
        stale++;
    }
    else
    {
        File.WriteAllText(program.Path, program.Text);
        Console.WriteLine($"{relative}: written");
    }
}
if (stale > 0) Console.WriteLine($"{stale} program(s) are out of date: run `{ProgramGenerator.Command}`.");
return failed > 0 ? 1 : stale > 0 ? 3 : 0;
