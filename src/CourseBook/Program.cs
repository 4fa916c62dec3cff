using System.Globalization;
using CourseBook;

// Usage: dotnet run --project src/CourseBook -- [--in DIR] [--out DIR] [--vendor DIR]
// Turns the executed notebooks into a static book you can open offline: artifacts/book/index.html.
string? input = null, output = null, vendor = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--in" when i + 1 < args.Length: input = args[++i]; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        case "--vendor" when i + 1 < args.Length: vendor = args[++i]; break;
        case "-h" or "--help":
            Console.WriteLine("Builds the course book (static HTML, offline) from the executed notebooks.");
            Console.WriteLine("  dotnet run --project src/CourseBook        artifacts/executed/*.ipynb -> artifacts/book/");
            Console.WriteLine("  options: --in DIR (executed notebooks), --out DIR (the book), --vendor DIR (node_modules from .ci/setup-book)");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'; expected --in DIR, --out DIR, --vendor DIR or --help.");
            return 2;
    }
}

string root = Repository.Root();
var options = BookOptions.ForRepository(root, input is null ? null : Path.GetFullPath(input), output is null ? null : Path.GetFullPath(output));
if (vendor is not null) options = options with { VendorFolder = Path.GetFullPath(vendor) };
try
{
    var book = BookBuilder.Build(options);
    foreach (var w in book.Warnings) Console.Error.WriteLine("warning: " + w);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Book: {book.Pages.Count} chapters, {book.Pages.Sum(p => p.Charts)} charts, {book.Pages.Sum(p => p.Formulas)} formulas, " +
        $"{book.Bytes / 1e6:F1} MB in {book.Elapsed.TotalSeconds:F1} s -> {book.Index}"));
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("The book was not built: " + e.Message);
    return 1;
}
