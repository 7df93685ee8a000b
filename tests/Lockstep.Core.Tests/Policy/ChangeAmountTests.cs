using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class ChangeAmountTests
{
    [Theory]
    [InlineData("0.02", 0.02, false)]
    [InlineData("3%", 0.03, true)]
    [InlineData(" 3 % ", 0.03, true)]
    [InlineData("0.5%", 0.005, true)]
    [InlineData("1e-3", 0.001, false)]
    public void Parses_absolute_and_relative_amounts(string text, double amount, bool relative)
    {
        var parsed = ChangeAmount.TryParse(text);

        Assert.NotNull(parsed);
        Assert.Equal(amount, parsed.Value.Amount, 15);
        Assert.Equal(relative, parsed.Value.IsRelative);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("three")]
    [InlineData("NaN")]
    [InlineData("Infinity%")]
    public void Rejects_text_that_is_not_an_amount(string text) => Assert.Null(ChangeAmount.TryParse(text));

    [Fact]
    public void Relative_amount_scales_with_the_magnitude_of_the_baseline()
    {
        var threePercent = new ChangeAmount(0.03, IsRelative: true);

        Assert.Equal(0.03, threePercent.Around(1.0), 15);
        Assert.Equal(0.03, threePercent.Around(-1.0), 15);
        Assert.Equal(0.02, new ChangeAmount(0.02, IsRelative: false).Around(100), 15);
    }

    [Fact]
    public void Prints_as_written() =>
        Assert.Equal(("3%", "0.02"), (new ChangeAmount(0.03, true).ToString(), new ChangeAmount(0.02, false).ToString()));

    [Theory]
    [InlineData(1e-7, false, "1E-07")]
    [InlineData(0.0000001, true, "1E-05%")]
    [InlineData(0.125, true, "12.5%")]
    public void A_tiny_amount_does_not_print_as_zero(double amount, bool relative, string expected) =>
        Assert.Equal(expected, new ChangeAmount(amount, relative).ToString());
}
