using Lockstep.Core.Metrics;

namespace Lockstep.Core.Dora;

/// <summary>
/// One drill scenario of a lane: how many drills opened in the report's span, how many were restored, and their
/// times to restore (hours, in the order the drills opened).
/// </summary>
public sealed record DrillSummary
{
    public required string Scenario { get; init; }

    public required int Drills { get; init; }

    public required int Restored { get; init; }

    public double? TimeToRestoreMedianHours { get; init; }

    public required IReadOnlyList<double> TimeToRestoreHours { get; init; }

    /// <summary>When the latest drill opened.</summary>
    public required DateTimeOffset LastOpenedAt { get; init; }

    /// <summary>The latest drill's time to restore; null while it is still open.</summary>
    public double? LastTimeToRestoreHours { get; init; }

    /// <summary>Per scenario that has a drill opened in (from, to], in the order of <see cref="DrillScenarios.All"/>.</summary>
    public static List<DrillSummary> Of(IEnumerable<Incident> drills, DateTimeOffset from, DateTimeOffset to)
    {
        var byScenario = drills.Where(d => d.Drill is not null && LaneCalculator.InWindow(d.OpenedAt, from, to)).ToLookup(d => d.Drill!);
        return [.. DrillScenarios.All.Where(byScenario.Contains).Select(s => Summarize(s, [.. byScenario[s].OrderBy(d => d.OpenedAt)]))];
    }

    private static DrillSummary Summarize(string scenario, List<Incident> drills)
    {
        var hours = drills.Where(d => d.ResolvedAt is not null).Select(Hours).ToList();
        var sorted = hours.Order().ToArray();
        var last = drills[^1];
        return new DrillSummary
        {
            Scenario = scenario,
            Drills = drills.Count,
            Restored = hours.Count,
            TimeToRestoreMedianHours = sorted.Length > 0 ? Percentile.Linear(sorted, 50) : null,
            TimeToRestoreHours = hours,
            LastOpenedAt = last.OpenedAt,
            LastTimeToRestoreHours = last.ResolvedAt is null ? null : Hours(last),
        };
    }

    private static double Hours(Incident drill) => (drill.ResolvedAt!.Value - drill.OpenedAt).TotalHours;
}
