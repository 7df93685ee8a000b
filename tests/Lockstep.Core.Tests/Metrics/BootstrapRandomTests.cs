using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class BootstrapRandomTests
{
    /// <summary>
    /// Oracle: the keyed SplitMix64 written out again in Python 3.11 with unbounded integers reduced mod 2⁶⁴ (key = mix(seed),
    /// then mix(key ^ (part + k·0x9E3779B97F4A7C15)) for set, resample and stratum, k = 1, 2, 3; each draw
    /// mix(state += 0x9E3779B97F4A7C15)) and Lemire's multiply-and-reject for the indices: the same bits on any machine.
    /// </summary>
    [Fact]
    public void Draws_the_bits_an_independent_implementation_draws()
    {
        var random = new BootstrapRandom(42, 0, 0, 0);
        Assert.Equal([1828328966639361856UL, 8647190711822367825UL, 10581920358636211639UL], new[] { random.Next(), random.Next(), random.Next() });

        var negativeSeed = new BootstrapRandom(-7, 3, 999, 1);
        Assert.Equal([4006538160835408336UL, 8754476322121800387UL], new[] { negativeSeed.Next(), negativeSeed.Next() });

        var indices = new BootstrapRandom(42, 1, 5, 1);
        Assert.Equal([1, 8, 5, 4, 6, 7, 6, 9, 2, 8, 3, 3], Enumerable.Range(0, 12).Select(_ => indices.NextIndex(10)).ToArray());
    }

    [Fact]
    public void Each_part_of_the_key_starts_a_stream_of_its_own()
    {
        var keys = new[] { (42L, 0, 0, 0), (43L, 0, 0, 0), (42L, 1, 0, 0), (42L, 0, 1, 0), (42L, 0, 0, 1) };

        var firsts = keys.Select(key => new BootstrapRandom(key.Item1, key.Item2, key.Item3, key.Item4).Next()).ToList();

        Assert.Equal(keys.Length, firsts.Distinct().Count());
    }

    [Fact]
    public void Indices_are_uniform_over_the_range()
    {
        const int draws = 70_000;
        var random = new BootstrapRandom(1, 0, 0, 0);
        var counts = new int[7];
        for (var i = 0; i < draws; i++)
        {
            counts[random.NextIndex(7)]++;
        }

        // Each bucket's count has a standard deviation of about 93 around 10,000: five of them is a failure.
        Assert.All(counts, count => Assert.InRange(count, 10_000 - 465, 10_000 + 465));
    }

    [Fact]
    public void An_empty_range_is_refused()
    {
        var random = new BootstrapRandom(1, 0, 0, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextIndex(0));
    }
}
