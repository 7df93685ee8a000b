namespace Lockstep.Core.Evaluation;

public enum PredictionTask
{
    Binary,
    Regression,
}

/// <summary>A column that splits the rows into slices: a code per row (−1 when missing) into its distinct values.</summary>
public sealed record SliceColumn(string Name, ReadOnlyMemory<int> Codes, IReadOnlyList<string> Values);

/// <summary>
/// Predictions to evaluate, column by column. Binary tasks carry <see cref="Labels"/>, regression tasks
/// <see cref="Targets"/>; <see cref="LatencyMs"/> is optional.
/// </summary>
public sealed record PredictionSet
{
    public required PredictionTask Task { get; init; }

    public required ReadOnlyMemory<double> Scores { get; init; }

    public ReadOnlyMemory<bool> Labels { get; init; }

    public ReadOnlyMemory<double> Targets { get; init; }

    public ReadOnlyMemory<double>? LatencyMs { get; init; }

    /// <summary>Binary only: a baseline model's scores of the same rows, compared with <see cref="Scores"/> by DeLong's test.</summary>
    public ReadOnlyMemory<double>? BaselineScores { get; init; }

    /// <summary>The confidence level of the intervals, strictly between 0 and 1.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    public double Threshold { get; init; } = 0.5;

    /// <summary>Bootstrap intervals of the metrics; off unless <see cref="BootstrapOptions.Resamples"/> is set.</summary>
    public BootstrapOptions Bootstrap { get; init; } = new();

    public IReadOnlyList<SliceColumn> Slices { get; init; } = [];

    public int Rows => Scores.Length;
}

/// <summary>Overall metrics, per-slice metrics, and notes on metrics that could not be computed for a slice.</summary>
public sealed record EvaluationResult(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Slices,
    IReadOnlyList<string> Notes);
