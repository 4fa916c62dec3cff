namespace NotebookRunner;

/// <summary>The kernel could not be started; the message says why.</summary>
public sealed class KernelException(string message) : Exception(message);
