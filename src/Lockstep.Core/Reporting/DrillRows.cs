using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The "DR drills" table of a DORA report: per lane and scenario, the drills, their median time to restore and the
/// last drill. Empty when no lane has a drill, so reports without drills stay as they were.
/// </summary>
public static class DrillRows
{
    public static readonly string[] Headers = ["Lane", "Scenario", "Drills", "Median time to restore", "Last drill"];

    public static List<string[]> Of(DoraReport report) =>
    [
        .. report.Lanes.SelectMany(lane => lane.Drills.Select(drill => new[]
        {
            LaneNames.Of(lane.Lane),
            drill.Scenario,
            drill.Drills.ToString(CultureInfo.InvariantCulture),
            drill.TimeToRestoreMedianHours is { } median ? Durations.Format(median) : "—",
            drill.LastOpenedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ", "
                + (drill.LastTimeToRestoreHours is { } last ? "restored in " + Durations.Format(last) : "still open"),
        })),
    ];

    /// <summary>The table in markdown under its heading, or nothing without drills.</summary>
    public static string Markdown(DoraReport report)
    {
        var rows = Of(report);
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder().AppendLine().AppendLine("#### DR drills").AppendLine()
            .AppendLine("Disaster-recovery drills, timed apart from incidents: never in the change failure rate or the time to restore.").AppendLine()
            .Append("| ").AppendJoin(" | ", Headers).AppendLine(" |")
            .Append('|').AppendJoin(string.Empty, Headers.Select(_ => "---|")).AppendLine();
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return md.ToString();
    }
}
