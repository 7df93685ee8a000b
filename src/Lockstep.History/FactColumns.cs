using Parquet;
using Parquet.Schema;

namespace Lockstep.History;

/// <summary>
/// Fact rows to and from Parquet through Parquet.Net's typed column API: one array per column, no expression
/// compilation or reflection (its row serializer needs both, so it breaks in the trimmed, ahead-of-time-compiled tool).
/// The fact tables hold three column types: nullable text, required UTC timestamps, and numbers.
/// </summary>
internal static class FactColumns
{
    public static async Task WriteAsync(Stream stream, ParquetSchema schema, IReadOnlyCollection<IDictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        foreach (var field in schema.DataFields)
        {
            await WriteColumnAsync(group, field, [.. rows.Select(row => row.TryGetValue(field.Name, out var value) ? value : null)], cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<List<IDictionary<string, object?>>> ReadAsync(ParquetReader reader, CancellationToken cancellationToken)
    {
        var fields = reader.Schema.DataFields;
        var rows = new List<IDictionary<string, object?>>();
        for (var index = 0; index < reader.RowGroupCount; index++)
        {
            using var group = reader.OpenRowGroupReader(index);
            var count = checked((int)group.RowCount);
            var columns = new object?[fields.Length][];
            for (var f = 0; f < fields.Length; f++)
            {
                columns[f] = await ReadColumnAsync(group, fields[f], count, cancellationToken).ConfigureAwait(false);
            }

            for (var row = 0; row < count; row++)
            {
                var record = new Dictionary<string, object?>(fields.Length, StringComparer.Ordinal);
                for (var f = 0; f < fields.Length; f++)
                {
                    record[fields[f].Name] = columns[f][row];
                }

                rows.Add(record);
            }
        }

        return rows;
    }

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, object?[] values, CancellationToken cancellationToken)
    {
        if (IsText(field))
        {
            await group.WriteAsync(field, values.Select(value => (string?)value).ToArray()!).ConfigureAwait(false);
        }
        else if (field.ClrType == typeof(DateTime))
        {
            ReadOnlyMemory<DateTime> times = values.Select(value => (DateTime)value!).ToArray();
            await group.WriteAsync(field, times, null, null, cancellationToken).ConfigureAwait(false);
        }
        else if (field.ClrType == typeof(double) && field.IsNullable)
        {
            ReadOnlyMemory<double?> numbers = values.Select(value => (double?)value).ToArray();
            await group.WriteAsync(field, numbers, null, null, cancellationToken).ConfigureAwait(false);
        }
        else if (field.ClrType == typeof(double))
        {
            ReadOnlyMemory<double> numbers = values.Select(value => (double)value!).ToArray();
            await group.WriteAsync(field, numbers, null, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new NotSupportedException($"fact column {field.Name} has type {field.ClrType}");
        }
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        if (IsText(field))
        {
            var texts = new string?[count];
            await group.ReadAsync(field, texts.AsMemory()!, null, cancellationToken).ConfigureAwait(false);
            return texts;
        }

        if (field.ClrType == typeof(DateTime))
        {
            return field.IsNullable
                ? Boxed(await ReadNullableAsync<DateTime>(group, field, count, cancellationToken).ConfigureAwait(false))
                : Boxed(await ReadRequiredAsync<DateTime>(group, field, count, cancellationToken).ConfigureAwait(false));
        }

        if (field.ClrType == typeof(double))
        {
            return field.IsNullable
                ? Boxed(await ReadNullableAsync<double>(group, field, count, cancellationToken).ConfigureAwait(false))
                : Boxed(await ReadRequiredAsync<double>(group, field, count, cancellationToken).ConfigureAwait(false));
        }

        throw new InvalidDataException($"column {field.Name} has type {field.ClrType.Name}, which no fact table holds");
    }

    private static async Task<T?[]> ReadNullableAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    private static async Task<T[]> ReadRequiredAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    // Parquet.Net describes a string column as ReadOnlyMemory<char>, whichever way it was declared.
    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static object?[] Boxed<T>(T?[] values)
        where T : struct => [.. values.Select(value => value is { } v ? (object)v : null)];

    private static object?[] Boxed<T>(T[] values)
        where T : struct => [.. values.Select(value => (object?)value)];
}
