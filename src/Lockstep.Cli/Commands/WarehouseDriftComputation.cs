using System.Globalization;
using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Drift;
using Lockstep.Core.Gates;
using Lockstep.Core.Metrics;
using Lockstep.Core.Warehouse;
using Lockstep.Data;
using Lockstep.Warehouse;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The drift report computed where the data lies: both sides in a database (<c>--reference-sql</c>,
/// <c>--current-sql</c>), or both files read by embedded DuckDB (<c>--engine duckdb</c>). Only bins and counts leave
/// the database; the features are compared one after another on one connection.
/// </summary>
public static class WarehouseDriftComputation
{
    public static async Task<DriftReport> ComputeSqlAsync(DriftInputs inputs, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow();
        var reference = Source(inputs.ReferenceSql!, inputs.ReferenceWindow, inputs.TimeColumn, now, "--reference-window");
        var current = Source(inputs.CurrentSql!, inputs.CurrentWindow, inputs.TimeColumn, now, "--current-window");
        var settings = new DuckDbSettings { MemoryLimit = inputs.MemoryLimit };
        await using var connection = await OpenAsync(() => WarehouseConnection.OpenAsync(ConnectionText(inputs, context), settings, cancellationToken)).ConfigureAwait(false);
        var drift = new WarehouseDrift(connection);
        var columns = await Run(connection, () => drift.DescribeAsync(reference, cancellationToken)).ConfigureAwait(false);
        var described = columns.Select(c => new ColumnInfo(c.Name, c.IsNumeric ? ColumnKind.Number : ColumnKind.Text)).ToList();
        var requests = DriftComputation.Requests(described, inputs, "--reference-sql", null, "the query");
        return await CompareAsync(connection, inputs, requests, (reference, Digest(reference, "reference", connection)), (current, Digest(current, "current", connection)), context, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="requests">The features, with the kinds the file reader gives them, so both engines compare the same columns the same way.</param>
    public static async Task<DriftReport> ComputeFilesAsync(DriftInputs inputs, IReadOnlyList<ColumnRequest> requests, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(context);
        var (referencePath, currentPath) = (context.Resolve(inputs.ReferencePath), context.Resolve(inputs.CurrentPath));
        foreach (var (path, given) in new[] { (referencePath, inputs.ReferencePath), (currentPath, inputs.CurrentPath) })
        {
            if (!File.Exists(path))
            {
                throw new InputException(given, null, null, "no such file");
            }
        }

        // A scratch database on disk: DuckDB spills there beyond the memory limit, and an imported CSV lives there.
        var scratch = Directory.CreateTempSubdirectory("lockstep-duckdb-");
        try
        {
            var settings = new DuckDbSettings { MemoryLimit = inputs.MemoryLimit, TempDirectory = scratch.FullName };
            await using var connection = await OpenAsync(() => WarehouseConnection.OpenDuckDbScratchAsync(settings, Path.Combine(scratch.FullName, "scratch.duckdb"), cancellationToken)).ConfigureAwait(false);
            var columns = requests.Select(r => (r.Name, r.Kind == ColumnKind.Number)).ToList();
            var reference = await FileSourceAsync(connection, "reference_data", referencePath, inputs, columns, context, cancellationToken).ConfigureAwait(false);
            var current = await FileSourceAsync(connection, "current_data", currentPath, inputs, columns, context, cancellationToken).ConfigureAwait(false);
            var referenceDigest = new InputDigest("reference", inputs.ReferencePath, FileDigest.Sha256(referencePath));
            var currentDigest = new InputDigest("current", inputs.CurrentPath, FileDigest.Sha256(currentPath));
            return await CompareAsync(connection, inputs, requests, (reference, referenceDigest), (current, currentDigest), context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>A Parquet file is scanned where it lies (columnar); a CSV, which every query would parse again, is imported once.</summary>
    private static async Task<SqlSource> FileSourceAsync(
        WarehouseConnection connection, string table, string path, DriftInputs inputs, IReadOnlyList<(string Name, bool IsNumeric)> columns, CliContext context, CancellationToken cancellationToken)
    {
        var parquet = TableReader.IsParquet(path);
        var source = DuckDbFiles.Source(path, parquet, inputs.Delimiter);
        if (parquet)
        {
            return source;
        }

        using var line = new TerminalLine(context);
        line.Draw(() => $"importing {Path.GetFileName(path)} into DuckDB…");
        SqlSource imported;
        try
        {
            imported = await DuckDbFiles.ImportAsync(connection, table, source, columns, cancellationToken).ConfigureAwait(false);
        }
        catch (WarehouseException e)
        {
            throw new InputException(Path.GetRelativePath(context.WorkingDirectory, path), null, null, WarehouseException.FirstLine(e.InnerException ?? e));
        }

        line.Clear();
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {Path.GetFileName(path)} into DuckDB in {line.Elapsed.TotalSeconds:0.0} s"));
        return imported;
    }

    private static async Task<DriftReport> CompareAsync(
        WarehouseConnection connection,
        DriftInputs inputs,
        IReadOnlyList<ColumnRequest> requests,
        (SqlSource Source, InputDigest Digest) reference,
        (SqlSource Source, InputDigest Digest) current,
        CliContext context,
        CancellationToken cancellationToken)
    {
        using var progress = new QueryProgressDisplay(connection.Display, requests.Count, context);
        var drift = new WarehouseDrift(connection, progress.Report);
        var referenceRows = await Run(connection, () => drift.RowsAsync(reference.Source, cancellationToken)).ConfigureAwait(false);
        var currentRows = await Run(connection, () => drift.RowsAsync(current.Source, cancellationToken)).ConfigureAwait(false);
        var features = new List<FeatureDrift>(requests.Count);
        foreach (var request in requests)
        {
            try
            {
                features.Add(await Run(connection, () => drift.CompareAsync(reference.Source, current.Source, request.Name, request.Kind == ColumnKind.Number, inputs.Options, cancellationToken)).ConfigureAwait(false));
            }
            catch (MetricException e)
            {
                throw new InputException(connection.Display, null, $"column '{request.Name}'", $"no values to compare: {e.Message}");
            }

            progress.FeatureDone();
        }

        progress.Done();
        return DriftReport.Create(inputs.Options, reference.Digest, referenceRows, current.Digest, currentRows, features);
    }

    /// <summary>
    /// A database side in the report: its path is <c>sql:</c> and the query or table (with its window), its digest
    /// the SHA-256 of the database's dialect and the exact SQL the rows were selected with; the data itself stays where it is.
    /// </summary>
    private static InputDigest Digest(SqlSource source, string role, WarehouseConnection connection) => new(
        role,
        source.Description,
        FileDigest.Sha256Text($"{connection.Dialect.Name}\n{source.Relation(connection.Dialect)}"));

    private static SqlSource Source(string sql, string? window, string? timeColumn, DateTimeOffset now, string option)
    {
        var source = SqlSource.Parse(sql);
        if (window is null)
        {
            return source;
        }

        try
        {
            var parsed = TimeWindow.Parse(window, now);
            return source.Windowed(timeColumn!, parsed.Start, parsed.End);
        }
        catch (FormatException e)
        {
            throw new InputException(option, null, null, e.Message);
        }
    }

    /// <summary>The connection as given, or read from the environment variable it names (so it never sits in a workflow file).</summary>
    private static string ConnectionText(DriftInputs inputs, CliContext context)
    {
        var given = inputs.Connection ?? $"env:{DriftDataOptions.ConnectionVariable}";
        var text = given.StartsWith("env:", StringComparison.Ordinal)
            ? context.Variable(given["env:".Length..]) is { Length: > 0 } value
                ? value
                : throw new InputException("--connection", null, null, $"the environment variable {given["env:".Length..]} is not set{(inputs.Connection is null ? " (give --connection, or set it)" : string.Empty)}")
            : given;
        return WarehouseConnection.IsPostgreSql(text) ? text : "duckdb:" + context.Resolve(text.StartsWith("duckdb:", StringComparison.OrdinalIgnoreCase) ? text["duckdb:".Length..] : text);
    }

    private static async Task<T> OpenAsync<T>(Func<Task<T>> open)
    {
        try
        {
            return await open().ConfigureAwait(false);
        }
        catch (WarehouseException e)
        {
            throw new InputException("--connection", null, null, e.Message);
        }
    }

    private static async Task<T> Run<T>(WarehouseConnection connection, Func<Task<T>> query)
    {
        try
        {
            return await query().ConfigureAwait(false);
        }
        catch (WarehouseException e)
        {
            throw new InputException(connection.Display, null, null, e.Message.StartsWith(connection.Display, StringComparison.Ordinal) ? e.Message[connection.Display.Length..].TrimStart() : e.Message);
        }
    }
}
