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

    public double Threshold { get; init; } = 0.5;

    public IReadOnlyList<SliceColumn> Slices { get; init; } = [];

    public int Rows => Scores.Length;
}

/// <summary>Overall metrics, per-slice metrics, and notes on metrics that could not be computed for a slice.</summary>
public sealed record EvaluationResult(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Slices,
    IReadOnlyList<string> Notes);
