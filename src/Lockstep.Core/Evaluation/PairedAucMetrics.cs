using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>
/// The report card's comparison of the candidate's AUC with a baseline model's scored on the same rows, by DeLong's
/// test: <c>auc.baseline</c>, <c>auc.delta</c> (candidate minus baseline) and its standard error, z, two-sided
/// p-value and confidence interval.
/// </summary>
public static class PairedAucMetrics
{
    public const string Baseline = "auc.baseline";
    public const string Delta = "auc.delta";
    public const string StandardError = "auc.delta.se";
    public const string Z = "auc.delta.z";
    public const string PValue = "auc.delta.p_value";
    public const string CiLow = "auc.delta.ci_low";
    public const string CiHigh = "auc.delta.ci_high";

    /// <summary>
    /// Adds the comparison to <paramref name="metrics"/>, which already hold the candidate's <c>auc</c>. When the test
    /// is not computable (a class with one row, a difference with zero variance) only the AUCs and their difference are
    /// added, and the returned note says why the rest is missing; a gate on a missing metric errors, it never passes.
    /// </summary>
    /// <exception cref="MetricException">Only one class: the AUCs are undefined.</exception>
    public static string? Add(
        IDictionary<string, double> metrics, ReadOnlySpan<double> candidate, ReadOnlySpan<double> baseline, ReadOnlySpan<bool> labels, double level)
    {
        try
        {
            var comparison = DeLongTest.Compare(candidate, baseline, labels, level);
            metrics[Baseline] = comparison.BaselineAuc;
            metrics[Delta] = comparison.Delta;
            metrics[StandardError] = comparison.StandardError;
            metrics[Z] = comparison.Z;
            metrics[PValue] = comparison.PValue;
            metrics[CiLow] = comparison.CiLow;
            metrics[CiHigh] = comparison.CiHigh;
            return null;
        }
        catch (MetricException e)
        {
            // With one class only this throws too: then nothing is comparable and the caller reports the AUC's error.
            var baselineAuc = RocAuc.Compute(baseline, labels);
            metrics[Baseline] = baselineAuc;
            metrics[Delta] = RocAuc.Compute(candidate, labels) - baselineAuc;
            return $"{StandardError}, {Z}, {PValue}, {CiLow} and {CiHigh} left out: {e.Message}";
        }
    }
}
