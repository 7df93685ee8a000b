namespace Lockstep.Core.History;

/// <summary>The model and time of a recorded report card, which a gate result judging that card takes over.</summary>
public sealed record CardStamp(string Model, string Version, DateTimeOffset At);
