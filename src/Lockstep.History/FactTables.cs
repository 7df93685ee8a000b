using Lockstep.Core.History;
using Parquet.Schema;

namespace Lockstep.History;

/// <summary>
/// The Parquet schema of each kind of fact (documented in docs/history.md). Timestamps are Parquet TIMESTAMP
/// (MILLIS, adjusted to UTC): Parquet.Net 6.1 writes the statistics of a MICROS column in milliseconds, and engines
/// that prune or sort by statistics (DuckDB does) then misread every time; enums are their lowercase contract names. The partition columns (<c>kind</c>,
/// <c>month</c>) live in the folder names only, as Hive expects.
/// </summary>
internal static class FactTables
{
    public static readonly ParquetSchema Gate = new(
        Text("id"), Time("at"), Text("run"), Text("model"), Text("version"), Text("verdict"), Text("gate"), Text("metric"),
        Text("slice"), Text("status"), Text("action"), Number("candidate"), Number("baseline"), Number("limit"), Text("bound"));

    public static readonly ParquetSchema Metric = new(
        Text("id"), Time("at"), Text("source"), Text("source_sha256"), Text("model"), Text("version"), Text("metric"),
        Text("slice"), new DataField<double>("value"));

    public static readonly ParquetSchema Delivery = new(
        Text("id"), Time("at"), Text("type"), Text("lane"), Text("event_id"), Text("environment"), Text("status"), Text("sha"),
        Text("model_version"), Text("line"), Time("recorded_at"));

    public static ParquetSchema Schema(FactKind kind) => kind switch
    {
        FactKind.Gate => Gate,
        FactKind.Metric => Metric,
        FactKind.Delivery => Delivery,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind's folder value: <c>gate</c>, <c>metric</c>, <c>delivery</c>.</summary>
    public static string Name(FactKind kind) => kind.ToString().ToLowerInvariant();

    private static DataField<string> Text(string name) => new(name, true);

    private static DataField<double?> Number(string name) => new(name, true);

    private static DateTimeDataField Time(string name) =>
        new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);
}
