namespace Lockstep.Core.Metrics;

/// <summary>
/// The bootstrap's random numbers: a SplitMix64 stream (Steele, Lea and Flood 2014) whose starting state is keyed by
/// (seed, set, resample, stratum), each part mixed in by SplitMix64's finaliser. Every resample of every stratum has a
/// stream of its own, so resamples can be drawn in any order on any number of threads and give the same bits; row
/// indices are drawn without bias by Lemire's multiply-and-reject (2019). Written out here rather than taken from
/// <see cref="Random"/>, whose algorithm may change between .NET versions.
/// </summary>
public struct BootstrapRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong state;

    /// <param name="seed">The run's seed (<c>--bootstrap-seed</c>).</param>
    /// <param name="set">0 for the whole set, 1 + i for the i-th slice.</param>
    /// <param name="resample">The resample's index, 0 to N − 1.</param>
    /// <param name="stratum">0 for the positives (or every row of a regression), 1 for the negatives.</param>
    public BootstrapRandom(long seed, int set, int resample, int stratum)
    {
        var key = Mix(unchecked((ulong)seed));
        key = Mix(key ^ unchecked((ulong)set + Golden));
        key = Mix(key ^ unchecked((ulong)resample + (2 * Golden)));
        state = Mix(key ^ unchecked((ulong)stratum + (3 * Golden)));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        state = unchecked(state + Golden);
        return Mix(state);
    }

    /// <summary>A uniformly drawn index in [0, <paramref name="count"/>).</summary>
    public int NextIndex(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var bound = (ulong)count;
        var high = Math.BigMul(Next(), bound, out var low);
        if (low < bound)
        {
            // Reject the few products that would make some indices more likely than others.
            var threshold = unchecked(0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(Next(), bound, out low);
            }
        }

        return (int)high;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
