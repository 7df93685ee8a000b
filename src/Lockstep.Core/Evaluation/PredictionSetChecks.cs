using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>
/// The checks a prediction set passes before any metric runs, so that a bad value is named by its row in the whole
/// set rather than by its place in a slice.
/// </summary>
internal static class PredictionSetChecks
{
    public static void Require(PredictionSet set)
    {
        FiniteValues.Require(set.Scores.Span, "scores");
        if (set.Task == PredictionTask.Binary)
        {
            FiniteValues.RequireSameLength(set.Rows, "scores", set.Labels.Length, "labels");
            FiniteValues.RequireOne(set.Threshold, "threshold");
            if (set.BaselineScores is { } baseline)
            {
                FiniteValues.RequireSameLength(set.Rows, "scores", baseline.Length, "baseline scores");
                FiniteValues.Require(baseline.Span, "baseline scores");
            }
        }
        else
        {
            FiniteValues.RequireSameLength(set.Rows, "scores", set.Targets.Length, "targets");
            FiniteValues.Require(set.Targets.Span, "targets");
        }

        if (set.LatencyMs is { } latency)
        {
            FiniteValues.RequireSameLength(set.Rows, "scores", latency.Length, "latency");
            FiniteValues.Require(latency.Span, "latency");
        }

        if ((set.BaselineScores is not null || set.Bootstrap.Resamples > 0) && set.ConfidenceLevel is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(set), set.ConfidenceLevel, "the confidence level must lie strictly between 0 and 1");
        }

        if (set.Bootstrap.Resamples is < 0 or 1)
        {
            throw new ArgumentOutOfRangeException(nameof(set), set.Bootstrap.Resamples, "the number of bootstrap resamples must be 0 (off) or at least 2");
        }

        foreach (var slice in set.Slices)
        {
            FiniteValues.RequireSameLength(set.Rows, "scores", slice.Codes.Length, $"slice {slice.Name}");
        }
    }
}
