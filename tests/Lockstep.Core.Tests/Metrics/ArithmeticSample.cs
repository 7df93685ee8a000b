namespace Lockstep.Core.Tests.Metrics;

/// <summary>
/// Deterministic samples made with integer arithmetic, so Python reproduces them to the bit:
/// <c>np.sort(((np.arange(n, dtype=np.int64) * a + b) % m) * scale + offset)</c>.
/// </summary>
internal static class ArithmeticSample
{
    public static double[] Sorted(int n, long a, long b, long m, double scale, double offset)
    {
        var values = new double[n];
        for (long i = 0; i < n; i++)
        {
            values[i] = (((i * a) + b) % m * scale) + offset;
        }

        Array.Sort(values);
        return values;
    }
}
