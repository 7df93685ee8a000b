namespace Lockstep.Core.Slo;

/// <summary>
/// What every SLI source yields: at a time, how many events were good and how many there were in all. A source may
/// give one row per event (good 0 or 1, total 1) or counts already aggregated per minute, hour or day.
/// </summary>
public readonly record struct SliSample(DateTimeOffset At, double Good, double Total);
