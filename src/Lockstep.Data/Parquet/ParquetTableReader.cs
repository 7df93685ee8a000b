using Lockstep.Core;
using Parquet;
using Parquet.Schema;

namespace Lockstep.Data.Parquet;

/// <summary>Reads the requested columns of a Parquet file, row group by row group, with Parquet.Net.</summary>
internal static class ParquetTableReader
{
    public static async Task<Table> ReadAsync(string path, string source, IReadOnlyList<ColumnRequest> requests, TableReadOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await Read(path, source, requests, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(source, e);
        }
    }

    public static async Task<IReadOnlyList<ColumnInfo>> DescribeAsync(string path, string source, CancellationToken cancellationToken)
    {
        try
        {
            return await Describe(path, source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(source, e);
        }
    }

    /// <summary>
    /// Parquet.Net decodes whatever the file's metadata claims, so damaged bytes surface as any exception its
    /// Thrift, Snappy or encoding layers throw (index, overflow, format, out of memory …): all of them mean the file
    /// cannot be read. Our own errors and cancellation pass through.
    /// </summary>
    private static bool IsDamage(Exception e) => e is not (InputException or OperationCanceledException);

    private static InputException Damaged(string source, Exception e) =>
        new(source, null, null, $"not a readable Parquet file: {e.Message.ReplaceLineEndings(" ")}");

    private static async Task<Table> Read(string path, string source, IReadOnlyList<ColumnRequest> requests, TableReadOptions options, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var fields = requests.Select(r => Field(reader, r.Name, source)).ToArray();
        var builders = requests.Select(r => ColumnBuilder.For(r, 1024)).ToArray();

        long rows = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = checked((int)rowGroup.RowCount);
            for (var i = 0; i < fields.Length; i++)
            {
                await ParquetColumnAppender.AppendAsync(rowGroup, fields[i], count, builders[i], source, rows, cancellationToken).ConfigureAwait(false);
            }

            rows += count;
            options.Progress?.Report(new ReadProgress(stream.Position, stream.Length, rows));
        }

        var total = checked((int)rows);
        return new Table(source, total, builders.ToDictionary(b => b.Request.Name, b => b.Build(total), StringComparer.Ordinal));
    }

    private static async Task<IReadOnlyList<ColumnInfo>> Describe(string path, string source, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return reader.Schema.GetDataFields()
            .Select(f => new ColumnInfo(f.Name, ParquetColumnAppender.IsNumeric(f.ClrType) ? ColumnKind.Number : ColumnKind.Text))
            .ToList();
    }

    private static DataField Field(ParquetReader reader, string name, string source) =>
        reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == name)
        ?? throw new InputException(source, null, null, $"no column '{name}' (the file has: {string.Join(", ", reader.Schema.GetDataFields().Select(f => f.Name))})");
}
