using System.Globalization;
using System.Text;

namespace Lockstep.Core.Drift;

/// <summary>
/// A drift report as markdown: a PSI bar chart (Mermaid) with the watch and act bands, and the feature table with
/// each PSI's p-value and smallest detectable PSI.
/// </summary>
public static class DriftMarkdown
{
    public static string Render(DriftReport report)
    {
        var md = new StringBuilder();
        var drifted = report.Features.Count(f => f.Drifted);
        var psi = PsiTexts.Of(report);
        md.Append("### Data drift: ").Append(drifted).Append(" of ").Append(report.Features.Count).Append(" features drifted (PSI ≥ ")
            .Append(psi.Threshold).AppendLine(")").AppendLine();
        md.Append("Reference `").Append(report.Reference.Path).Append("` (").Append(report.ReferenceRows.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" rows) → current `").Append(report.Current.Path).Append("` (").Append(report.CurrentRows.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" rows); binning ").Append(report.Settings.Binning).Append(", empty bins ").Append(report.Settings.EmptyBins).AppendLine(".").AppendLine();

        if (report.Features.Count > 0)
        {
            var names = string.Join(", ", report.Features.Select(f => $"\"{f.Feature.Replace("\"", "'", StringComparison.Ordinal)}\""));
            var top = Math.Max(0.3, report.Features.Max(f => f.Psi) * 1.1);
            md.AppendLine("```mermaid").AppendLine("xychart-beta").AppendLine("    title \"PSI by feature (0.1 watch, 0.25 act)\"")
                .Append("    x-axis [").Append(names).AppendLine("]")
                .Append("    y-axis \"PSI\" 0 --> ").AppendLine(Numbers.Format(Math.Round(top, 2)))
                .Append("    bar [").Append(string.Join(", ", report.Features.Select(f => Numbers.Format(f.Psi)))).AppendLine("]")
                .Append("    line [").Append(string.Join(", ", report.Features.Select(_ => "0.1"))).AppendLine("]")
                .Append("    line [").Append(string.Join(", ", report.Features.Select(_ => "0.25"))).AppendLine("]")
                .AppendLine("```").AppendLine();
        }

        md.AppendLine("| Feature | Kind | PSI | PSI p-value | Min. detectable PSI | KS p-value | Wasserstein (norm.) | Jensen–Shannon | Missing Δ | Drifted |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|---|");
        for (var i = 0; i < report.Features.Count; i++)
        {
            var f = report.Features[i];
            md.Append("| `").Append(f.Feature).Append("` | ").Append(f.Kind).Append(" | ").Append(psi.Features[i]).Append(" | ")
                .Append(Optional(f.PsiPValue)).Append(" | ").Append(Optional(f.PsiMinDetectable)).Append(" | ")
                .Append(Optional(f.KsPValue)).Append(" | ").Append(Optional(f.WassersteinNormed)).Append(" | ").Append(Optional(f.JensenShannon)).Append(" | ")
                .Append(Numbers.PercentWithSign(f.MissingShareDelta)).Append(" | ").Append(Drifted(f)).AppendLine(" |");
        }

        if (report.Features.Any(f => f.TooFewRows))
        {
            md.AppendLine().Append("*Too few rows*: the PSI reaches the threshold, but its p-value is not below ")
                .Append(Numbers.Format(1 - (report.Settings.PsiLevel ?? PsiSignificance.DefaultLevel)))
                .AppendLine(", so these row counts cannot tell it from sampling noise.");
        }

        return md.ToString();
    }

    private static string Drifted(FeatureDrift feature) => feature.TooFewRows ? "⚠️ yes, too few rows" : feature.Drifted ? "⚠️ yes" : "no";

    private static string Optional(double? value) => value is { } v ? Numbers.Format(v) : "—";
}
