using Lockstep.Core.Dora;
using Lockstep.Core.History;

namespace Lockstep.Core.Dashboard;

/// <summary>Everything the dashboard shows, computed before it is drawn.</summary>
/// <param name="Dora">Both lanes' DORA report as of <see cref="AsOf"/>: the same report <c>lockstep dora --json</c> writes.</param>
/// <param name="Timeline">Both lanes over the charts' span.</param>
/// <param name="Metrics">The metric facts of the span.</param>
/// <param name="Gates">The gate facts of the span.</param>
/// <param name="SpanDays">How many days the charts cover, ending with the as-of day.</param>
/// <param name="Product">The product and version that drew the page, for its footer.</param>
public sealed record DashboardInput(
    DateTimeOffset AsOf,
    int SpanDays,
    DoraReport Dora,
    IReadOnlyList<LaneTimeline> Timeline,
    IReadOnlyList<MetricFact> Metrics,
    IReadOnlyList<GateFact> Gates,
    string Product)
{
    /// <summary>The error budgets to show, from <c>lockstep budget --json</c>; null leaves the section out.</summary>
    public Slo.BudgetReport? Budget { get; init; }
}
