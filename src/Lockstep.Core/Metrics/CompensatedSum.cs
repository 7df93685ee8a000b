namespace Lockstep.Core.Metrics;

/// <summary>
/// Neumaier's compensated summation: a running sum whose rounding errors are collected and added back, so a long sum
/// is accurate to about one rounding of its result however many terms it has.
/// </summary>
internal struct CompensatedSum
{
    private double sum;
    private double compensation;

    public readonly double Value => sum + compensation;

    public void Add(double term)
    {
        var total = sum + term;
        compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - total) + term : (term - total) + sum;
        sum = total;
    }
}
