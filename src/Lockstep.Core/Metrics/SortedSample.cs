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

        if (!double.IsFinite(sample[0]))
        {
            throw new ArgumentException("values must be finite", name);
        }

        for (var i = 1; i < sample.Length; i++)
        {
            if (!double.IsFinite(sample[i]))
            {
                throw new ArgumentException("values must be finite", name);
            }

            if (sample[i] < sample[i - 1])
            {
                throw new ArgumentException("values must be sorted ascending", name);
            }
        }
    }
}
