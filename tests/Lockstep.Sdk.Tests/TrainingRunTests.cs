namespace Lockstep.Sdk.Tests;

public class TrainingRunTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(42)]
    [InlineData(123456789)]
    [InlineData(int.MaxValue)]
    public void A_seeded_random_still_follows_the_net_framework_algorithm(int seed)
    {
        var runtime = new Random(seed);
        var oracle = new KnuthSubtractive(seed);

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(oracle.Next(), runtime.Next());
            Assert.Equal(oracle.NextDouble(), runtime.NextDouble());
        }
    }

    [Fact]
    public void A_stream_is_the_same_every_time_it_is_asked_for()
    {
        Assert.Equal(TrainingRun.StreamSeed(42, "shuffle"), TrainingRun.StreamSeed(42, "shuffle"));
        Assert.Equal(Draw(TrainingRun.Random("shuffle")), Draw(TrainingRun.Random("shuffle")));
    }

    [Fact]
    public void A_stream_seed_is_the_top_31_bits_of_the_name_hashed_with_the_run_seed()
    {
        var hash = System.IO.Hashing.XxHash64.HashToUInt64("shuffle"u8, 42);

        Assert.Equal((int)(hash >> 33), TrainingRun.StreamSeed(42, "shuffle"));
        Assert.InRange(TrainingRun.StreamSeed(int.MaxValue, "x"), 0, int.MaxValue);
    }

    [Fact]
    public void The_random_of_a_stream_is_a_seeded_random_with_the_stream_seed()
    {
        var expected = new KnuthSubtractive(TrainingRun.StreamSeed(TrainingRun.Seed, "dropout"));
        var actual = TrainingRun.Random("dropout");

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(expected.Next(), actual.Next()));
    }

    [Fact]
    public void Streams_and_seeds_give_different_sequences()
    {
        string[] streams = ["shuffle", "dropout", "init", "split", "augment", "", "Shuffle"];
        var seeds = streams.Select(s => TrainingRun.StreamSeed(42, s)).Concat(streams.Select(s => TrainingRun.StreamSeed(43, s)));

        Assert.Equal(streams.Length * 2, seeds.Distinct().Count());
    }

    [Fact]
    public void A_stream_needs_a_name()
    {
        Assert.Throws<ArgumentNullException>(() => TrainingRun.Random(null!));
    }

    private static int[] Draw(Random random) => Enumerable.Range(0, 20).Select(_ => random.Next()).ToArray();
}
