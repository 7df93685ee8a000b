namespace Lockstep.Scaffolding;

/// <summary>A file a scaffold renders: its path relative to the output folder (with <c>/</c>) and its text.</summary>
public sealed record GeneratedFile(string Path, string Content);
