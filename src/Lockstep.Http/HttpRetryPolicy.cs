using System.Globalization;

namespace Lockstep.Http;

/// <summary>
/// How long a platform client keeps trying when the service throttles (a rate limit, <c>Retry-After</c>) or fails
/// (5xx, timeout, network): the attempts per request, the backoff between them, and one budget for all the waiting of
/// a run. The clock is replaceable, so tests wait for nothing.
/// </summary>
public sealed record HttpRetryPolicy
{
    /// <summary>Attempts per request (and per repeated exchange), the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait after the first server error or network failure; it doubles after each one.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest total wait of a run, backoffs and rate limits together; a wait that would go beyond it is not started.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock whose timers the waits run on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Told before each wait (how long, and what it waits out), so that a wait of seconds is never silent.</summary>
    public Action<TimeSpan, string>? OnWait { get; init; }

    /// <summary>How messages end when a wait did not fit: "beyond the 2 min Lockstep waits in all".</summary>
    public string BeyondBudget => $"beyond the {Describe(Budget)} Lockstep waits in all";

    /// <summary>A wait as messages show it: "10 min", "4 s".</summary>
    public static string Describe(TimeSpan wait) =>
        wait.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalMinutes:0.#} min")
            : string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0.#} s");

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row: 2 s, 4 s, 8 s … up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff(int failures)
    {
        var ticks = FirstBackoff.Ticks * Math.Pow(2, Math.Max(failures, 1) - 1);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
