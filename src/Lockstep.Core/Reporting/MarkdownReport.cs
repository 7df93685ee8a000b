using System.Text;
using Lockstep.Core.Gates;

namespace Lockstep.Core.Reporting;

/// <summary>
/// The gate result as markdown: headline, what to do, the gate table (failures first, <see cref="GateRows"/>), reasons
/// and the inputs' digests.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Hidden marker that lets a later run find and update its own report.</summary>
    public const string Marker = "<!-- lockstep:gate -->";

    /// <summary>How many hex digits of a SHA-256 the plain variant shows.</summary>
    public const int ShortDigest = 12;

    /// <param name="policySource">The policy file as the reasons name it, without a link.</param>
    public static string Render(GateResult result, string policySource) => Render(result, new PolicyLink(policySource), plain: false);

    /// <param name="policy">Where the reasons point: the policy file's repository path, linked to each line where possible.</param>
    /// <param name="plain">Without HTML, for surfaces that do not render it: the inputs under a bold title instead of in <c>details</c>, their digests cut to <see cref="ShortDigest"/> characters.</param>
    public static string Render(GateResult result, PolicyLink policy, bool plain)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(policy);
        var md = new StringBuilder();
        md.AppendLine(Marker);
        md.Append("### ").Append(Icon(result.Verdict)).Append(" Lockstep gate: **").Append(ActionWords.Name(result.Verdict)).Append("**");
        if (result.Verdict is Verdict.Fail or Verdict.Warn && result.Action is { } action)
        {
            md.Append(" — ").Append(ActionWords.Imperative(action.Kind).ToLowerInvariant());
        }

        md.AppendLine().AppendLine();
        md.Append("**What to do:** ").AppendLine(MarkdownText.Cell(ActionWords.WhatToDo(result))).AppendLine();

        md.AppendLine("| Gate | Metric | Candidate | Baseline | Delta | Bound | Status |");
        md.AppendLine("|---|---|--:|--:|--:|---|---|");
        var gates = GateRows.InReadingOrder(result.Gates).ToList();
        foreach (var gate in gates)
        {
            var baseline = GateRows.HasBaseline(gate);
            md.Append("| `").Append(gate.Id).Append("` | ")
                .Append(MarkdownText.Cell(gate.Slice is null ? gate.Metric : $"{gate.Metric} [{gate.Slice}]")).Append(" | ")
                .Append(GateRows.Candidate(gate, "—")).Append(" | ")
                .Append(baseline ? Value(gate.Baseline) : "—").Append(" | ")
                .Append(baseline ? GateRows.Delta(gate, "—", withRelative: true) : "—").Append(" | ")
                .Append(MarkdownText.Cell(GateRows.Bound(gate))).Append(" | ")
                .Append(Icon(gate.Status)).Append(' ').Append(GateRows.Status(gate))
                .AppendLine(" |");
        }

        var notable = gates.Where(g => g.Status is not GateStatus.Pass).ToList();
        if (notable.Count > 0)
        {
            md.AppendLine().AppendLine("**Why**").AppendLine();
            foreach (var gate in notable)
            {
                md.Append("- `").Append(gate.Id).Append("` (").Append(policy.Line(gate.Line)).Append("): ")
                    .AppendLine(MarkdownText.Cell(gate.Why));
            }
        }

        if (result.Inputs.Count > 0)
        {
            md.AppendLine().AppendLine(plain ? "**Inputs**" : "<details><summary>Inputs</summary>").AppendLine();
            md.AppendLine("| Role | File | SHA-256 |").AppendLine("|---|---|---|");
            foreach (var input in result.Inputs)
            {
                md.Append("| ").Append(input.Role).Append(" | `").Append(MarkdownText.Cell(input.Path)).Append("` | `").Append(plain ? Short(input.Sha256) : input.Sha256).AppendLine("` |");
            }

            if (!plain)
            {
                md.AppendLine().AppendLine("</details>");
            }
        }

        return md.ToString();
    }

    /// <summary>The first 12 hex digits, as short commit ids read: enough to tell files apart, a fifth of the width.</summary>
    private static string Short(string sha256) => sha256.Length > ShortDigest ? sha256[..ShortDigest] : sha256;

    private static string Value(double? value) => value is { } v ? Numbers.Format(v) : "—";

    private static string Icon(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "✅",
        Verdict.Warn => "⚠️",
        Verdict.Fail => "❌",
        _ => "⛔",
    };

    private static string Icon(GateStatus status) => status switch
    {
        GateStatus.Pass => "✅",
        GateStatus.Warn => "⚠️",
        GateStatus.Fail => "❌",
        GateStatus.Skipped => "⏭️",
        _ => "⛔",
    };
}
