namespace Lockstep.Core.Metrics;

/// <summary>
/// Neumaier's compensated summation: the error does not grow with the number of terms, so means over
/// millions of rows agree with NumPy's pairwise sums far inside 1e-9.
/// </summary>
public struct CompensatedSum
{
    private double sum;
    private double compensation;

    public readonly double Value => sum + compensation;

    public void Add(double value)
    {
        var next = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - next) + value : (value - next) + sum;
        sum = next;
    }

    public static double Of(ReadOnlySpan<double> values)
    {
        var total = default(CompensatedSum);
        foreach (var value in values)
        {
            total.Add(value);
        }

        return total.Value;
    }
}
