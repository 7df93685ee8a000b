using Lockstep.Core.Contracts;
using Lockstep.Core.Rebuild;
using static Lockstep.Core.Tests.Rebuild.RebuildCards;

namespace Lockstep.Core.Tests.Rebuild;

public class MetricComparerTests
{
    [Fact]
    public void A_metric_beyond_the_tolerance_is_named_with_the_change_and_the_tolerance()
    {
        var check = Check(Registered.WithMetrics(("auc", 0.8398), ("f1", 0.7)));

        Assert.Equal(["metric 'auc': 0.8412 registered, 0.8398 rebuilt (−0.0014, tolerance 1e-9)"], Messages(check));
        Assert.Equal(0.8398 - 0.8412, check.Differences[0].Delta);
    }

    [Fact]
    public void The_tolerance_is_absolute_and_inclusive()
    {
        // 0.25 and 0.75 are exact in binary, so the difference is exactly 0.5.
        var registered = Registered.WithMetrics(("auc", 0.25));
        var rebuilt = Registered.WithMetrics(("auc", 0.75));

        Assert.Equal(RebuildVerdict.Identical, Check(registered, rebuilt, 0.5).Verdict);
        Assert.Equal(["metric 'auc': 0.25 registered, 0.75 rebuilt (+0.5, tolerance 0.499999)"], Messages(Check(registered, rebuilt, 0.499999)));
    }

    [Fact]
    public void The_tolerance_is_not_scaled_by_the_values()
    {
        var registered = Registered.WithMetrics(("rows", 1_000_000));

        Assert.Equal(
            ["metric 'rows': 1000000 registered, 1000000.1 rebuilt (+0.1, tolerance 0.01)"],
            Messages(Check(registered, Registered.WithMetrics(("rows", 1_000_000.1)), 0.01)));
    }

    [Fact]
    public void A_difference_within_the_default_tolerance_is_equal()
    {
        Assert.Equal(RebuildVerdict.Identical, Check(Registered.WithMetrics(("auc", 0.8412 + 1e-10), ("f1", 0.7))).Verdict);
    }

    [Fact]
    public void Values_that_would_read_the_same_are_written_with_the_digits_that_tell_them_apart()
    {
        Assert.Equal(
            ["metric 'auc': 0.8412 registered, 0.84120001 rebuilt (+1e-8, tolerance 1e-9)"],
            Messages(Check(Registered.WithMetrics(("auc", 0.84120001), ("f1", 0.7)))));
    }

    [Fact]
    public void A_metric_missing_on_either_side_is_named()
    {
        var check = Check(Registered.WithMetrics(("auc", 0.8412), ("recall", 0.6)));

        Assert.Equal(["metric 'f1': missing from the rebuilt card", "metric 'recall': missing from the registered card"], Messages(check));
        Assert.Equal(("0.7", null), (check.Differences[0].Registered, check.Differences[0].Rebuilt));
    }

    [Fact]
    public void A_slice_metric_is_named_with_its_slice()
    {
        var rebuilt = Registered with { Slices = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["region=EU"] = new Dictionary<string, double> { ["auc"] = 0.8398 } } };

        var check = Check(rebuilt);

        Assert.Equal(["metric 'auc' [region=EU]: 0.8412 registered, 0.8398 rebuilt (−0.0014, tolerance 1e-9)"], Messages(check));
        Assert.Equal("region=EU", check.Differences[0].Slice);
    }

    [Fact]
    public void A_slice_missing_from_one_card_names_each_of_its_metrics()
    {
        Assert.Equal(["metric 'auc' [region=EU]: missing from the rebuilt card"], Messages(Check(Registered with { Slices = new Dictionary<string, IReadOnlyDictionary<string, double>>() })));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "∞")]
    public void A_metric_that_is_not_finite_cannot_tell(double value, string written)
    {
        var check = Check(Registered, Registered.WithMetrics(("auc", value), ("f1", 0.7)));

        Assert.Equal(RebuildVerdict.CannotTell, check.Verdict);
        Assert.Equal([$"metric 'auc': {written} in the rebuilt card"], check.CannotTell);
    }

    [Theory]
    [InlineData("1E-09", "1e-9")]
    [InlineData("-1.5E+12", "-1.5e12")]
    [InlineData("0.25", "0.25")]
    public void Exponents_are_written_as_on_a_command_line(string number, string expected)
    {
        Assert.Equal(expected, MetricComparer.Scientific(number));
    }
}
