using System.Text;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The pull request comment: the gate report, the PR's lead time against its lane, the two-lane DORA table, Mermaid
/// charts and the events behind the numbers. It stays under GitHub's comment limit: the event lists are shortened
/// first, and only if that is not enough are the charts left out.
/// </summary>
public static class PrReport
{
    /// <summary>GitHub's limit on a comment body, in characters (UTF-16 units are counted, which is never fewer).</summary>
    public const int MaxLength = 65_536;

    public static string Render(PrReportInput input) => Render(input, MaxLength);

    internal static string Render(PrReportInput input, int limit)
    {
        var full = Compose(input, charts: !input.Plain, cap: null);
        if (full.Length <= limit || input.Dora is not { } dora)
        {
            return full;
        }

        foreach (var charts in input.Plain ? [false] : new[] { true, false })
        {
            if (Compose(input, charts, cap: 0).Length > limit)
            {
                continue;
            }

            // The largest cap that fits (the length grows with the cap); a cap above the longest list shows all.
            int fits = 0, tooMany = DoraEvidence.LongestList(dora) + 1;
            while (tooMany - fits > 1)
            {
                var cap = fits + ((tooMany - fits) / 2);
                (fits, tooMany) = Compose(input, charts, cap).Length <= limit ? (cap, tooMany) : (fits, cap);
            }

            return Compose(input, charts, fits);
        }

        // The gate report and the tables are never cut; this is as short as the comment gets.
        return Compose(input, charts: false, cap: 0);
    }

    internal static string Compose(PrReportInput input, bool charts, int? cap)
    {
        var md = new StringBuilder(MarkdownReport.Render(input.Gate, input.PolicySource, input.Plain));
        if (input.PrView is { } view)
        {
            md.AppendLine().AppendLine(PrLeadTimeLine.Render(view, input.Lane, input.PrNumber));
        }

        if (input.Dora is not { } dora)
        {
            return md.ToString();
        }

        md.AppendLine().Append(DoraMarkdown.Render(dora, input.Plain));
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
                md.AppendLine().AppendLine("_Charts left out to keep this comment under GitHub's 65,536-character limit._");
            }
        }

        md.AppendLine().Append(DoraEvidence.Render(dora, input.Plain, cap));
        return md.ToString();
    }
}
