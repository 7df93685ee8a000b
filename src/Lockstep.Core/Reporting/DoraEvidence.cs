using System.Globalization;
using System.Text;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The ids behind a DORA report's numbers, per lane, with its notes and the unattributed incidents, collapsible (HTML
/// <c>details</c>). A cap shortens every list to make room. The plain variant counts instead (<see cref="DoraEvidenceCounts"/>).
/// </summary>
internal static class DoraEvidence
{
    public const string Title = "Events behind these numbers";

    /// <summary>The longest list: a cap this large shows everything.</summary>
    public static int LongestList(DoraReport report) =>
        report.Lanes.SelectMany(Lists).Select(l => l.Items.Count)
            .Concat(report.Lanes.Select(l => l.Notes.Count))
            .Append(report.UnattributedIncidents.Count)
            .Max();

    /// <param name="cap">The most items shown per list; null shows all.</param>
    public static string Render(DoraReport report, int? cap)
    {
        var md = new StringBuilder();
        md.AppendLine($"<details><summary>{Title}</summary>").AppendLine();
        md.AppendLine(WindowLine(report)).AppendLine();
        var omitted = 0;
        foreach (var lane in report.Lanes)
        {
            md.Append("**").Append(LaneNames.Heading(lane.Lane)).AppendLine(" lane**").AppendLine();
            foreach (var (label, items) in Lists(lane))
            {
                md.Append("- ");
                omitted += AppendIds(md, label, items, cap);
            }

            omitted += AppendNotes(md, lane, cap, "- ");
            md.AppendLine();
        }

        omitted += AppendIds(md, "**Unattributed incidents**", report.UnattributedIncidents, cap);
        md.AppendLine();
        AppendOmitted(md, omitted);
        md.AppendLine("</details>");
        return md.ToString().TrimEnd('\n') + "\n";
    }

    public static string WindowLine(DoraReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"The current window: the {report.WindowDays} days to {report.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");

    /// <summary>Ids as inline code, cut to <paramref name="cap"/> with <c>… N more</c>.</summary>
    /// <returns>How many ids the cap left out.</returns>
    public static int AppendIdList(StringBuilder md, IReadOnlyList<string> ids, int? cap)
    {
        var shown = Math.Min(ids.Count, cap ?? ids.Count);
        md.Append(string.Join(", ", ids.Take(shown).Select(MarkdownText.Code)));
        if (shown < ids.Count)
        {
            md.Append(shown > 0 ? ", " : string.Empty).Append(CultureInfo.InvariantCulture, $"… {ids.Count - shown} more");
        }

        return ids.Count - shown;
    }

    /// <returns>How many notes the cap left out.</returns>
    public static int AppendNotes(StringBuilder md, LaneReport lane, int? cap, string bullet)
    {
        var notes = cap is { } most ? lane.Notes.Take(most).ToList() : lane.Notes;
        foreach (var note in notes)
        {
            md.Append(bullet).Append("Note: ").AppendLine(MarkdownText.Cell(note));
        }

        return lane.Notes.Count - notes.Count;
    }

    public static void AppendOmitted(StringBuilder md, int omitted)
    {
        if (omitted > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"… {omitted} more events not shown; see the dora.json artifact").AppendLine().AppendLine();
        }
    }

    private static (string Label, IReadOnlyList<string> Items)[] Lists(LaneReport lane) =>
    [
        ("Deployments", lane.Current.Evidence.Deployments),
        ("Failed deployments", lane.Current.Evidence.FailedDeployments),
        ("Rework deployments", lane.Current.Evidence.ReworkDeployments),
        ("Restored incidents", lane.Current.Evidence.RestoredIncidents),
        ("Open incidents", lane.Current.Evidence.OpenIncidents),
    ];

    /// <returns>How many ids the cap left out.</returns>
    private static int AppendIds(StringBuilder md, string label, IReadOnlyList<string> ids, int? cap)
    {
        md.Append(label);
        if (ids.Count == 0)
        {
            md.AppendLine(": none");
            return 0;
        }

        md.Append(CultureInfo.InvariantCulture, $" ({ids.Count}): ");
        var omitted = AppendIdList(md, ids, cap);
        md.AppendLine();
        return omitted;
    }
}
