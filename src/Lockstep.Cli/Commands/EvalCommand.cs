using System.CommandLine;
using Lockstep.Core;
using Lockstep.Core.Evaluation;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep eval</c>: a report card's metrics from a predictions file.</summary>
public static class EvalCommand
{
    public static readonly Option<string> Predictions = new("--predictions")
    {
        Description = "Predictions file: CSV (RFC 4180, with a header) or Parquet.",
        Required = true,
        HelpName = "file",
    };

    public static readonly Option<string> Label = new("--label") { Description = "Column of true labels (binary: 0/1 or false/true) or targets (regression).", Required = true, HelpName = "column" };

    public static readonly Option<string> Score = new("--score") { Description = "Column of predicted scores (binary: probability or any score) or values.", Required = true, HelpName = "column" };

    public static readonly Option<double> Threshold = new("--threshold") { Description = "Binary: a score at or above it predicts the positive class.", DefaultValueFactory = _ => 0.5 };

    public static readonly Option<string?> BaselineScore = new("--baseline-score")
    {
        Description = "Binary: column of the production model's scores for the same rows: adds auc.baseline, auc.delta (candidate minus baseline) and DeLong's auc.delta.se, .z, .p_value, .ci_low, .ci_high.",
        HelpName = "column",
    };

    public static readonly Option<double> Ci = new("--ci")
    {
        Description = "Confidence level of the intervals (auc.delta.ci_low/ci_high, and with --bootstrap every M.ci_low/M.ci_high), strictly between 0 and 1.",
        DefaultValueFactory = _ => 0.95,
        HelpName = "level",
    };

    public static readonly Option<int> Bootstrap = new("--bootstrap")
    {
        Description = $"Resamples for bootstrap intervals: adds M.se, M.ci_low, M.ci_high for every metric M (auc's from DeLong's variance), and with --baseline-score M.baseline, M.delta and its interval. 0 (the default) is off; {BootstrapOptions.RecommendedResamples} is recommended.",
        HelpName = "N",
    };

    public static readonly Option<long> BootstrapSeed = new("--bootstrap-seed")
    {
        Description = "Seed of the bootstrap's resamples: the same inputs and seed give the same intervals on every machine.",
        DefaultValueFactory = _ => BootstrapOptions.DefaultSeed,
        HelpName = "seed",
    };

    public static readonly Option<string?> LatencyMs = new("--latency-ms") { Description = "Column of per-prediction latency in milliseconds: adds latency.p50_ms … latency.p99_ms and latency.max_ms.", HelpName = "column" };

    public static readonly Option<string[]> Slice = new("--slice")
    {
        Description = "Column to slice by (repeatable): each value gets its own metrics under slices['column=value'].",
        HelpName = "column",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string> Task = new("--task") { Description = "binary or regression.", DefaultValueFactory = _ => "binary" };

    public static readonly Option<string> Out = new("--out", "-o") { Description = "Write the report card (lockstep.report-card/v1) here.", Required = true, HelpName = "file" };

    public static readonly Option<string?> Into = new("--into") { Description = "Start from this report card and add the metrics to it (the same path as --out updates it in place).", HelpName = "file" };

    public static readonly Option<string?> ModelName = new("--model-name") { Description = "The model's name (required without --into).", HelpName = "name" };

    public static readonly Option<string?> ModelVersion = new("--model-version") { Description = "The model's version (required without --into).", HelpName = "version" };

    public static readonly Option<char?> Delimiter = CommonOptions.Delimiter();

    static EvalCommand()
    {
        Bootstrap.Validators.Add(result =>
        {
            var resamples = result.GetValueOrDefault<int>();
            if (resamples is < 0 or 1)
            {
                result.AddError($"--bootstrap must be 0 (off) or at least 2 resamples ({BootstrapOptions.RecommendedResamples} is recommended), got {resamples}");
            }
        });
        Task.AcceptOnlyFromAmong("binary", "regression");
        Threshold.Validators.Add(result =>
        {
            var threshold = result.GetValueOrDefault<double>();
            if (threshold is not (>= 0 and <= 1))
            {
                result.AddError($"--threshold must be between 0 and 1 (scores are probabilities), got {Numbers.Format(threshold)}");
            }
        });
        Ci.Validators.Add(result =>
        {
            var level = result.GetValueOrDefault<double>();
            if (level is not (> 0 and < 1))
            {
                result.AddError($"--ci must lie strictly between 0 and 1 (a confidence level such as 0.95), got {Numbers.Format(level)}");
            }
        });
    }

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("eval", """
            Compute a model's metrics from its predictions and write them into a report card.
            Binary: auc, accuracy, precision, recall, f1 (at --threshold), log_loss and brier (when scores are probabilities).
            Regression: rmse, mae, r2. With --latency-ms: latency percentiles. With --slice: the same per slice.
            With --baseline-score: the candidate's AUC against the production model's on the same rows (DeLong's test).
            With --bootstrap N: each metric's standard error and --ci interval from N resamples stratified by label
            (seed --bootstrap-seed), and with --baseline-score each difference's too.
            Values equal scikit-learn's, NumPy's and pROC's (see docs/metrics.md).

            Examples:
              lockstep eval --predictions preds.csv --label y --score p --model-name churn --model-version 1.4.0 --out candidate.json
              lockstep eval --predictions preds.parquet --label y --score p --latency-ms latency --slice region --into candidate.json --out candidate.json
              lockstep eval --predictions preds.csv --label y --score p_candidate --baseline-score p_production --ci 0.95 --model-name churn --model-version 1.5.0 --out candidate.json
              lockstep eval --predictions preds.csv --label y --score p_candidate --baseline-score p_production --bootstrap 1000 --bootstrap-seed 7 --into candidate.json --out candidate.json
            """)
        {
            Predictions, Label, Score, BaselineScore, Ci, Bootstrap, BootstrapSeed, Threshold, LatencyMs, Slice, Task, Out, Into, ModelName, ModelVersion, Delimiter,
        };

        command.Validators.Add(result =>
        {
            if (result.GetValue(BaselineScore) is not null && result.GetValue(Task) == "regression")
            {
                result.AddError("--baseline-score compares AUCs: it needs --task binary");
            }

            if (result.GetResult(BootstrapSeed) is { Implicit: false } && result.GetValue(Bootstrap) == 0)
            {
                result.AddError("--bootstrap-seed seeds the bootstrap: it needs --bootstrap N with N at least 2");
            }

            if (result.GetValue(Into) is null && (result.GetValue(ModelName) is null || result.GetValue(ModelVersion) is null))
            {
                result.AddError("--model-name and --model-version are required unless --into names an existing report card");
            }
        });

        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new EvalSettings(
                parseResult.GetValue(Predictions)!,
                parseResult.GetValue(Label)!,
                parseResult.GetValue(Score)!,
                parseResult.GetValue(Threshold),
                parseResult.GetValue(LatencyMs),
                parseResult.GetValue(Slice) ?? [],
                parseResult.GetValue(Task) == "regression" ? PredictionTask.Regression : PredictionTask.Binary,
                parseResult.GetValue(Out)!,
                parseResult.GetValue(Into),
                parseResult.GetValue(ModelName),
                parseResult.GetValue(ModelVersion),
                parseResult.GetValue(Delimiter))
            {
                BaselineScoreColumn = parseResult.GetValue(BaselineScore),
                ConfidenceLevel = parseResult.GetValue(Ci),
                BootstrapResamples = parseResult.GetValue(Bootstrap),
                BootstrapSeed = parseResult.GetValue(BootstrapSeed),
            };
            return EvalRun.ExecuteAsync(settings, context(), cancellationToken);
        });
        return command;
    }
}

public sealed record EvalSettings(
    string PredictionsPath,
    string LabelColumn,
    string ScoreColumn,
    double Threshold,
    string? LatencyColumn,
    IReadOnlyList<string> SliceColumns,
    PredictionTask Task,
    string OutPath,
    string? IntoPath,
    string? ModelName,
    string? ModelVersion,
    char? Delimiter)
{
    /// <summary>Binary: the production model's score column, compared with the candidate's by DeLong's test.</summary>
    public string? BaselineScoreColumn { get; init; }

    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The number of bootstrap resamples; 0 is off.</summary>
    public int BootstrapResamples { get; init; }

    public long BootstrapSeed { get; init; } = BootstrapOptions.DefaultSeed;
}
