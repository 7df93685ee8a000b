using System.Globalization;

namespace Lockstep.Prometheus;

/// <summary>The good and total events of one step, the step that ends at <see cref="End"/>.</summary>
public sealed record SliStep(DateTimeOffset End, double Good, double Total);

/// <summary>
/// An SLI from two counters: for each step of <c>[from, to]</c> the events counted by the good and the total
/// selector. Each is asked as one range query, <c>sum(increase(&lt;selector&gt;[&lt;step&gt;s]))</c> evaluated at
/// from + step, from + 2·step, … to: the value at time t is the increase of the counters over the step that ends at
/// t, summed over all their series, so consecutive points count consecutive, non-overlapping steps, and counter
/// resets are handled by <c>increase</c>. <c>increase</c> extrapolates to the edges of its range, so a step's counts
/// are exact when the counter's rate is even within the step and may be fractional otherwise; they are not rounded.
/// A step with no total point (no series, or too few samples) is missing and left out; a step with a total but no
/// good point has no good events (a <c>sum</c> over no series is absent, not 0). A range of more steps than one
/// query may answer is asked in pieces.
/// </summary>
public static class PrometheusSli
{
    /// <summary>The query asked for a counter selector and a step: <c>sum(increase(selector[300s]))</c>.</summary>
    public static string IncreaseQuery(string selector, TimeSpan step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selector);
        return string.Create(CultureInfo.InvariantCulture, $"sum(increase({selector}[{(long)step.TotalSeconds}s]))");
    }

    /// <summary>The steps that end after <paramref name="from"/> and at or before <paramref name="to"/>, oldest first, with their counts.</summary>
    public static Task<IReadOnlyList<SliStep>> ReadAsync(
        PrometheusClient client, string goodQuery, string totalQuery, DateTimeOffset from, DateTimeOffset to, TimeSpan step, CancellationToken ct = default) =>
        ReadAsync(client, goodQuery, totalQuery, from, to, step, MaxStepsPerQuery, ct);

    /// <summary>As the public overload, asking at most <paramref name="maxStepsPerQuery"/> steps per range query.</summary>
    internal static async Task<IReadOnlyList<SliStep>> ReadAsync(
        PrometheusClient client, string goodQuery, string totalQuery, DateTimeOffset from, DateTimeOffset to, TimeSpan step, int maxStepsPerQuery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (step < TimeSpan.FromSeconds(1) || step.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "the step is a whole number of seconds, at least one");
        }

        if (to < from + step)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "the range holds no whole step");
        }

        var good = await ChunkedAsync(client, IncreaseQuery(goodQuery, step), from, to, step, maxStepsPerQuery, ct).ConfigureAwait(false);
        var total = await ChunkedAsync(client, IncreaseQuery(totalQuery, step), from, to, step, maxStepsPerQuery, ct).ConfigureAwait(false);
        return [.. total.OrderBy(p => p.Key).Select(p => new SliStep(p.Key, good.GetValueOrDefault(p.Key), p.Value))];
    }

    /// <summary>
    /// Prometheus refuses a range query of more than 11,000 points per series (28 days by the minute are 40,320), so
    /// a long range is asked in consecutive pieces of at most this many steps.
    /// </summary>
    internal const int MaxStepsPerQuery = 10_000;

    private static async Task<Dictionary<DateTimeOffset, double>> ChunkedAsync(
        PrometheusClient client, string query, DateTimeOffset from, DateTimeOffset to, TimeSpan step, int maxSteps, CancellationToken ct)
    {
        var all = new Dictionary<DateTimeOffset, double>();
        var steps = (to - from).Ticks / step.Ticks;
        for (long done = 0; done < steps; done += maxSteps)
        {
            var first = from + TimeSpan.FromTicks(step.Ticks * (done + 1));
            var last = from + TimeSpan.FromTicks(step.Ticks * Math.Min(done + maxSteps, steps));
            foreach (var (time, value) in Sum(await client.QueryRangeAsync(query, first, last, step, ct).ConfigureAwait(false)))
            {
                all[time] = value;
            }
        }

        return all;
    }

    // The queries sum over all series, so there is one series (or none); adding keeps a query that is not a sum whole.
    private static Dictionary<DateTimeOffset, double> Sum(IReadOnlyList<PrometheusSeries> series)
    {
        var byTime = new Dictionary<DateTimeOffset, double>();
        foreach (var point in series.SelectMany(s => s.Points))
        {
            byTime[point.Time] = byTime.GetValueOrDefault(point.Time) + point.Value;
        }

        return byTime;
    }
}
