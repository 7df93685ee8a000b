using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>The PR view in one line: its lead time if deployed now, against its lane's median and P95.</summary>
public static class PrLeadTimeLine
{
    public static string Render(PrLeadTimeView view, Lane lane, int? prNumber)
    {
        var laneName = LaneNames.Of(lane);
        var line = new StringBuilder("**Lead time of ");
        line.Append(prNumber is { } number ? $"PR #{number.ToString(CultureInfo.InvariantCulture)}" : "this PR").Append("** (")
            .Append(laneName).Append(" lane, counted from the ").Append(view.StartedFrom)
            .Append(view.StartedFrom == PrLeadTime.FromPrOpened ? ": its commit times are not known" : string.Empty)
            .Append("): if deployed now: ").Append(Durations.Format(view.HoursSoFar));

        if (view.LaneMedianHours is { } median && view.LaneP95Hours is { } p95 && view.PercentileRank is { } rank)
        {
            line.Append("; lane median ").Append(Durations.Format(median)).Append(", P95 ").Append(Durations.Format(p95))
                .Append("; percentile rank ").Append(Numbers.Percent(rank)).Append(" among the lane's ")
                .Append(view.LaneSamples.ToString(CultureInfo.InvariantCulture)).Append(" lead times in the window.");
        }
        else
        {
            line.Append("; no ").Append(laneName).Append("-lane lead times in the window to compare with.");
        }

        return line.ToString();
    }
}
