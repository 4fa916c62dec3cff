namespace NotebookRunner;

/// <summary>Where and how a notebook failed: the cell (numbered from 1, markdown cells count; 0 for the whole notebook) and the message.</summary>
public sealed record CellError(int CellNumber, string FirstLine, string Message)
{
    /// <summary>The message without libtorch's native stack frames, which say nothing to a learner.</summary>
    public override string ToString() =>
        (CellNumber == 0 ? "" : $"cell {CellNumber} (`{FirstLine}`): ") + string.Join('\n', Message.Split('\n')
            .Where(l => !l.TrimStart().StartsWith("frame #", StringComparison.Ordinal) && !l.StartsWith("Exception raised from", StringComparison.Ordinal))
            .Take(12));
}
