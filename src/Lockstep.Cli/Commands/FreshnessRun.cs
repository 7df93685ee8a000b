using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Contracts;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;
using Lockstep.Data;

namespace Lockstep.Cli.Commands;

/// <summary>Reads the timestamps, finds each feature's newest one, and writes the freshness report.</summary>
public static class FreshnessRun
{
    public static async Task<int> ExecuteAsync(FreshnessSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        OutputPaths.RefuseInputs(context, [("--out", settings.OutPath), ("--into", settings.IntoPath)], [("--data", settings.DataPath)]);
        var requests = settings.TimestampColumns.Select(c => new ColumnRequest(c, ColumnKind.Timestamp, AllowMissing: true, Latest: settings.AsOf)).ToList();
        if (settings.FeatureColumn is { } featureColumn)
        {
            requests.Add(new ColumnRequest(featureColumn, ColumnKind.Text));
        }

        var path = context.Resolve(settings.DataPath);
        using var progress = new ReadProgressDisplay(settings.DataPath, context);
        var table = await TableReader.ReadAsync(path, settings.DataPath, requests, new TableReadOptions { Delimiter = settings.Delimiter, Progress = progress }, cancellationToken)
            .ConfigureAwait(false);
        progress.Done(table.Rows);

        var newest = settings.FeatureColumn is { } features
            ? NewestPerFeature(table.Column<TimestampColumn>(settings.TimestampColumns[0]), table.Column<TextColumn>(features))
            : settings.TimestampColumns.ToDictionary(c => c, c => table.Column<TimestampColumn>(c).Newest(), StringComparer.Ordinal);

        foreach (var (feature, _) in newest.Where(pair => pair.Value == TimestampColumn.Missing))
        {
            var column = settings.FeatureColumn is null ? feature : settings.TimestampColumns[0];
            var what = settings.FeatureColumn is null ? "no timestamps (every value is missing)" : $"no timestamps for feature '{feature}'";
            throw new InputException(settings.DataPath, null, $"column '{column}'", what);
        }

        var report = FreshnessReport.Create(
            settings.AsOf,
            new InputDigest("data", settings.DataPath, FileDigest.Sha256(path)),
            newest.ToDictionary(p => p.Key, p => new DateTimeOffset(p.Value, TimeSpan.Zero), StringComparer.Ordinal));

        var outputs = new List<(string, string)> { (settings.OutPath, FreshnessReportJson.Serialize(report) + "\n") };
        if (settings.IntoPath is { } intoPath)
        {
            var file = InputFile.Read(intoPath, context);
            var card = ReportCardEditor.WithMetrics(ReportCardReader.Parse(file.Text, file.DisplayPath), report.Metrics);
            outputs.Add((intoPath, ReportCardReader.Serialize(card) + "\n"));
        }

        AtomicFiles.WriteAll(outputs, context);
        MetricTable.Write(context.Out, report.Metrics);
        foreach (var (output, _) in outputs)
        {
            context.Out.WriteLine($"wrote {output}");
        }

        return ExitCodes.Pass;
    }

    private static Dictionary<string, long> NewestPerFeature(TimestampColumn timestamps, TextColumn features)
    {
        var newest = Enumerable.Repeat(TimestampColumn.Missing, features.Dictionary.Count).ToArray();
        var ticks = timestamps.UtcTicks;
        var codes = features.Codes;
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] >= 0)
            {
                newest[codes[i]] = Math.Max(newest[codes[i]], ticks[i]);
            }
        }

        return features.Dictionary.Select((name, code) => (name, code)).ToDictionary(p => p.name, p => newest[p.code], StringComparer.Ordinal);
    }
}
