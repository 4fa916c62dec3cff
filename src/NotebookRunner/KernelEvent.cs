using System.Text.Json.Nodes;

namespace NotebookRunner;

/// <summary>One event line the kernel wrote: its type, its payload, the token of the command it belongs to, and when it arrived.</summary>
public sealed record KernelEvent(string Type, JsonObject Event, string? Token, DateTimeOffset At);
