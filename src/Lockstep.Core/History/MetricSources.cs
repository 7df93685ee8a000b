namespace Lockstep.Core.History;

/// <summary>Where a <see cref="MetricFact"/> came from: its <see cref="MetricFact.Source"/>.</summary>
public static class MetricSources
{
    public const string ReportCard = "report-card";
    public const string Drift = "drift";
    public const string Freshness = "freshness";
}
