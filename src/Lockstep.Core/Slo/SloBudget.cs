namespace Lockstep.Core.Slo;

/// <summary>
/// One SLO's error budget at the as-of time. Counts are events for occurrences and slices for timeslices; the
/// fractions are null when the window has no data (a budget that cannot be measured is not reported as unspent).
/// </summary>
public sealed record SloBudget
{
    public required SloDefinition Slo { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Good events, or good slices.</summary>
    public required double Good { get; init; }

    /// <summary>All events, or the slices that count (those with data, and the empty ones when <c>missing</c> says how they count).</summary>
    public required double Total { get; init; }

    public double Bad => Total - Good;

    /// <summary>For timeslices: the complete slices of the window, with or without data.</summary>
    public long? SlicesInWindow { get; init; }

    /// <summary>For timeslices: the slices of the window that have data.</summary>
    public long? SlicesWithData { get; init; }

    /// <summary>The earliest data in the window; later than the window's start when the data covers less of it.</summary>
    public DateTimeOffset? FirstData { get; init; }

    public double? Sli => Total > 0 ? Good / Total : null;

    /// <summary>The share of the error budget spent: (1 − SLI) / (1 − objective).</summary>
    public double? Consumed => Sli is { } sli ? (1 - sli) / Slo.ErrorBudget : null;

    /// <summary>1 − consumed; negative when more than the budget is spent.</summary>
    public double? Remaining => Consumed is { } consumed ? 1 - consumed : null;

    /// <summary>The bad events or slices the window allows: (1 − objective) × total.</summary>
    public double AllowedBad => Slo.ErrorBudget * Total;

    /// <summary>Allowed minus actual bad events or slices; negative when overspent.</summary>
    public double RemainingBad => AllowedBad - Bad;

    /// <summary>For timeslices: the remaining bad slices as time.</summary>
    public TimeSpan? RemainingTime => Slo.Slice is { } slice && Total > 0 ? slice * RemainingBad : null;

    /// <summary>The burn rate over each of <see cref="BurnAlerts.Windows"/>; null for a window without events.</summary>
    public required IReadOnlyList<BurnRate> BurnRates { get; init; }

    public required IReadOnlyList<AlertState> Alerts { get; init; }
}

/// <summary>The bad-event fraction over a lookback divided by the error budget; 1 spends the budget exactly over the window.</summary>
public sealed record BurnRate(BurnWindow Window, double? Rate);

/// <summary>Whether a multiwindow alert holds; null when either of its windows has no events.</summary>
public sealed record AlertState(BurnAlert Alert, double? LongRate, double? ShortRate)
{
    public bool? Holds => LongRate is { } l && ShortRate is { } s ? l >= Alert.Factor && s >= Alert.Factor : null;
}
