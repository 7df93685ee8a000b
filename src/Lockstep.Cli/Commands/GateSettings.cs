namespace Lockstep.Cli.Commands;

/// <summary>What <c>lockstep gate</c> was asked to do, as parsed from the command line.</summary>
public sealed record GateSettings(
    string PolicyPath,
    string CandidatePath,
    string? BaselinePath,
    string? ResultPath,
    string? MarkdownPath);
