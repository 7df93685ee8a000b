using System.Globalization;
using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Contracts;
using Lockstep.Core.Evaluation;
using Lockstep.Core.Metrics;
using Lockstep.Data;

namespace Lockstep.Cli.Commands;

/// <summary>Reads the predictions, computes the metrics, and writes the report card.</summary>
public static class EvalRun
{
    public static async Task<int> ExecuteAsync(EvalSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        // --into is the card this run updates; --out may name it to update it in place.
        OutputPaths.RefuseInputs(context, [("--out", settings.OutPath)], [("--predictions", settings.PredictionsPath)]);
        OutputPaths.RefuseInputs(context, [("--into", settings.IntoPath)], [("--predictions", settings.PredictionsPath)]);
        var existing = settings.IntoPath is { } into ? ReadCard(into, context) : null;

        var requests = new List<ColumnRequest>
        {
            new(settings.ScoreColumn, ColumnKind.Number),
            new(settings.LabelColumn, settings.Task == PredictionTask.Binary ? ColumnKind.Label : ColumnKind.Number),
        };
        if (settings.BaselineScoreColumn is { } baselineColumn)
        {
            requests.Add(new(baselineColumn, ColumnKind.Number));
        }

        if (settings.LatencyColumn is { } latencyColumn)
        {
            requests.Add(new(latencyColumn, ColumnKind.Number));
        }

        requests.AddRange(settings.SliceColumns.Select(column => new ColumnRequest(column, ColumnKind.Text)));

        var path = context.Resolve(settings.PredictionsPath);
        using var progress = new ReadProgressDisplay(settings.PredictionsPath, context);
        var table = await TableReader.ReadAsync(
            path, settings.PredictionsPath, requests, new TableReadOptions { Delimiter = settings.Delimiter, Progress = progress }, cancellationToken).ConfigureAwait(false);
        progress.Done(table.Rows);

        var set = new PredictionSet
        {
            Task = settings.Task,
            Scores = table.Column<NumberColumn>(settings.ScoreColumn).Memory,
            Labels = settings.Task == PredictionTask.Binary ? table.Column<LabelColumn>(settings.LabelColumn).Memory : default,
            Targets = settings.Task == PredictionTask.Regression ? table.Column<NumberColumn>(settings.LabelColumn).Memory : default,
            LatencyMs = settings.LatencyColumn is { } latency ? table.Column<NumberColumn>(latency).Memory : (ReadOnlyMemory<double>?)null,
            BaselineScores = settings.BaselineScoreColumn is { } baseline ? table.Column<NumberColumn>(baseline).Memory : (ReadOnlyMemory<double>?)null,
            ConfidenceLevel = settings.ConfidenceLevel,
            Threshold = settings.Threshold,
            Bootstrap = new BootstrapOptions { Resamples = settings.BootstrapResamples, Seed = settings.BootstrapSeed },
            Slices = settings.SliceColumns
                .Select(column => table.Column<TextColumn>(column))
                .Select(column => new SliceColumn(column.Name, column.CodesMemory, column.Dictionary))
                .ToList(),
        };

        EvaluationResult result;
        using var computing = new BootstrapProgressDisplay(table.Rows, settings.BootstrapResamples, context);
        try
        {
            result = PredictionEvaluator.Evaluate(set with { Bootstrap = set.Bootstrap with { Progress = computing } });
            computing.Done();
        }
        catch (MetricException e)
        {
            throw new InputException(settings.PredictionsPath, null, $"column '{settings.LabelColumn}'", e.Message);
        }

        var card = existing ?? new ReportCard
        {
            Schema = ReportCard.SchemaId,
            Model = new ModelInfo
            {
                Name = settings.ModelName!,
                Version = settings.ModelVersion!,
                Task = settings.Task == PredictionTask.Binary ? "binary-classification" : "regression",
            },
            Metrics = new Dictionary<string, double>(),
        };
        if (existing is not null && (settings.ModelName is not null || settings.ModelVersion is not null))
        {
            card = card with { Model = card.Model with { Name = settings.ModelName ?? card.Model.Name, Version = settings.ModelVersion ?? card.Model.Version } };
        }

        card = ReportCardEditor.WithMetrics(card, result.Metrics);
        card = ReportCardEditor.WithSlices(card, result.Slices);
        card = ReportCardEditor.WithDataset(card, new DatasetReference
        {
            Role = "evaluation",
            Uri = settings.PredictionsPath,
            Sha256 = FileDigest.Sha256(path),
            Rows = table.Rows,
        });
        card = ReportCardEditor.EvaluatedAt(card, context.Clock.GetUtcNow());

        AtomicFiles.WriteAll([(settings.OutPath, ReportCardReader.Serialize(card) + "\n")], context);

        MetricTable.Write(context.Out, result.Metrics);
        foreach (var note in result.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }

        context.Out.WriteLine($"wrote {settings.OutPath} ({result.Slices.Count} slices)");
        return ExitCodes.Pass;
    }

    private static ReportCard ReadCard(string path, CliContext context)
    {
        var file = InputFile.Read(path, context);
        return ReportCardReader.Parse(file.Text, file.DisplayPath);
    }
}
