namespace Lockstep.Core.Slo;

/// <summary>
/// The SRE workbook's error-budget arithmetic over the rolling window that ends at the as-of time. Occurrences:
/// SLI = good events / events of the samples with window start &lt; time ≤ as-of. Timeslices: the window's
/// complete slices (aligned to UTC midnight), each good when its good events / events reach the slice threshold;
/// SLI = good slices / slices that count. Burn rates use the events of each lookback for both methods.
/// </summary>
public static class BudgetCalculator
{
    public static SloBudget Compute(SloDefinition slo, IReadOnlyList<SliSample> samples, DateTimeOffset asOf)
    {
        var windowStart = asOf - slo.Window;
        var inWindow = samples.Where(s => s.At > windowStart && s.At <= asOf).ToList();
        var budget = slo.Budgeting == BudgetingMethod.Timeslices
            ? Timeslices(slo, samples, asOf)
            : Occurrences(slo, inWindow, asOf);
        var rates = BurnAlerts.Windows.Select(w => new BurnRate(w, Burn(slo, samples, asOf, w.Length))).ToList();
        double? RateOf(BurnWindow window) => rates.First(r => r.Window == window).Rate;
        return budget with
        {
            BurnRates = rates,
            Alerts = BurnAlerts.Pairs.Select(a => new AlertState(a, RateOf(a.LongWindow), RateOf(a.ShortWindow))).ToList(),
        };
    }

    private static SloBudget Occurrences(SloDefinition slo, List<SliSample> inWindow, DateTimeOffset asOf) => new()
    {
        Slo = slo,
        AsOf = asOf,
        Good = inWindow.Sum(s => s.Good),
        Total = inWindow.Sum(s => s.Total),
        FirstData = inWindow.Count > 0 ? inWindow.Min(s => s.At) : null,
        BurnRates = [],
        Alerts = [],
    };

    private static SloBudget Timeslices(SloDefinition slo, IReadOnlyList<SliSample> samples, DateTimeOffset asOf)
    {
        var slice = slo.Slice!.Value.Ticks;
        var first = CeilingDiv((asOf - slo.Window).UtcTicks, slice);
        var end = asOf.UtcTicks / slice;
        var perSlice = new Dictionary<long, (double Good, double Total)>();
        DateTimeOffset? firstData = null;
        foreach (var sample in samples)
        {
            var index = sample.At.UtcTicks / slice;
            if (index < first || index >= end || sample.Total <= 0)
            {
                continue;
            }

            var (sliceGood, sliceTotal) = perSlice.GetValueOrDefault(index);
            perSlice[index] = (sliceGood + sample.Good, sliceTotal + sample.Total);
            firstData = firstData is { } f && f <= sample.At ? f : sample.At;
        }

        var goodSlices = perSlice.Values.Count(c => c.Good / c.Total >= slo.SliceThreshold - 1e-12);
        var slicesInWindow = Math.Max(0, end - first);
        var empty = slicesInWindow - perSlice.Count;
        var counted = slo.Missing == MissingData.Ignore ? perSlice.Count : slicesInWindow;
        var good = slo.Missing == MissingData.Good ? goodSlices + empty : goodSlices;
        return new SloBudget
        {
            Slo = slo,
            AsOf = asOf,
            Good = good,
            Total = counted,
            SlicesInWindow = slicesInWindow,
            SlicesWithData = perSlice.Count,
            FirstData = firstData,
            BurnRates = [],
            Alerts = [],
        };
    }

    /// <summary>(bad events / events over the lookback ending at as-of) / (1 − objective); null without events.</summary>
    private static double? Burn(SloDefinition slo, IReadOnlyList<SliSample> samples, DateTimeOffset asOf, TimeSpan lookback)
    {
        double good = 0, total = 0;
        foreach (var sample in samples)
        {
            if (sample.At > asOf - lookback && sample.At <= asOf)
            {
                good += sample.Good;
                total += sample.Total;
            }
        }

        return total > 0 ? (total - good) / total / slo.ErrorBudget : null;
    }

    private static long CeilingDiv(long ticks, long slice) => ticks >= 0 ? (ticks + slice - 1) / slice : ticks / slice;
}
