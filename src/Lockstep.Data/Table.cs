namespace Lockstep.Data;

/// <summary>The requested columns of a file, and how many data rows it had.</summary>
public sealed class Table(string source, int rows, IReadOnlyDictionary<string, Column> columns)
{
    public string Source { get; } = source;

    public int Rows { get; } = rows;

    public T Column<T>(string name)
        where T : Column => (T)columns[name];
}

/// <summary>How far a read has come: bytes of the file and rows so far.</summary>
public readonly record struct ReadProgress(long BytesRead, long TotalBytes, long Rows);

public sealed record TableReadOptions
{
    /// <summary>The CSV field delimiter; null picks tab for .tsv files and comma otherwise.</summary>
    public char? Delimiter { get; init; }

    public IProgress<ReadProgress>? Progress { get; init; }
}
