using System.Text;
using Lockstep.Core;
using Lockstep.Core.Drift;

namespace Lockstep.Cli.Io;

/// <summary>The drift report as an aligned table (with each PSI's p-value, and "too few rows" where it is not significant) and the summary metrics.</summary>
public static class DriftConsoleTable
{
    private static readonly string[] Headers = ["Feature", "Kind", "PSI", "PSI p", "KS p", "W-norm", "JS", "Missing Δ", "Drifted"];

    public static string Render(DriftReport report)
    {
        var psi = PsiTexts.Of(report).Features;
        var rows = report.Features.Select((f, i) => new[]
        {
            f.Feature, f.Kind, psi[i], Optional(f.PsiPValue), Optional(f.KsPValue), Optional(f.WassersteinNormed), Optional(f.JensenShannon),
            Numbers.PercentWithSign(f.MissingShareDelta), f.TooFewRows ? "yes, too few rows" : f.Drifted ? "yes" : "no",
        }).ToList();
        var widths = Headers.Select((h, c) => rows.Select(r => r[c].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(Headers))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        text.AppendLine();
        foreach (var name in new[] { "drift.psi.max", "drift.share_drifted" })
        {
            if (report.Metrics.TryGetValue(name, out var value))
            {
                text.Append(name).Append(": ").AppendLine(Numbers.Format(value));
            }
        }

        return text.ToString();
    }

    private static string Optional(double? value) => value is { } v ? Numbers.Format(v) : "-";
}
