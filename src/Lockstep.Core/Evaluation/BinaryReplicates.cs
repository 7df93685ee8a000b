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
    // Partial sums of this many rows are plain; the partial sums are added up compensated.
    private const int Block = 4096;

    private readonly byte[] predicted;
    private readonly byte[] positive;
    private readonly double[]? logLossTerms;
    private readonly double[]? brierTerms;

    public BinaryReplicates(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        predicted = new byte[scores.Length];
        positive = new byte[scores.Length];
        var probabilities = ClassificationMetrics.FirstNonProbability(scores) < 0;
        logLossTerms = probabilities ? new double[scores.Length] : null;
        brierTerms = probabilities ? new double[scores.Length] : null;
        for (var i = 0; i < scores.Length; i++)
        {
            predicted[i] = scores[i] >= threshold ? (byte)1 : (byte)0;
            positive[i] = labels[i] ? (byte)1 : (byte)0;
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
        // One pass, with no branch on the count: a row drawn 0 times adds 0, and a third of the rows are not drawn,
        // at random. Log loss and Brier are summed plainly within blocks of rows, compensated across them.
        long rows = 0, positives = 0, predictedPositives = 0, truePositives = 0;
        var logLoss = default(CompensatedSum);
        var brier = default(CompensatedSum);
        for (var start = 0; start < counts.Length; start += Block)
        {
            var end = Math.Min(start + Block, counts.Length);
            double logLossPart = 0, brierPart = 0;
            for (var i = start; i < end; i++)
            {
                var count = counts[i];
                var hit = predicted[i];
                rows += count;
                positives += count * positive[i];
                predictedPositives += count * hit;
                truePositives += count * (hit & positive[i]);
                if (logLossTerms is not null)
                {
                    logLossPart += count * logLossTerms[i];
                    brierPart += count * brierTerms![i];
                }
            }

            logLoss.Add(logLossPart);
            brier.Add(brierPart);
        }

        long tp = truePositives, fp = predictedPositives - truePositives, fn = positives - truePositives;
        values[0] = (rows - fp - fn) / (double)rows;
        values[1] = Ratio(tp, tp + fp);
        values[2] = Ratio(tp, tp + fn);
        values[3] = Ratio(2 * tp, (2 * tp) + fp + fn);
        if (logLossTerms is not null)
        {
            values[4] = logLoss.Value / rows;
            values[5] = brier.Value / rows;
        }
    }

    /// <summary>Σ count·term, plain within blocks of rows and compensated across them.</summary>
    internal static double WeightedSum(ReadOnlySpan<int> counts, ReadOnlySpan<double> terms)
    {
        var sum = default(CompensatedSum);
        for (var start = 0; start < counts.Length; start += Block)
        {
            var end = Math.Min(start + Block, counts.Length);
            var partial = 0.0;
            for (var i = start; i < end; i++)
            {
                partial += counts[i] * terms[i];
            }

            sum.Add(partial);
        }

        return sum.Value;
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
