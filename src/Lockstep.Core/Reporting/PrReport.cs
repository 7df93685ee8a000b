using System.Text;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The pull request comment: the gate report, the PR's lead time against its lane, then, collapsed under a one-line
/// summary (<see cref="DeliverySummary"/>) and the dashboard's address when one is published, the two-lane DORA table, Mermaid charts and the events behind the numbers. It stays under the comment limit of the platform it is posted on (the
/// pull request host's <see cref="Platform.IPullRequestHost.MaxCommentLength"/>): the event lists are shortened first,
/// and only if that is not enough are the charts left out.
/// </summary>
public static class PrReport
{
    /// <param name="limit">The longest comment the platform accepts, in characters (UTF-16 units are counted, which is never fewer).</param>
    public static string Render(PrReportInput input, int limit)
    {
        ArgumentNullException.ThrowIfNull(input);
        var full = Compose(input, charts: !input.Plain, cap: null, limit);
        if (full.Length <= limit || input.Dora is not { } dora)
        {
            return full;
        }

        foreach (var charts in input.Plain ? [false] : new[] { true, false })
        {
            if (Compose(input, charts, cap: 0, limit).Length > limit)
            {
                continue;
            }

            // The largest cap that fits (the length grows with the cap); a cap above the longest list shows all.
            int fits = 0, tooMany = DoraEvidence.LongestList(dora) + 1;
            while (tooMany - fits > 1)
            {
                var cap = fits + ((tooMany - fits) / 2);
                (fits, tooMany) = Compose(input, charts, cap, limit).Length <= limit ? (cap, tooMany) : (fits, cap);
            }

            return Compose(input, charts, fits, limit);
        }

        // The gate report and the tables are never cut; this is as short as the comment gets.
        return Compose(input, charts: false, cap: 0, limit);
    }

    internal static string Compose(PrReportInput input, bool charts, int? cap, int limit)
    {
        var md = new StringBuilder(MarkdownReport.Render(input.Gate, input.Policy, input.Plain));
        if (input.PrView is { } view)
        {
            md.AppendLine().AppendLine(PrLeadTimeLine.Render(view, input.Lane, input.PrNumber));
        }

        if (input.Dora is not { } dora)
        {
            return md.ToString();
        }

        if (!input.Plain)
        {
            // The repository-wide section is the same on every PR: collapsed, with its levels in the summary.
            md.AppendLine().Append("<details><summary>").Append(DeliverySummary.Line(dora)).AppendLine("</summary>");
        }

        if (input.Dashboard is { } dashboard)
        {
            md.AppendLine().Append("Dashboard: <").Append(dashboard.AbsoluteUri).AppendLine(">");
        }

        md.AppendLine().Append(DoraMarkdown.Render(dora));
        if (charts)
        {
            md.AppendLine().Append(DoraCharts.DeploymentsPerDay(dora));
            if (DoraCharts.StageStrip(dora) is { } strip)
            {
                md.AppendLine().Append(strip);
            }

            md.AppendLine().Append(DoraCharts.ChangeFailureRate(dora));
        }
        else
        {
            if (DoraCharts.StageStripText(dora) is { } stages)
            {
                md.AppendLine().AppendLine(stages);
            }

            if (!input.Plain)
            {
                md.AppendLine().AppendLine(FormattableString.Invariant($"_Charts left out to keep this comment under the {limit:N0}-character comment limit._"));
            }
        }

        md.AppendLine().Append(input.Plain ? DoraEvidenceCounts.Render(dora, cap) : DoraEvidence.Render(dora, cap));
        if (!input.Plain)
        {
            md.AppendLine().AppendLine("</details>");
        }

        return md.ToString();
    }
}
