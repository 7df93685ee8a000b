using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace Lockstep.Data.Parquet;

/// <summary>Reads one column chunk in its stored type and appends it to a builder of the requested kind.</summary>
internal static class ParquetColumnAppender
{
    private static readonly Type[] NumericTypes =
        [typeof(double), typeof(float), typeof(int), typeof(long), typeof(short), typeof(sbyte), typeof(byte), typeof(ushort), typeof(uint), typeof(ulong), typeof(decimal)];

    public static bool IsNumeric(Type type) => NumericTypes.Contains(Nullable.GetUnderlyingType(type) ?? type);

    public static async Task AppendAsync(
        ParquetRowGroupReader rowGroup, DataField field, int count, ColumnBuilder builder, string source, long firstRow, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[count];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                builder.AddText(values[i].AsSpan(), Location(source, firstRow, i, field));
            }

            return;
        }

        if (type == typeof(bool))
        {
            var values = await ReadNullable<bool>(rowGroup, field, count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                var location = Location(source, firstRow, i, field);
                var text = values[i] is { } b ? (b ? "1" : "0") : string.Empty;
                builder.AddText(text, location);
            }

            return;
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            await AppendTimestamps(rowGroup, field, count, builder, source, firstRow, cancellationToken).ConfigureAwait(false);
            return;
        }

        var numbers = type switch
        {
            _ when type == typeof(double) => await ReadAsDoubles<double>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(float) => await ReadAsDoubles<float>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(long) => await ReadAsDoubles<long>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(int) => await ReadAsDoubles<int>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(short) => await ReadAsDoubles<short>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(byte) => await ReadAsDoubles<byte>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(sbyte) => await ReadAsDoubles<sbyte>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(ushort) => await ReadAsDoubles<ushort>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(uint) => await ReadAsDoubles<uint>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(ulong) => await ReadAsDoubles<ulong>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(decimal) => await ReadAsDoubles<decimal>(rowGroup, field, count, cancellationToken).ConfigureAwait(false),
            _ => throw Location(source, firstRow, 0, field).Error($"the Parquet type {type.Name} is not supported"),
        };

        for (var i = 0; i < count; i++)
        {
            var location = Location(source, firstRow, i, field);
            switch (builder)
            {
                case NumberBuilder number:
                    number.Add(numbers[i], location);
                    break;
                case LabelBuilder label when numbers[i] is { } value:
                    label.AddNumber(value, location);
                    break;
                default:
                    builder.AddText(numbers[i] is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty, location);
                    break;
            }
        }
    }

    private static async Task<double?[]> ReadAsDoubles<T>(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken cancellationToken)
        where T : struct, INumberBase<T>
    {
        var values = await ReadNullable<T>(rowGroup, field, count, cancellationToken).ConfigureAwait(false);
        var doubles = new double?[count];
        for (var i = 0; i < count; i++)
        {
            doubles[i] = values[i] is { } v ? double.CreateChecked(v) : null;
        }

        return doubles;
    }

    private static async Task<T?[]> ReadNullable<T>(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[count];
        if (field.IsNullable)
        {
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return values;
        }

        var required = new T[count];
        await rowGroup.ReadAsync(field, required.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            values[i] = required[i];
        }

        return values;
    }

    private static async Task AppendTimestamps(
        ParquetRowGroupReader rowGroup, DataField field, int count, ColumnBuilder builder, string source, long firstRow, CancellationToken cancellationToken)
    {
        string[] texts;
        if (field.ClrType == typeof(DateTime))
        {
            var values = await ReadNullable<DateTime>(rowGroup, field, count, cancellationToken).ConfigureAwait(false);
            texts = values.Select(v => v is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture) : string.Empty).ToArray();
        }
        else
        {
            var values = await ReadNullable<DateTimeOffset>(rowGroup, field, count, cancellationToken).ConfigureAwait(false);
            texts = values.Select(v => v?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
        }

        for (var i = 0; i < count; i++)
        {
            builder.AddText(texts[i], Location(source, firstRow, i, field));
        }
    }

    private static CellLocation Location(string source, long firstRow, int index, DataField field) =>
        new(source, null, firstRow + index + 1, field.Name);
}
