using Microsoft.Extensions.Time.Testing;

namespace Lockstep.Tests.Shared;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose timers fire as soon as they are set: each one moves the fake clock on to
/// its due time, and its wait is recorded. A test sees the waits the retries would have made, and the clock as it
/// would have read, without waiting.
/// </summary>
internal sealed class FiringClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> waits = [];

    /// <summary>The waits timers were set for, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (waits)
            {
                return [.. waits];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (waits)
            {
                waits.Add(dueTime);
            }

            // Outside the caller's stack: the timer's owner finishes setting it up before it fires.
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
