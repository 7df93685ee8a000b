namespace Lockstep.AzureDevOps.Tests;

/// <summary>
/// A clock whose timers fire at once: every wait the retries start is recorded and the clock moves on by it, so a
/// test sees the waits Lockstep would have made without making them.
/// </summary>
internal sealed class InstantClock(DateTimeOffset start) : TimeProvider
{
    private readonly List<TimeSpan> waits = [];
    private DateTimeOffset now = start;

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

    public override DateTimeOffset GetUtcNow()
    {
        lock (waits)
        {
            return now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FiredTimer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (waits)
            {
                waits.Add(dueTime);
                now += dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return timer;
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
