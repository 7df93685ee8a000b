namespace Lockstep.Core.Metrics;

/// <summary>The first Wasserstein (earth mover's) distance between two one-dimensional samples with equal weights.</summary>
public static class Wasserstein
{
    /// <summary>
    /// Evidently's floor under the reference standard deviation (<c>wasserstein_distance_norm</c>:
    /// <c>norm = max(np.std(reference_data), 0.001)</c>), so a constant reference does not divide by zero.
    /// </summary>
    public const double MinimumNorm = 0.001;

    /// <summary>
    /// ∫ |U(t) − V(t)| dt over the two empirical distribution functions: <c>scipy.stats.wasserstein_distance(u, v)</c>
    /// (SciPy 1.10.1). One merge walk over both samples, O(n + m) time and O(1) memory; each term
    /// |count_u/n − count_v/m|·(next − current) is formed as SciPy forms it, and the terms are added with compensated
    /// summation (SciPy's pairwise sum may differ in the last bits).
    /// </summary>
    /// <param name="sortedU">The first sample, sorted ascending, finite, not empty.</param>
    /// <param name="sortedV">The second sample, sorted ascending, finite, not empty.</param>
    public static double Distance(ReadOnlySpan<double> sortedU, ReadOnlySpan<double> sortedV)
    {
        SortedSample.Require(sortedU, nameof(sortedU));
        SortedSample.Require(sortedV, nameof(sortedV));
        return MergeWalk(sortedU, sortedV);
    }

    /// <summary>
    /// Evidently's normed Wasserstein distance (stat test <c>wasserstein</c>):
    /// <c>wasserstein_distance(reference, current) / max(np.std(reference), 0.001)</c>, with the population standard
    /// deviation (ddof = 0). As in Evidently, a reference whose standard deviation is below 0.001, a constant one
    /// included, is divided by 0.001 rather than by its own spread.
    /// </summary>
    /// <param name="sortedReference">The reference sample, sorted ascending, finite, not empty.</param>
    /// <param name="sortedCurrent">The current sample, sorted ascending, finite, not empty.</param>
    public static double NormalizedByReferenceStd(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        SortedSample.Require(sortedReference, nameof(sortedReference));
        SortedSample.Require(sortedCurrent, nameof(sortedCurrent));
        return Normalize(MergeWalk(sortedReference, sortedCurrent), PopulationStandardDeviation(sortedReference));
    }

    /// <summary>A distance divided by the reference's population standard deviation, floored at <see cref="MinimumNorm"/>.</summary>
    public static double Normalize(double distance, double referenceStd) => distance / Math.Max(referenceStd, MinimumNorm);

    /// <summary>One walk over both sorted samples, adding |U(t) − V(t)| times the gap to the next pooled value.</summary>
    private static double MergeWalk(ReadOnlySpan<double> sortedU, ReadOnlySpan<double> sortedV)
    {
        int n = sortedU.Length, m = sortedV.Length;
        var sum = new CompensatedSum();
        int i = 0, j = 0;
        var current = Math.Min(sortedU[0], sortedV[0]);
        while (true)
        {
            while (i < n && sortedU[i] == current)
            {
                i++;
            }

            while (j < m && sortedV[j] == current)
            {
                j++;
            }

            if (i == n && j == m)
            {
                return sum.Value;
            }

            var next = j >= m || (i < n && sortedU[i] <= sortedV[j]) ? sortedU[i] : sortedV[j];
            var cdfU = (double)i / n;
            var cdfV = (double)j / m;
            sum.Add(Math.Abs(cdfU - cdfV) * (next - current));
            current = next;
        }
    }

    /// <summary>NumPy's two-pass <c>np.std</c>: the root of the mean squared deviation from the mean.</summary>
    private static double PopulationStandardDeviation(ReadOnlySpan<double> values)
    {
        var total = new CompensatedSum();
        foreach (var value in values)
        {
            total.Add(value);
        }

        var mean = total.Value / values.Length;
        var squares = new CompensatedSum();
        foreach (var value in values)
        {
            var deviation = value - mean;
            squares.Add(deviation * deviation);
        }

        return Math.Sqrt(squares.Value / values.Length);
    }
}
