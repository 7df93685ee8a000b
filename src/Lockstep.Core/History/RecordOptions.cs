namespace Lockstep.Core.History;

/// <summary>What a recording knows besides its inputs.</summary>
/// <param name="At">The time of facts whose input carries none (<c>--at</c>, else now).</param>
/// <param name="RecordedAt">When the recording happens: the newest recorded version of a delivery event wins.</param>
/// <param name="Model">The model named with <c>--model</c>, for inputs that name none.</param>
/// <param name="Version">The version named with <c>--version</c>.</param>
public sealed record RecordOptions(DateTimeOffset At, DateTimeOffset RecordedAt, string? Model = null, string? Version = null);
