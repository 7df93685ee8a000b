using Lockstep.Core.Metrics;

namespace Lockstep.Core.Drift;

/// <summary>One feature's values in one data set: sorted finite numbers, or category counts; plus what was missing.</summary>
public sealed class FeatureSample
{
    private FeatureSample(long rows, long missing, double[]? sorted, int sortedCount, IReadOnlyDictionary<string, long>? categories)
    {
        Rows = rows;
        Missing = missing;
        this.sorted = sorted;
        this.sortedCount = sortedCount;
        Categories = categories;
    }

    private readonly double[]? sorted;
    private readonly int sortedCount;

    public long Rows { get; }

    /// <summary>Empty, NaN or ±∞ values (numeric), or empty ones (categorical).</summary>
    public long Missing { get; }

    public bool IsNumeric => sorted is not null;

    /// <summary>The finite values, ascending (numeric features only).</summary>
    public ReadOnlySpan<double> Sorted => sorted.AsSpan(0, sortedCount);

    /// <summary>Value → count (categorical features only).</summary>
    public IReadOnlyDictionary<string, long>? Categories { get; }

    public double MissingShare => Rows == 0 ? 0 : Missing / (double)Rows;

    /// <summary>Takes ownership of <paramref name="values"/>: non-finite entries count as missing, the rest are sorted in place.</summary>
    public static FeatureSample Numeric(double[] values, int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (double.IsFinite(values[i]))
            {
                values[kept++] = values[i];
            }
        }

        RadixSort.Sort(values.AsSpan(0, kept));
        return new FeatureSample(count, count - kept, values, kept, null);
    }

    public static FeatureSample Categorical(IReadOnlyDictionary<string, long> counts, long missing) =>
        new(counts.Values.Sum() + missing, missing, null, 0, counts);

    /// <summary>Distinct finite values, counted on the sorted values.</summary>
    public int DistinctValues()
    {
        if (!IsNumeric)
        {
            return Categories!.Count;
        }

        var span = Sorted;
        var distinct = span.IsEmpty ? 0 : 1;
        for (var i = 1; i < span.Length; i++)
        {
            distinct += span[i] != span[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    /// <summary>Numeric values counted by distinct value, for features binned by value.</summary>
    public Dictionary<double, long> ValueCounts()
    {
        var counts = new Dictionary<double, long>();
        foreach (var value in Sorted)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return counts;
    }

    internal void RequireValues(string side)
    {
        if ((IsNumeric ? sortedCount : Categories!.Count) == 0)
        {
            throw new MetricException($"the {side} has no values for this feature (all {Rows} missing)");
        }
    }
}
