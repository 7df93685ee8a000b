using System.Globalization;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The one line that stands for the repository-wide delivery section while it is collapsed, e.g.
/// <c>Delivery, 30 days: code elite · model high</c>. A lane's level is the lowest of the DORA 2024 levels of its four
/// key metrics in the current window (deployment frequency, lead time, change failure rate, time to restore): a lane
/// is as good as its weakest key metric. Metrics without a value (no lead times, no restored incidents) are left out.
/// </summary>
public static class DeliverySummary
{
    public static string Line(DoraReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lanes = report.Lanes.Select(l => $"{LaneNames.Of(l.Lane)} {Name(LaneLevel(l.Current))}");
        return $"Delivery, {report.WindowDays.ToString(CultureInfo.InvariantCulture)} days: {string.Join(" · ", lanes)}";
    }

    public static PerformanceLevel LaneLevel(WindowMetrics window)
    {
        ArgumentNullException.ThrowIfNull(window);
        PerformanceLevel?[] levels = [window.FrequencyLevel, window.LeadTimeLevel, window.ChangeFailureLevel, window.TimeToRestoreLevel];
        return levels.OfType<PerformanceLevel>().Min();
    }

    private static string Name(PerformanceLevel level) => level.ToString().ToLowerInvariant();
}
