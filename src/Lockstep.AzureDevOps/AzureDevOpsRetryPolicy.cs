namespace Lockstep.AzureDevOps;

/// <summary>
/// How long to keep trying when Azure DevOps throttles (429 with <c>Retry-After</c>) or fails (5xx, network): the
/// attempts per request, the backoff, and one budget for all the waiting of a run. The clock is replaceable, so
/// tests wait for nothing.
/// </summary>
public sealed record AzureDevOpsRetryPolicy
{
    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait after the first server error or network failure; it doubles after each one.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest total wait of a run; a wait that would go beyond it fails at once.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock whose timers the retries wait on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    internal TimeSpan Backoff(int failures)
    {
        var ticks = FirstBackoff.Ticks * Math.Pow(2, failures - 1);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
