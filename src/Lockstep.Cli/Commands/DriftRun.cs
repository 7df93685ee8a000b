using System.Globalization;
using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;
using Lockstep.Core.Gates;
using Lockstep.Core.Metrics;
using Lockstep.Core.Reporting;
using Lockstep.Data;

namespace Lockstep.Cli.Commands;

/// <summary>Reads both data sets (at once), compares every feature, and writes the drift report.</summary>
public static class DriftRun
{
    public static async Task<int> ExecuteAsync(DriftSettingsInput settings, CliContext context, CancellationToken cancellationToken)
    {
        OutputPaths.RefuseInputs(
            context,
            [("--out", settings.OutPath), ("--markdown", settings.MarkdownPath), ("--into", settings.IntoPath)],
            [("--reference", settings.ReferencePath), ("--current", settings.CurrentPath)]);
        var referencePath = context.Resolve(settings.ReferencePath);
        var currentPath = context.Resolve(settings.CurrentPath);
        var readOptions = new TableReadOptions { Delimiter = settings.Delimiter };
        var described = await TableReader.DescribeAsync(referencePath, settings.ReferencePath, readOptions, cancellationToken).ConfigureAwait(false);
        var requests = Requests(described, settings);

        // Both files are read at once: one progress line each.
        var reading = new TerminalLines(context, 2);
        using var referenceProgress = new ReadProgressDisplay(settings.ReferencePath, context, reading.Row(0));
        using var currentProgress = new ReadProgressDisplay(settings.CurrentPath, context, reading.Row(1));
        var reads = new[]
        {
            TableReader.ReadAsync(referencePath, settings.ReferencePath, requests, readOptions with { Progress = referenceProgress }, cancellationToken),
            TableReader.ReadAsync(currentPath, settings.CurrentPath, requests, readOptions with { Progress = currentProgress }, cancellationToken),
        };
        var tables = await Task.WhenAll(reads).ConfigureAwait(false);
        var (reference, current) = (tables[0], tables[1]);
        referenceProgress.Done(reference.Rows);
        currentProgress.Done(current.Rows);

        var features = new FeatureDrift[requests.Count];
        using var computing = new TerminalLine(context);
        computing.Draw(() => string.Create(CultureInfo.InvariantCulture, $"computing drift for {requests.Count:N0} features…"));
        var compared = 0;
        await Parallel.ForAsync(0, requests.Count, cancellationToken, (i, _) =>
        {
            var name = requests[i].Name;
            var referenceSample = Sample(reference, requests[i]);
            var currentSample = Sample(current, requests[i]);
            RequireValues(referenceSample, settings.ReferencePath, name);
            RequireValues(currentSample, settings.CurrentPath, name);
            features[i] = FeatureDriftCalculator.Compare(name, referenceSample, currentSample, settings.Options);
            var done = Interlocked.Increment(ref compared);
            computing.Draw(() => string.Create(CultureInfo.InvariantCulture, $"computing drift: {done:N0} of {requests.Count:N0} features"));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        computing.Clear();

        var report = DriftReport.Create(
            settings.Options,
            new InputDigest("reference", settings.ReferencePath, FileDigest.Sha256(referencePath)),
            reference.Rows,
            new InputDigest("current", settings.CurrentPath, FileDigest.Sha256(currentPath)),
            current.Rows,
            features);

        var outputs = new List<(string, string)> { (settings.OutPath, DriftReportJson.Serialize(report) + "\n") };
        if (settings.MarkdownPath is { } markdownPath)
        {
            outputs.Add((markdownPath, DriftMarkdown.Render(report)));
        }

        if (settings.IntoPath is { } intoPath)
        {
            var file = InputFile.Read(intoPath, context);
            var card = ReportCardReader.Parse(file.Text, file.DisplayPath);
            card = ReportCardEditor.WithMetrics(card, report.Metrics);
            card = ReportCardEditor.WithFeatures(card, features.ToDictionary(f => f.Feature, f => f.Current, StringComparer.Ordinal));
            outputs.Add((intoPath, ReportCardReader.Serialize(card) + "\n"));
        }

        AtomicFiles.WriteAll(outputs, context);
        context.Out.Write(DriftConsoleTable.Render(report));
        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        return ExitCodes.Pass;
    }

    private static List<ColumnRequest> Requests(IReadOnlyList<ColumnInfo> described, DriftSettingsInput settings)
    {
        var byName = described.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var names = settings.Columns.Count > 0 ? settings.Columns : described.Select(c => c.Name).ToList();
        foreach (var name in names.Concat(settings.Categorical).Where(n => !byName.ContainsKey(n)))
        {
            var headerLine = TableReader.IsParquet(settings.ReferencePath) ? (int?)null : 1;
            throw new InputException(settings.ReferencePath, headerLine, null, $"no column '{name}' (the file has: {string.Join(", ", byName.Keys)})");
        }

        return names
            .Select(name => new ColumnRequest(
                name,
                settings.Categorical.Contains(name) || byName[name].Kind != ColumnKind.Number ? ColumnKind.Text : ColumnKind.Number,
                AllowMissing: true))
            .ToList();
    }

    private static FeatureSample Sample(Table table, ColumnRequest request)
    {
        if (request.Kind == ColumnKind.Number)
        {
            var column = table.Column<NumberColumn>(request.Name);
            return FeatureSample.Numeric(column.TakeBuffer(), column.Count);
        }

        var (counts, missing) = table.Column<TextColumn>(request.Name).CountValues();
        return FeatureSample.Categorical(counts, missing);
    }

    private static void RequireValues(FeatureSample sample, string source, string column)
    {
        if (sample.IsNumeric ? sample.Sorted.IsEmpty : sample.Categories!.Count == 0)
        {
            throw new InputException(source, null, $"column '{column}'", $"no values to compare (all {sample.Rows} rows are missing)");
        }
    }
}
