namespace Lockstep.Core.Metrics;

/// <summary>Checks of the samples the drift statistics take: not empty, finite and sorted ascending.</summary>
internal static class SortedSample
{
    public static void Require(ReadOnlySpan<double> sample, string name)
    {
        if (sample.IsEmpty)
        {
            throw new ArgumentException("the sample is empty", name);
        }

        FiniteValues.RequireSorted(sample, name);
    }
}
