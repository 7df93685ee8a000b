namespace Lockstep.Core.Metrics;

/// <summary>
/// Binary classification metrics as scikit-learn computes them: accuracy, precision, recall and F1 of
/// <c>score ≥ threshold</c> (zero_division = 0), log loss (clipped at machine epsilon, as <c>log_loss</c>) and the
/// Brier score (<c>brier_score_loss</c>). Log loss and Brier need probabilities: they are left out when a score
/// lies outside [0, 1].
/// </summary>
public static class ClassificationMetrics
{
    private const double Epsilon = 2.220446049250313e-16; // np.finfo(np.float64).eps

    /// <exception cref="MetricException">Only one class is present, so the AUC is undefined.</exception>
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        var metrics = WithoutAuc(scores, labels, threshold);
        metrics["auc"] = RocAuc.Compute(scores, labels);
        return metrics;
    }

    /// <summary>Every metric but the AUC, which needs both classes.</summary>
    public static Dictionary<string, double> WithoutAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        if (scores.IsEmpty)
        {
            throw new MetricException("no rows: classification metrics of an empty set are undefined");
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);

        long truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        var probabilities = true;
        var logLoss = default(CompensatedSum);
        var brier = default(CompensatedSum);
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            var positive = labels[i];
            var predicted = score >= threshold;
            switch ((predicted, positive))
            {
                case (true, true): truePositives++; break;
                case (true, false): falsePositives++; break;
                case (false, true): falseNegatives++; break;
                default: trueNegatives++; break;
            }

            if (score is < 0 or > 1)
            {
                probabilities = false;
                continue;
            }

            var p = Math.Clamp(score, Epsilon, 1 - Epsilon);
            var q = 1 - p;
            var total = q + p;
            logLoss.Add(-Math.Log((positive ? p : q) / total));
            var error = score - (positive ? 1.0 : 0.0);
            brier.Add(error * error);
        }

        double n = scores.Length;
        metrics["accuracy"] = (truePositives + trueNegatives) / n;
        metrics["precision"] = Ratio(truePositives, truePositives + falsePositives);
        metrics["recall"] = Ratio(truePositives, truePositives + falseNegatives);
        metrics["f1"] = Ratio(2 * truePositives, (2 * truePositives) + falsePositives + falseNegatives);
        if (probabilities)
        {
            metrics["log_loss"] = logLoss.Value / n;
            metrics["brier"] = brier.Value / n;
        }

        return metrics;
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
