namespace NotebookRunner;

/// <summary>How a cell's execution ended.</summary>
public enum CellEnd
{
    /// <summary>The kernel answered the cell's command (CommandSucceeded or CommandFailed).</summary>
    Answered,
    /// <summary>The kernel process ended while the cell ran.</summary>
    KernelDied,
    /// <summary>The notebook's time ran out while the cell ran.</summary>
    TimedOut,
}
