using Lockstep.Core.Warehouse;

namespace Lockstep.Warehouse;

/// <summary>
/// How DuckDB may use the machine: a memory limit, beyond which its operators spill to the temporary directory,
/// and a thread count. Insertion order is not preserved, which lets it stream.
/// </summary>
public sealed record DuckDbSettings
{
    /// <summary>DuckDB's size syntax: <c>1GB</c>, <c>512MB</c>.</summary>
    public string MemoryLimit { get; init; } = "1GB";

    /// <summary>Where spilled data goes; DuckDB's default (beside the database, or <c>.tmp</c>) when null.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>DuckDB's default (one per core) when null.</summary>
    public int? Threads { get; init; }

    internal IEnumerable<string> Statements()
    {
        yield return $"SET memory_limit = {SqlDialect.TextLiteral(MemoryLimit)}";
        yield return "SET preserve_insertion_order = false";
        if (TempDirectory is not null)
        {
            yield return $"SET temp_directory = {SqlDialect.TextLiteral(TempDirectory)}";
        }

        if (Threads is { } threads)
        {
            yield return $"SET threads = {threads}";
        }
    }
}
