using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Metrics;

public class RadixSortTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public void Sorts_like_a_comparison_sort(int count)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(_ => random.Next(4) switch
        {
            0 => Math.Round((random.NextDouble() - 0.5) * 1e6, 2),
            1 => random.NextDouble() * 1e-300,
            2 => -random.NextDouble() * 1e300,
            _ => random.Next(-3, 3),
        }).Append(double.PositiveInfinity).Append(double.NegativeInfinity).Append(0.0).Append(-0.0).ToArray();
        var expected = values.Order().ToArray();

        RadixSort.Sort(values);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void Constant_input_stays_as_it_is()
    {
        var values = Enumerable.Repeat(2.5, 50_000).ToArray();

        RadixSort.Sort(values);

        Assert.All(values, v => Assert.Equal(2.5, v));
    }
}
