using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>
/// One scoring's classification metrics of a resample: accuracy, precision, recall and F1 from weighted confusion
/// counts, and when every score is a probability log loss and Brier from weighted sums of each row's term. A ratio
/// whose denominator is zero in a resample (no predicted positive for precision) is undefined there (NaN), not
/// scikit-learn's zero_division value, so that it does not pull the interval towards 0.
/// </summary>
internal sealed class BinaryReplicates : IReplicateKernel
{
    private const byte TruePositive = 0, FalsePositive = 1, FalseNegative = 2, TrueNegative = 3;

    private readonly byte[] outcomes;
    private readonly double[]? logLossTerms;
    private readonly double[]? brierTerms;

    public BinaryReplicates(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        outcomes = new byte[scores.Length];
        var probabilities = ClassificationMetrics.FirstNonProbability(scores) < 0;
        logLossTerms = probabilities ? new double[scores.Length] : null;
        brierTerms = probabilities ? new double[scores.Length] : null;
        for (var i = 0; i < scores.Length; i++)
        {
            outcomes[i] = (scores[i] >= threshold, labels[i]) switch
            {
                (true, true) => TruePositive,
                (true, false) => FalsePositive,
                (false, true) => FalseNegative,
                _ => TrueNegative,
            };
            if (probabilities)
            {
                logLossTerms![i] = ClassificationMetrics.LogLossTerm(scores[i], labels[i]);
                brierTerms![i] = ClassificationMetrics.BrierTerm(scores[i], labels[i]);
            }
        }

        Names = probabilities ? ["accuracy", "precision", "recall", "f1", "log_loss", "brier"] : ["accuracy", "precision", "recall", "f1"];
    }

    public IReadOnlyList<string> Names { get; }

    public void Compute(ReadOnlySpan<int> counts, Span<double> values)
    {
        Span<long> confusion = stackalloc long[4];
        var logLoss = default(CompensatedSum);
        var brier = default(CompensatedSum);
        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            if (count == 0)
            {
                continue;
            }

            confusion[outcomes[i]] += count;
            if (logLossTerms is not null)
            {
                logLoss.Add(count * logLossTerms[i]);
                brier.Add(count * brierTerms![i]);
            }
        }

        long tp = confusion[TruePositive], fp = confusion[FalsePositive], fn = confusion[FalseNegative], tn = confusion[TrueNegative];
        double rows = tp + fp + fn + tn;
        values[0] = (tp + tn) / rows;
        values[1] = Ratio(tp, tp + fp);
        values[2] = Ratio(tp, tp + fn);
        values[3] = Ratio(2 * tp, (2 * tp) + fp + fn);
        if (logLossTerms is not null)
        {
            values[4] = logLoss.Value / rows;
            values[5] = brier.Value / rows;
        }
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
