using Lockstep.Core.History;

namespace Lockstep.History;

/// <summary>Facts as the untyped rows the Parquet files hold, column names as in <see cref="FactTables"/>.</summary>
internal static class FactRecords
{
    public static IDictionary<string, object?> Of(GateRow row)
    {
        var fact = row.Fact;
        return Record(
            ("id", row.Id), ("at", Utc(fact.At)), ("run", fact.Run), ("model", fact.Model), ("version", fact.Version),
            ("verdict", Name(fact.Verdict)), ("gate", fact.Gate), ("metric", fact.Metric), ("slice", fact.Slice),
            ("status", Name(fact.Status)), ("action", Name(fact.Action)), ("candidate", fact.Candidate),
            ("baseline", fact.Baseline), ("limit", fact.Limit), ("bound", fact.Bound));
    }

    public static IDictionary<string, object?> Of(MetricRow row)
    {
        var fact = row.Fact;
        return Record(
            ("id", row.Id), ("at", Utc(fact.At)), ("source", fact.Source), ("source_sha256", row.SourceSha256),
            ("model", fact.Model), ("version", fact.Version), ("metric", fact.Metric), ("slice", fact.Slice), ("value", fact.Value));
    }

    public static IDictionary<string, object?> Of(DeliveryRow row) => Record(
        ("id", row.Id), ("at", Utc(row.At)), ("type", row.Type), ("lane", Name(row.Lane)), ("event_id", row.EventId),
        ("environment", row.Environment), ("status", row.Status), ("sha", row.Sha), ("model_version", row.ModelVersion),
        ("line", row.Line), ("recorded_at", Utc(row.RecordedAt)));

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>A time as the history keeps it: UTC, to the millisecond.</summary>
    public static DateTime Utc(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    private static Dictionary<string, object?> Record(params (string Name, object? Value)[] columns)
    {
        var record = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in columns)
        {
            record[name] = value!;
        }

        return record;
    }
}
