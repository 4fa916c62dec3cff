using NotebookRunner;

// dotnet run --project src/NotebookRunner -- [notebooks...] [--out DIR] [--timeout MINUTES] [--jobs N] [--env NAME=VALUE]...; --help says more.
return await CommandLine.RunAsync(args, Console.Out, Console.Error);
