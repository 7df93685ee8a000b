using CsCheck;

namespace Lockstep.Core.Tests;

public class NumbersTests
{
    [Theory]
    [InlineData(0.31, 0.25, "0.31", "0.25")]
    [InlineData(0.2500001, 0.25, "0.2500001", "0.25")]
    [InlineData(0.25, 0.25, "0.25", "0.25")]
    [InlineData(1234567.0000001, 1234567, "1234567.0000001", "1234567")]
    [InlineData(1.00000001e-7, 1e-7, "1.00000001E-07", "1E-07")]
    [InlineData(0.2500000000000001, 0.25, "0.2500000000000001", "0.25")]
    [InlineData(double.NaN, 0.25, "NaN", "0.25")]
    public void Distinct_shows_the_digits_that_differ_and_no_more(double value, double bound, string valueText, string boundText) =>
        Assert.Equal([valueText, boundText], Numbers.Distinct(value, bound));

    [Fact]
    public void Distinct_widens_every_number_of_a_message_together() =>
        Assert.Equal(["0.8299999", "0.85", "0.83"], Numbers.Distinct(0.8299999, 0.85, 0.83));

    /// <summary>Property: numbers a few ulps apart read differently, and equal numbers alike.</summary>
    [Fact]
    public void Distinct_texts_differ_exactly_when_the_numbers_do() =>
        Gen.Select(Gen.Double[-1e9, 1e9], Gen.Int[-3, 3])
            .Sample((value, ulps) =>
            {
                var other = value;
                for (var i = 0; i < Math.Abs(ulps); i++)
                {
                    other = ulps > 0 ? Math.BitIncrement(other) : Math.BitDecrement(other);
                }

                var texts = Numbers.Distinct(value, other);

                Assert.Equal(value == other, texts[0] == texts[1]);
            });
}
