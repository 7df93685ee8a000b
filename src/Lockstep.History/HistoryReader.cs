using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.History;
using Lockstep.Core.Policy;

namespace Lockstep.History;

/// <summary>
/// Reads a history folder back for a period through embedded DuckDB (<c>read_parquet</c> with Hive partitioning):
/// duplicate ids dropped, the newest recorded version of each delivery event kept, and the events rebuilt from their
/// canonical lines by <see cref="EventsReader"/>, so DORA from the history equals DORA from the events file. Every
/// file is checked first: a damaged or foreign one is an input error naming it. A missing or empty folder reads as an
/// empty snapshot.
/// </summary>
public static class HistoryReader
{
    /// <param name="from">The earliest fact time to include (inclusive); null for no lower bound.</param>
    /// <param name="to">The latest fact time to include (inclusive); null for no upper bound.</param>
    public static async Task<HistorySnapshot> ReadAsync(string directory, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var files = new Dictionary<FactKind, List<string>>();
        foreach (var kind in Enum.GetValues<FactKind>())
        {
            files[kind] = await CheckedFilesAsync(directory, kind, from, to, cancellationToken).ConfigureAwait(false);
        }

        if (files.Values.All(list => list.Count == 0))
        {
            return new HistorySnapshot([], [], []);
        }

        using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var window = Window(from, to);
        var lines = await QueryAsync(connection, DeliverySql(files[FactKind.Delivery], window), r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        var metrics = await QueryAsync(connection, MetricSql(files[FactKind.Metric], window), ReadMetric, cancellationToken).ConfigureAwait(false);
        var gates = await QueryAsync(connection, GateSql(files[FactKind.Gate], window), ReadGate, cancellationToken).ConfigureAwait(false);
        return new HistorySnapshot(EventsReader.Read(lines, directory), metrics, gates);
    }

    /// <summary>The visible files of a kind in the months the period touches, each checked to be a file of that kind.</summary>
    internal static async Task<List<string>> CheckedFilesAsync(string directory, FactKind kind, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var fromMonth = from is { } f ? FactId.Month(f) : null;
        var toMonth = to is { } t ? FactId.Month(t) : null;
        var files = new List<string>();
        foreach (var (month, partition) in HistoryLayout.Partitions(directory, kind))
        {
            // Delivery versions are chosen across all months before the period filter applies.
            var inPeriod = kind == FactKind.Delivery
                || ((fromMonth is null || string.CompareOrdinal(month, fromMonth) >= 0) && (toMonth is null || string.CompareOrdinal(month, toMonth) <= 0));
            if (!inPeriod)
            {
                continue;
            }

            foreach (var file in HistoryLayout.Files(partition))
            {
                await FactFile.ReadAsync(file, kind, cancellationToken).ConfigureAwait(false);
                files.Add(file);
            }
        }

        return files;
    }

    private static string Window(DateTimeOffset? from, DateTimeOffset? to)
    {
        var text = new StringBuilder("TRUE");
        if (from is { } f)
        {
            text.Append(CultureInfo.InvariantCulture, $" AND epoch_us(\"at\") >= {Micros(f)}");
        }

        if (to is { } t)
        {
            text.Append(CultureInfo.InvariantCulture, $" AND epoch_us(\"at\") <= {Micros(t)}");
        }

        return text.ToString();
    }

    private static string Source(List<string> files) =>
        $"read_parquet([{string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'"))}], hive_partitioning = true)";

    private static string? DeliverySql(List<string> files, string window) => files.Count == 0 ? null : $"""
        SELECT line FROM (
            SELECT line, "at", type, lane, event_id FROM {Source(files)}
            QUALIFY row_number() OVER (PARTITION BY type, lane, event_id ORDER BY recorded_at DESC, id DESC) = 1)
        WHERE {window}
        ORDER BY "at", type, lane, event_id
        """;

    private static string? MetricSql(List<string> files, string window) => files.Count == 0 ? null : $"""
        SELECT epoch_us("at"), source, model, version, metric, slice, value FROM {Source(files)}
        WHERE {window}
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY id) = 1
        ORDER BY "at", source, metric, slice NULLS FIRST, id
        """;

    private static string? GateSql(List<string> files, string window) => files.Count == 0 ? null : $"""
        SELECT epoch_us("at"), run, model, version, verdict, gate, metric, slice, status, action, candidate, baseline, "limit", bound FROM {Source(files)}
        WHERE {window}
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY id) = 1
        ORDER BY "at", run, gate
        """;

    private static MetricFact ReadMetric(DuckDBDataReader r) => new(
        Time(r.GetInt64(0)), r.GetString(1), Text(r, 2), Text(r, 3), r.GetString(4), Text(r, 5), r.GetDouble(6));

    private static GateFact ReadGate(DuckDBDataReader r) => new(
        Time(r.GetInt64(0)), r.GetString(1), Text(r, 2), Text(r, 3), Parse<Verdict>(r.GetString(4)), r.GetString(5), r.GetString(6),
        Text(r, 7), Parse<GateStatus>(r.GetString(8)), Parse<RunbookAction>(r.GetString(9)), Number(r, 10), Number(r, 11), Number(r, 12), r.GetString(13));

    private static async Task<List<T>> QueryAsync<T>(DuckDBConnection connection, string? sql, Func<DuckDBDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        if (sql is null)
        {
            return rows;
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = (DuckDBDataReader)await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static DateTimeOffset Time(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    private static string? Text(DuckDBDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static double? Number(DuckDBDataReader r, int column) => r.IsDBNull(column) ? null : r.GetDouble(column);

    private static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(name, ignoreCase: true);
}
