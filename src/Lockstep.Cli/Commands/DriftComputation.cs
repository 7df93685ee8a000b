using System.Globalization;
using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Drift;
using Lockstep.Core.Gates;
using Lockstep.Data;

namespace Lockstep.Cli.Commands;

/// <summary>
/// Reads both data sets (at once) and compares every feature: the drift report of <c>drift</c> and <c>monitor</c>.
/// SQL sides and <c>--engine duckdb</c> go to <see cref="WarehouseDriftComputation"/>, which computes where the data lies.
/// </summary>
public static class DriftComputation
{
    public static async Task<DriftReport> ComputeAsync(DriftInputs inputs, CliContext context, CancellationToken cancellationToken) =>
        (await ComputeAsync(inputs, [], context, cancellationToken).ConfigureAwait(false)).Report;

    /// <param name="currentExtras">
    /// Columns of the current data that are not features (a label, a score, a timestamp): read in the same pass as the
    /// features when the files are read into memory, so the current file is read once.
    /// </param>
    public static async Task<DriftComputed> ComputeAsync(
        DriftInputs inputs, IReadOnlyList<ColumnRequest> currentExtras, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(currentExtras);
        ArgumentNullException.ThrowIfNull(context);
        if (inputs.IsSql)
        {
            return new(await WarehouseDriftComputation.ComputeSqlAsync(inputs, context, cancellationToken).ConfigureAwait(false), null);
        }

        var referencePath = context.Resolve(inputs.ReferencePath);
        var currentPath = context.Resolve(inputs.CurrentPath);
        var readOptions = new TableReadOptions { Delimiter = inputs.Delimiter };
        var described = await TableReader.DescribeAsync(referencePath, inputs.ReferencePath, readOptions, cancellationToken).ConfigureAwait(false);
        var requests = Requests(described, inputs, inputs.ReferencePath, TableReader.IsParquet(inputs.ReferencePath) ? null : 1, "the file");
        if (inputs.Engine == DriftEngine.DuckDb)
        {
            return new(await WarehouseDriftComputation.ComputeFilesAsync(inputs, requests, context, cancellationToken).ConfigureAwait(false), null);
        }

        // A column asked for both as a feature and as an extra would need two kinds: then the extras are read apart.
        var extrasAlongside = currentExtras.Count > 0 && !currentExtras.Any(extra => requests.Exists(r => r.Name == extra.Name));
        List<ColumnRequest> currentRequests = extrasAlongside ? [.. requests, .. currentExtras] : requests;

        // Both files are read at once: one progress line each.
        var reading = new TerminalLines(context, 2);
        using var referenceProgress = new ReadProgressDisplay(inputs.ReferencePath, context, reading.Row(0));
        using var currentProgress = new ReadProgressDisplay(inputs.CurrentPath, context, reading.Row(1));
        var reads = new[]
        {
            TableReader.ReadAsync(referencePath, inputs.ReferencePath, requests, readOptions with { Progress = referenceProgress }, cancellationToken),
            TableReader.ReadAsync(currentPath, inputs.CurrentPath, currentRequests, readOptions with { Progress = currentProgress }, cancellationToken),
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
            RequireValues(referenceSample, inputs.ReferencePath, name);
            RequireValues(currentSample, inputs.CurrentPath, name);
            features[i] = FeatureDriftCalculator.Compare(name, referenceSample, currentSample, inputs.Options);
            var done = Interlocked.Increment(ref compared);
            computing.Draw(() => string.Create(CultureInfo.InvariantCulture, $"computing drift: {done:N0} of {requests.Count:N0} features"));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        computing.Clear();

        var report = DriftReport.Create(
            inputs.Options,
            new InputDigest("reference", inputs.ReferencePath, FileDigest.Sha256(referencePath)),
            reference.Rows,
            new InputDigest("current", inputs.CurrentPath, FileDigest.Sha256(currentPath)),
            current.Rows,
            features);
        return new(report, extrasAlongside ? current : null);
    }

    /// <summary>The features to compare and their kinds (<c>--columns</c>, <c>--categorical</c>, the excluded columns).</summary>
    /// <param name="source">What the columns were described from, for the error naming a missing column.</param>
    /// <param name="what">How the error calls the source: "the file", "the query".</param>
    internal static List<ColumnRequest> Requests(IReadOnlyList<ColumnInfo> described, DriftInputs inputs, string source, int? headerLine, string what)
    {
        var byName = described.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var names = inputs.Columns.Count > 0
            ? inputs.Columns
            : described.Select(c => c.Name).Where(name => !inputs.Excluded.Contains(name, StringComparer.Ordinal)).ToList();
        foreach (var name in names.Concat(inputs.Categorical).Where(n => !byName.ContainsKey(n)))
        {
            throw new InputException(source, headerLine, null, $"no column '{name}' ({what} has: {string.Join(", ", byName.Keys)})");
        }

        return names
            .Select(name => new ColumnRequest(
                name,
                inputs.Categorical.Contains(name) || byName[name].Kind != ColumnKind.Number ? ColumnKind.Text : ColumnKind.Number,
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

/// <summary>The drift report, and the current data's table when the extra columns were read with the features.</summary>
public sealed record DriftComputed(DriftReport Report, Table? Current);
