using System.Globalization;
using System.Text.RegularExpressions;

namespace Lockstep.Core.Warehouse;

/// <summary>
/// The rows of one side of a comparison, where they live: a query, or a table (optionally schema-qualified) with an
/// optional time window on one of its columns. The window is half-open, [start, end), in UTC.
/// </summary>
public sealed partial record SqlSource
{
    private SqlSource(string text, bool isTable, string? timeColumn, DateTimeOffset? start, DateTimeOffset? end)
    {
        Text = text;
        IsTable = isTable;
        TimeColumn = timeColumn;
        Start = start;
        End = end;
    }

    /// <summary>The query, or the table's name, as given.</summary>
    public string Text { get; }

    public bool IsTable { get; }

    public string? TimeColumn { get; }

    public DateTimeOffset? Start { get; }

    public DateTimeOffset? End { get; }

    /// <summary>A table name (<c>name</c> or <c>schema.name</c>, letters, digits, <c>_</c> and <c>$</c>) is a table; anything else a query.</summary>
    public static SqlSource Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        return TableName().IsMatch(trimmed) ? new SqlSource(trimmed, true, null, null, null) : Query(trimmed);
    }

    /// <summary>A query, whatever its text looks like.</summary>
    public static SqlSource Query(string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        return new SqlSource(sql.Trim().TrimEnd(';').TrimEnd(), false, null, null, null);
    }

    /// <summary>This table's rows whose <paramref name="timeColumn"/> is in [start, end).</summary>
    /// <exception cref="ArgumentException">The source is a query (a query carries its own WHERE), or the window is empty.</exception>
    public SqlSource Windowed(string timeColumn, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentException.ThrowIfNullOrEmpty(timeColumn);
        if (!IsTable)
        {
            throw new ArgumentException("a time window applies to a table; a query selects its own rows");
        }

        if (end <= start)
        {
            throw new ArgumentException($"the window ends ({Instant(end)}) at or before it starts ({Instant(start)})");
        }

        return new SqlSource(Text, true, timeColumn, start, end);
    }

    /// <summary>The relation to select from, aliased <c>lockstep_source</c>.</summary>
    public string Relation(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        if (!IsTable)
        {
            return $"({Text}) AS lockstep_source";
        }

        var table = string.Join('.', Text.Split('.').Select(SqlDialect.Identifier));
        if (TimeColumn is null)
        {
            return $"{table} AS lockstep_source";
        }

        var column = SqlDialect.Identifier(TimeColumn);
        return $"(SELECT * FROM {table} WHERE {column} >= {Timestamp(Start!.Value)} AND {column} < {Timestamp(End!.Value)}) AS lockstep_source";
    }

    /// <summary>How the drift report names this side: <c>sql:</c> and the query, or the table with its window.</summary>
    public string Description => IsTable && TimeColumn is not null
        ? $"sql:{Text} where {TimeColumn} in [{Instant(Start!.Value)}, {Instant(End!.Value)})"
        : $"sql:{Text}";

    // A timestamp with its offset: PostgreSQL compares it with timestamp and timestamptz columns, DuckDB casts it to the column's type.
    private static string Timestamp(DateTimeOffset instant) => $"CAST('{Instant(instant)}' AS TIMESTAMP WITH TIME ZONE)";

    private static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$")]
    private static partial Regex TableName();
}
