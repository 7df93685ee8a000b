namespace Lockstep.GitHub;

/// <summary>How long to keep trying when GitHub fails or limits the rate; the delay and clock are replaceable for tests.</summary>
public sealed record GitHubRetryPolicy
{
    /// <summary>Attempts in all, the first included, whatever the fault.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait after the first server error or network failure; it doubles after each one.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest total wait for rate limits to lift; a reset further away fails at once.</summary>
    public TimeSpan RateLimitBudget { get; init; } = TimeSpan.FromMinutes(2);

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    internal TimeSpan Backoff(int failures)
    {
        var ticks = FirstBackoff.Ticks * Math.Pow(2, failures - 1);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
