using System.Globalization;
using Lockstep.Core;
using nietras.SeparatedValues;
using Lockstep.Core.Time;

namespace Lockstep.Data;

/// <summary>Where a cell is, for error messages: a CSV line or a Parquet row.</summary>
public readonly record struct CellLocation(string Source, int? Line, long? Row, string Column)
{
    public InputException Error(string problem) =>
        new(Source, Line, Row is { } row ? $"row {row}, column '{Column}'" : $"column '{Column}'", problem);
}

/// <summary>Grows a column as rows arrive; turns text cells into values or precise errors.</summary>
internal abstract class ColumnBuilder(ColumnRequest request)
{
    private static readonly string[] MissingTokens = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A"];

    public ColumnRequest Request { get; } = request;

    /// <summary>Adds a CSV cell; false when the cell is not valid, and <see cref="Problem"/> says why.</summary>
    public virtual bool TryAddCell(SepReader.Col cell) => TryAddText(cell.Span);

    public abstract bool TryAddText(ReadOnlySpan<char> cell);

    /// <summary>Why a cell was refused, for the error line.</summary>
    public abstract string Problem(ReadOnlySpan<char> cell);

    public void AddText(ReadOnlySpan<char> cell, in CellLocation location)
    {
        if (!TryAddText(cell))
        {
            throw location.Error(Problem(cell));
        }
    }

    public abstract Column Build(int rows);

    /// <summary>Makes room for about this many rows at once, so a large file's columns are not regrown and copied.</summary>
    public abstract void Reserve(int rows);

    /// <summary>Text that means "no value": empty, NA, N/A, NaN, nan, null, NULL, None, #N/A (as pandas reads them).</summary>
    public static bool IsMissingToken(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim();
        foreach (var token in MissingTokens)
        {
            if (trimmed.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    public static ColumnBuilder For(ColumnRequest request, int capacity) => request.Kind switch
    {
        ColumnKind.Number => new NumberBuilder(request, capacity),
        ColumnKind.Label => new LabelBuilder(request, capacity),
        ColumnKind.Text => new TextBuilder(request, capacity),
        _ => new TimestampBuilder(request, capacity),
    };

    protected static void Reserve<T>(ref T[] buffer, int rows)
    {
        if (rows > buffer.Length)
        {
            Array.Resize(ref buffer, rows);
        }
    }

    protected static void Grow<T>(ref T[] buffer, int count)
    {
        if (count == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(16, buffer.Length * 2));
        }
    }
}

internal sealed class NumberBuilder(ColumnRequest request, int capacity) : ColumnBuilder(request)
{
    private double[] values = new double[Math.Max(capacity, 16)];
    private int count;

    public override bool TryAddCell(SepReader.Col cell)
    {
        if (cell.TryParse<double>(out var value) && double.IsFinite(value))
        {
            Append(value);
            return true;
        }

        return TryAddText(cell.Span);
    }

    public override bool TryAddText(ReadOnlySpan<char> cell)
    {
        var parsed = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (parsed && double.IsFinite(value))
        {
            Append(value);
            return true;
        }

        if ((parsed || IsMissingToken(cell)) && Request.AllowMissing)
        {
            Append(double.NaN);
            return true;
        }

        return false;
    }

    public override string Problem(ReadOnlySpan<char> cell)
    {
        var parsed = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return parsed || IsMissingToken(cell)
            ? $"expected a finite number, got {(cell.IsEmpty ? "an empty cell" : $"'{cell.ToString()}'")}"
            : $"expected a number, got '{cell.ToString()}'";
    }

    public void Add(double? value, in CellLocation location)
    {
        if (value is { } v && double.IsFinite(v))
        {
            Append(v);
        }
        else if (Request.AllowMissing)
        {
            Append(double.NaN);
        }
        else
        {
            throw location.Error($"expected a finite number, got {(value is null ? "null" : value.Value.ToString(CultureInfo.InvariantCulture))}");
        }
    }

    private void Append(double value)
    {
        Grow(ref values, count);
        values[count++] = value;
    }

    public override void Reserve(int rows) => Reserve(ref values, rows);

    public override Column Build(int rows) => new NumberColumn(Request.Name, values, count);
}

internal sealed class LabelBuilder(ColumnRequest request, int capacity) : ColumnBuilder(request)
{
    private bool[] values = new bool[Math.Max(capacity, 16)];
    private int count;

    public override bool TryAddText(ReadOnlySpan<char> cell)
    {
        if (cell.Length == 1 && cell[0] is '0' or '1')
        {
            Add(cell[0] == '1');
            return true;
        }

        var text = cell.Trim();
        if (text.Equals("1", StringComparison.Ordinal) || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("1.0", StringComparison.Ordinal))
        {
            Add(true);
            return true;
        }

        if (text.Equals("0", StringComparison.Ordinal) || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("0.0", StringComparison.Ordinal))
        {
            Add(false);
            return true;
        }

        return false;
    }

    public override string Problem(ReadOnlySpan<char> cell) => $"expected a binary label (0 or 1, false or true), got '{cell.ToString()}'";

    public void AddNumber(double value, in CellLocation location)
    {
        if (value is not (0 or 1))
        {
            throw location.Error($"expected a binary label (0 or 1, false or true), got {value.ToString(CultureInfo.InvariantCulture)}");
        }

        Add(value == 1);
    }

    public void Add(bool value)
    {
        Grow(ref values, count);
        values[count++] = value;
    }

    public override void Reserve(int rows) => Reserve(ref values, rows);

    public override Column Build(int rows) => new LabelColumn(Request.Name, values, count);
}

internal sealed class TextBuilder(ColumnRequest request, int capacity) : ColumnBuilder(request)
{
    private readonly Dictionary<string, int> codesByValue = new(StringComparer.Ordinal);
    private readonly List<string> dictionary = [];
    private int[] codes = new int[Math.Max(capacity, 16)];
    private int count;

    public override bool TryAddText(ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty)
        {
            Add(-1);
            return true;
        }

        var lookup = codesByValue.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(cell, out var code))
        {
            code = dictionary.Count;
            var value = cell.ToString();
            dictionary.Add(value);
            codesByValue.Add(value, code);
        }

        Add(code);
        return true;
    }

    public override string Problem(ReadOnlySpan<char> cell) => "expected text";

    private void Add(int code)
    {
        Grow(ref codes, count);
        codes[count++] = code;
    }

    public override void Reserve(int rows) => Reserve(ref codes, rows);

    public override Column Build(int rows) => new TextColumn(Request.Name, codes, count, dictionary);
}

internal sealed class TimestampBuilder(ColumnRequest request, int capacity) : ColumnBuilder(request)
{
    private long[] ticks = new long[Math.Max(capacity, 16)];
    private int count;

    public override bool TryAddText(ReadOnlySpan<char> cell)
    {
        if (IsoTime.TryParse(cell.Trim(), out var value))
        {
            if (Request.Latest is { } latest && value > latest)
            {
                return false;
            }

            Add(value.UtcTicks);
            return true;
        }

        if (Request.AllowMissing && IsMissingToken(cell))
        {
            Add(TimestampColumn.Missing);
            return true;
        }

        return false;
    }

    public override string Problem(ReadOnlySpan<char> cell) =>
        IsoTime.TryParse(cell.Trim(), out var value) && Request.Latest is { } latest
            ? $"{cell.Trim().ToString()} is after {latest.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}, the time the ages are measured at (--as-of); a newer timestamp would give a negative age"
            : IsoTime.Problem(cell);

    public void Add(long utcTicks)
    {
        Grow(ref ticks, count);
        ticks[count++] = utcTicks;
    }

    public override void Reserve(int rows) => Reserve(ref ticks, rows);

    public override Column Build(int rows) => new TimestampColumn(Request.Name, ticks, count);
}
