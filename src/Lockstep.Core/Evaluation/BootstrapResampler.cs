using Lockstep.Core.Metrics;

namespace Lockstep.Core.Evaluation;

/// <summary>
/// Draws bootstrap resamples as counts per row and computes a kernel's metrics on each. The rows are laid out stratum
/// after stratum; each stratum of s rows gets s draws with replacement from itself (stratified by label for a binary
/// task, so every resample keeps the set's number of positives), each from its own <see cref="BootstrapRandom"/>
/// stream, and the resamples run in parallel, each writing its own replicates: the result never depends on scheduling.
/// </summary>
internal static class BootstrapResampler
{
    /// <summary>The replicates, one array of the kernel's metrics per resample.</summary>
    /// <param name="strata">The sizes of the strata, laid out one after the other.</param>
    /// <param name="set">0 for the whole set, 1 + i for the i-th slice: part of each stream's key.</param>
    public static double[][] Replicates(IReplicateKernel kernel, int[] strata, int set, BootstrapOptions options, Action? resampleDone)
    {
        var rows = strata.Sum();
        var replicates = new double[options.Resamples][];
        Parallel.For(
            0,
            options.Resamples,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => new int[rows],
            (resample, _, counts) =>
            {
                Draw(counts, strata, options.Seed, set, resample);
                var values = new double[kernel.Names.Count];
                kernel.Compute(counts, values);
                replicates[resample] = values;
                resampleDone?.Invoke();
                return counts;
            },
            _ => { });
        return replicates;
    }

    /// <summary>Fills <paramref name="counts"/> with how often each row is drawn in one resample.</summary>
    public static void Draw(Span<int> counts, ReadOnlySpan<int> strata, long seed, int set, int resample)
    {
        counts.Clear();
        var offset = 0;
        for (var stratum = 0; stratum < strata.Length; stratum++)
        {
            var size = strata[stratum];
            var random = new BootstrapRandom(seed, set, resample, stratum);
            var rows = counts.Slice(offset, size);
            for (var draw = 0; draw < size; draw++)
            {
                rows[random.NextIndex(size)]++;
            }

            offset += size;
        }
    }
}
