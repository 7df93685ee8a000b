namespace Lockstep.Core.Metrics;

/// <summary>
/// DeLong's comparison of a candidate's AUC with a baseline's on the same rows: the difference (candidate minus
/// baseline), its standard error, z, the two-sided normal p-value and the confidence interval of the difference.
/// </summary>
public sealed record PairedAucComparison
{
    public required double CandidateAuc { get; init; }

    public required double BaselineAuc { get; init; }

    public double Delta => CandidateAuc - BaselineAuc;

    public required double StandardError { get; init; }

    public double Z => Delta / StandardError;

    public double PValue => NormalDistribution.TwoSidedPValue(Z);

    /// <summary>The interval's confidence level, e.g. 0.95.</summary>
    public required double Level { get; init; }

    public double CiLow => Delta - (Multiplier * StandardError);

    public double CiHigh => Delta + (Multiplier * StandardError);

    /// <summary>The normal quantile the interval is wide by on each side: 1.96 at 0.95.</summary>
    private double Multiplier => NormalDistribution.Quantile(1 - ((1 - Level) / 2));

    internal static PairedAucComparison From(double candidateAuc, double baselineAuc, double standardError, double level) => new()
    {
        CandidateAuc = candidateAuc,
        BaselineAuc = baselineAuc,
        StandardError = standardError,
        Level = level,
    };
}
