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
}
