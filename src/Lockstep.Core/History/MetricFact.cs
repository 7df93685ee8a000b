namespace Lockstep.Core.History;

/// <summary>
/// One metric value at one time: from a report card (its metrics, and each slice's as <see cref="Slice"/>), a drift
/// report (<c>drift.psi.&lt;feature&gt;</c>, <c>drift.psi.max</c>, …) or a freshness report
/// (<c>freshness.&lt;feature&gt;_hours</c>, …).
/// </summary>
/// <param name="At">The card's evaluation time, the freshness report's as-of time, or when it was recorded.</param>
/// <param name="Source"><c>report-card</c>, <c>drift</c> or <c>freshness</c>.</param>
/// <param name="Model">The model's name, when the source names one.</param>
/// <param name="Version">The model's version, when the source names one.</param>
/// <param name="Slice">The slice, as <c>column=value</c>; null for the whole set.</param>
public sealed record MetricFact(
    DateTimeOffset At,
    string Source,
    string? Model,
    string? Version,
    string Metric,
    string? Slice,
    double Value);
