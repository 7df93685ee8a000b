namespace Lockstep.Core.Metrics;

/// <summary>
/// Binary classification metrics as scikit-learn computes them: accuracy, precision, recall and F1 of
/// <c>score ≥ threshold</c> (zero_division = 0), log loss (clipped at machine epsilon, as <c>log_loss</c>) and the
/// Brier score (<c>brier_score_loss</c>). Log loss and Brier need probabilities: <see cref="LogLoss"/> and
/// <see cref="Brier"/> refuse a score outside [0, 1], and <see cref="Compute"/> leaves both out then, so that the
/// caller can say which score (<see cref="FirstNonProbability"/>).
/// </summary>
public static class ClassificationMetrics
{
    private const double Epsilon = 2.220446049250313e-16; // np.finfo(np.float64).eps

    /// <exception cref="MetricException">No rows, or only one class is present, so the AUC is undefined.</exception>
    /// <exception cref="ArgumentException">A score or the threshold is NaN or infinite, or the lengths differ.</exception>
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        var metrics = WithoutAuc(scores, labels, threshold);
        metrics["auc"] = RocAuc.Compute(scores, labels);
        return metrics;
    }

    /// <summary>Every metric but the AUC, which needs both classes.</summary>
    /// <exception cref="MetricException">No rows.</exception>
    /// <exception cref="ArgumentException">A score or the threshold is NaN or infinite, or the lengths differ.</exception>
    public static Dictionary<string, double> WithoutAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        RequireRows(scores, labels);
        FiniteValues.RequireOne(threshold, nameof(threshold));

        long truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            switch ((scores[i] >= threshold, labels[i]))
            {
                case (true, true): truePositives++; break;
                case (true, false): falsePositives++; break;
                case (false, true): falseNegatives++; break;
                default: trueNegatives++; break;
            }
        }

        double n = scores.Length;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["accuracy"] = (truePositives + trueNegatives) / n,
            ["precision"] = Ratio(truePositives, truePositives + falsePositives),
            ["recall"] = Ratio(truePositives, truePositives + falseNegatives),
            ["f1"] = Ratio(2 * truePositives, (2 * truePositives) + falsePositives + falseNegatives),
        };
        if (FirstNonProbability(scores) < 0)
        {
            metrics["log_loss"] = SumLogLoss(scores, labels) / n;
            metrics["brier"] = SumBrier(scores, labels) / n;
        }

        return metrics;
    }

    /// <summary>scikit-learn's <c>log_loss(labels, scores)</c>: each probability clipped to [ε, 1 − ε] first.</summary>
    /// <exception cref="MetricException">No rows.</exception>
    /// <exception cref="ArgumentException">A score is not a probability (NaN, infinite, or outside [0, 1]), or the lengths differ.</exception>
    public static double LogLoss(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        RequireProbabilities(scores, labels, "log_loss");
        return SumLogLoss(scores, labels) / scores.Length;
    }

    /// <summary>scikit-learn's <c>brier_score_loss(labels, scores)</c>: the mean of (score − label)².</summary>
    /// <exception cref="MetricException">No rows.</exception>
    /// <exception cref="ArgumentException">A score is not a probability (NaN, infinite, or outside [0, 1]), or the lengths differ.</exception>
    public static double Brier(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        RequireProbabilities(scores, labels, "brier");
        return SumBrier(scores, labels) / scores.Length;
    }

    /// <summary>The index of the first score outside [0, 1] (NaN included), or −1 when every score is a probability.</summary>
    public static int FirstNonProbability(ReadOnlySpan<double> scores)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] is not (>= 0 and <= 1))
            {
                return i;
            }
        }

        return -1;
    }

    private static double SumLogLoss(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var sum = default(CompensatedSum);
        for (var i = 0; i < scores.Length; i++)
        {
            sum.Add(LogLossTerm(scores[i], labels[i]));
        }

        return sum.Value;
    }

    /// <summary>One row's share of the log loss's sum.</summary>
    internal static double LogLossTerm(double score, bool label)
    {
        var p = Math.Clamp(score, Epsilon, 1 - Epsilon);
        var q = 1 - p;
        var total = q + p;
        return -Math.Log((label ? p : q) / total);
    }

    /// <summary>One row's share of the Brier score's sum.</summary>
    internal static double BrierTerm(double score, bool label)
    {
        var error = score - (label ? 1.0 : 0.0);
        return error * error;
    }

    private static double SumBrier(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var sum = default(CompensatedSum);
        for (var i = 0; i < scores.Length; i++)
        {
            sum.Add(BrierTerm(scores[i], labels[i]));
        }

        return sum.Value;
    }

    private static void RequireRows(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        FiniteValues.RequireSameLength(scores.Length, nameof(scores), labels.Length, nameof(labels));
        if (scores.IsEmpty)
        {
            throw new MetricException("no rows: classification metrics of an empty set are undefined");
        }

        FiniteValues.Require(scores, nameof(scores));
    }

    private static void RequireProbabilities(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, string metric)
    {
        RequireRows(scores, labels);
        var index = FirstNonProbability(scores);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"scores[{index}] is {OutsideText(scores[index])}, outside [0, 1]: {metric} needs probabilities", nameof(scores));
        }
    }

    /// <summary>A score outside [0, 1] written with the digits that set it apart from the bound it crosses (1.0000001, not 1).</summary>
    internal static string OutsideText(double score) => Numbers.Distinct(score, score > 1 ? 1 : 0)[0];

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
