using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The plain variant's evidence: one line per lane with counts, naming only what a reader follows up (the failed
/// deployments, the restored and open incidents), e.g. <c>43 deployments, 4 failed (`code-0096`, …), 1 rework; 3
/// incidents restored (…), 1 open (…)</c>, then the lane's notes and the unattributed incidents. The deployments' ids
/// are in the DORA report (<c>lockstep dora --json</c>). A cap shortens every id list to make room.
/// </summary>
internal static class DoraEvidenceCounts
{
    /// <param name="cap">The most ids shown per list; null shows all.</param>
    public static string Render(DoraReport report, int? cap)
    {
        var md = new StringBuilder();
        md.AppendLine($"#### {DoraEvidence.Title}").AppendLine();
        md.AppendLine(DoraEvidence.WindowLine(report)).AppendLine();
        var omitted = 0;
        foreach (var lane in report.Lanes)
        {
            var evidence = lane.Current.Evidence;
            md.Append("- **").Append(LaneNames.Heading(lane.Lane)).Append(" lane**: ")
                .Append(CultureInfo.InvariantCulture, $"{Count(evidence.Deployments.Count, "deployment", "deployments")}, ");
            omitted += Counted(md, evidence.FailedDeployments, "failed", cap);
            md.Append(CultureInfo.InvariantCulture, $", {evidence.ReworkDeployments.Count} rework; ")
                .Append(CultureInfo.InvariantCulture, $"{Count(evidence.RestoredIncidents.Count, "incident", "incidents")} restored");
            omitted += Ids(md, evidence.RestoredIncidents, cap);
            md.Append(", ");
            omitted += Counted(md, evidence.OpenIncidents, "open", cap);
            md.AppendLine();
            omitted += DoraEvidence.AppendNotes(md, lane, cap, "  - ");
        }

        md.Append("- **Unattributed incidents**: ").Append(report.UnattributedIncidents.Count.ToString(CultureInfo.InvariantCulture));
        omitted += Ids(md, report.UnattributedIncidents, cap);
        md.AppendLine().AppendLine();
        DoraEvidence.AppendOmitted(md, omitted);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    /// <summary><c>4 failed (`a`, `b`, …)</c>, or <c>0 failed</c>.</summary>
    private static int Counted(StringBuilder md, IReadOnlyList<string> ids, string word, int? cap)
    {
        md.Append(CultureInfo.InvariantCulture, $"{ids.Count} {word}");
        return Ids(md, ids, cap);
    }

    private static int Ids(StringBuilder md, IReadOnlyList<string> ids, int? cap)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        md.Append(" (");
        var omitted = DoraEvidence.AppendIdList(md, ids, cap);
        md.Append(')');
        return omitted;
    }
}
