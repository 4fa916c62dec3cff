namespace NotebookRunner;

/// <summary>How long one code cell took, for the summary and course-run.json.</summary>
public sealed record CellTiming(int CellNumber, string FirstLine, double Seconds);
