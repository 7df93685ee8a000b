namespace Lockstep.Core.Metrics;

/// <summary>The Jensen–Shannon distance between two discrete distributions.</summary>
public static class JensenShannon
{
    /// <summary>
    /// <c>scipy.spatial.distance.jensenshannon(p, q)</c> (SciPy 1.10.1, natural logarithm): p and q are each divided by
    /// their sum, m = (p + q)/2, and the result is √((KL(p‖m) + KL(q‖m))/2) with 0·log 0 = 0. It lies in [0, √ln 2].
    /// Unlike SciPy, which returns NaN or infinity, it refuses weights that are negative or not finite and
    /// distributions whose weights sum to zero, and a sum that rounds below zero for nearly equal distributions gives
    /// 0 rather than NaN.
    /// </summary>
    /// <param name="p">Non-negative weights (counts or probabilities), not all zero.</param>
    /// <param name="q">Non-negative weights over the same bins as <paramref name="p"/>, not all zero.</param>
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException("p and q must have the same number of bins", nameof(q));
        }

        var pTotal = Total(p, nameof(p));
        var qTotal = Total(q, nameof(q));

        var left = new CompensatedSum();
        var right = new CompensatedSum();
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i] / pTotal;
            var qi = q[i] / qTotal;
            var mi = (pi + qi) / 2.0;
            left.Add(RelativeEntropy(pi, mi));
            right.Add(RelativeEntropy(qi, mi));
        }

        var js = left.Value + right.Value;
        return Math.Sqrt(Math.Max(js / 2.0, 0.0));
    }

    /// <summary>SciPy's <c>rel_entr(x, y)</c> for x ≥ 0, y ≥ x/2: x·log(x/y), and 0 for x = 0.</summary>
    private static double RelativeEntropy(double x, double y) => x > 0 ? x * Math.Log(x / y) : 0.0;

    private static double Total(ReadOnlySpan<double> weights, string name)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("the distribution has no bins", name);
        }

        FiniteValues.Require(weights, name);
        var total = new CompensatedSum();
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0)
            {
                throw new ArgumentException($"{name}[{i}] is {Numbers.Format(weights[i])}; expected a weight of 0 or more", name);
            }

            total.Add(weights[i]);
        }

        var value = total.Value;
        return value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentException("weights must have a positive, finite sum", name);
    }
}
