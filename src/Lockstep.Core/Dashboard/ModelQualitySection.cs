using System.Text;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// The ML signal family over time: PSI per feature with the rollback line, each gated metric per model version with
/// its allowed band, feature freshness against its bound, and the gate verdict history.
/// </summary>
internal static class ModelQualitySection
{
    private const string PsiPrefix = "drift.psi.", FreshnessPrefix = "freshness.", FreshnessSuffix = "_hours";

    /// <summary>Where no drift gate is recorded, the line of a significant shift the field uses (DESIGN: PSI &gt; 0.25).</summary>
    public const double SignificantPsi = 0.25;

    public static string Render(DashboardInput input)
    {
        var buckets = new Buckets(input.Timeline[0].First, input.Timeline[0].BucketDays);
        var html = new StringBuilder("<section id=\"model-quality\"><h2>Model quality: the ML signals</h2>");
        html.Append(VerdictStrip.Figure(input.Gates));
        html.Append(FeatureSeriesFigure.Render(
            "psi",
            "PSI per feature",
            "Population stability of each feature against the training reference, per day it was measured; above the rollback line the runbook rolls back.",
            input.Metrics,
            input.Gates,
            input.Metrics.Any(m => PsiFeature(m.Metric) is not null) ? PsiFeature : LargestPsi,
            metric => metric.StartsWith(PsiPrefix, StringComparison.Ordinal),
            ($"significant shift at {Numbers.Format(SignificantPsi)}", SignificantPsi),
            Numbers.Format,
            buckets));
        html.Append(GatedMetricFigures.Render(input.Gates, metric => metric.StartsWith(PsiPrefix, StringComparison.Ordinal) || metric.StartsWith(FreshnessPrefix, StringComparison.Ordinal)));
        html.Append(FeatureSeriesFigure.Render(
            "freshness",
            "Feature freshness",
            "Age of each feature's newest value when it was measured; above its bound the features are stale.",
            input.Metrics,
            input.Gates,
            FreshnessFeature,
            metric => metric.StartsWith(FreshnessPrefix, StringComparison.Ordinal),
            null,
            Reporting.Durations.Format,
            buckets));
        return html.Append("</section>").ToString();
    }

    private static string? PsiFeature(string metric) =>
        metric.StartsWith(PsiPrefix, StringComparison.Ordinal) && metric != PsiPrefix + "max" ? metric[PsiPrefix.Length..] : null;

    /// <summary>Where no feature's own PSI is recorded, the largest PSI stands for them all.</summary>
    private static string? LargestPsi(string metric) => metric == PsiPrefix + "max" ? "largest PSI of any feature" : null;

    private static string? FreshnessFeature(string metric) =>
        metric.StartsWith(FreshnessPrefix, StringComparison.Ordinal) && metric.EndsWith(FreshnessSuffix, StringComparison.Ordinal) && metric != "freshness.max_hours"
            ? metric[FreshnessPrefix.Length..^FreshnessSuffix.Length]
            : null;
}
