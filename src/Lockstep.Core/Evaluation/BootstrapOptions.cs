namespace Lockstep.Core.Evaluation;

/// <summary>
/// How <see cref="PredictionEvaluator"/> resamples the rows for bootstrap intervals: the number of resamples
/// (0, the default, turns the bootstrap off), the seed of <see cref="Metrics.BootstrapRandom"/>, and how many
/// resamples run at once, which changes the time taken but never the result.
/// </summary>
public sealed record BootstrapOptions
{
    /// <summary>The seed when none is given: fixed, so that the same inputs give the same intervals everywhere.</summary>
    public const long DefaultSeed = 42;

    /// <summary>The recommended number of resamples: the intervals' ends move by less than a tenth of a standard error between seeds.</summary>
    public const int RecommendedResamples = 1000;

    /// <summary>The number of resamples: 0 (off) or at least 2.</summary>
    public int Resamples { get; init; }

    public long Seed { get; init; } = DefaultSeed;

    /// <summary>The most resamples drawn at once; −1 for as many as the machine has cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Told the share of all resamples (the whole set's and every slice's) done so far, from any thread.</summary>
    public IProgress<double>? Progress { get; init; }
}
