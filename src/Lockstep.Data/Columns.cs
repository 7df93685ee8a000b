namespace Lockstep.Data;

/// <summary>One column's values, in row order. Buffers may be longer than <see cref="Count"/>.</summary>
public abstract class Column(string name)
{
    public string Name { get; } = name;

    public abstract int Count { get; }
}

/// <summary>Numbers; a missing value is NaN.</summary>
public sealed class NumberColumn(string name, double[] buffer, int count) : Column(name)
{
    public override int Count => count;

    public ReadOnlySpan<double> Values => buffer.AsSpan(0, count);

    public ReadOnlyMemory<double> Memory => buffer.AsMemory(0, count);

    /// <summary>Hands the buffer over (for in-place sorting); the column must not be used afterwards.</summary>
    public double[] TakeBuffer() => buffer;
}

public sealed class LabelColumn(string name, bool[] buffer, int count) : Column(name)
{
    public override int Count => count;

    public ReadOnlySpan<bool> Values => buffer.AsSpan(0, count);

    public ReadOnlyMemory<bool> Memory => buffer.AsMemory(0, count);
}

/// <summary>Text as codes into a dictionary of distinct values; a missing value is code −1.</summary>
public sealed class TextColumn(string name, int[] codes, int count, IReadOnlyList<string> dictionary) : Column(name)
{
    public override int Count => count;

    public ReadOnlySpan<int> Codes => codes.AsSpan(0, count);

    public ReadOnlyMemory<int> CodesMemory => codes.AsMemory(0, count);

    public IReadOnlyList<string> Dictionary { get; } = dictionary;

    /// <summary>How often each distinct value occurs, and how many are missing.</summary>
    public (Dictionary<string, long> Counts, long Missing) CountValues()
    {
        var perCode = new long[Dictionary.Count];
        long missing = 0;
        foreach (var code in Codes)
        {
            if (code < 0)
            {
                missing++;
            }
            else
            {
                perCode[code]++;
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < perCode.Length; i++)
        {
            if (perCode[i] > 0)
            {
                counts[Dictionary[i]] = perCode[i];
            }
        }

        return (counts, missing);
    }
}

/// <summary>Timestamps as UTC ticks; a missing value is <see cref="long.MinValue"/>.</summary>
public sealed class TimestampColumn(string name, long[] utcTicks, int count) : Column(name)
{
    public const long Missing = long.MinValue;

    public override int Count => count;

    public ReadOnlySpan<long> UtcTicks => utcTicks.AsSpan(0, count);

    /// <summary>The newest timestamp's UTC ticks; <see cref="Missing"/> when every value is missing.</summary>
    public long Newest()
    {
        var newest = Missing;
        foreach (var tick in UtcTicks)
        {
            newest = Math.Max(newest, tick);
        }

        return newest;
    }
}
