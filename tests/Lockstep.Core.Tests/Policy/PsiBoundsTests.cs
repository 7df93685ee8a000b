using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class PsiBoundsTests
{
    [Theory]
    [InlineData("drift.psi.max", "max: -0.25", "p.yml:5:10: gates[psi].max: expected a PSI bound of 0 or more (PSI is never negative), got -0.25")]
    [InlineData("drift.psi.age", "min: -0.1", "p.yml:5:10: gates[psi].min: expected a PSI bound of 0 or more (PSI is never negative), got -0.1")]
    [InlineData("psi", "max: -1", "p.yml:5:10: gates[psi].max: expected a PSI bound of 0 or more (PSI is never negative), got -1")]
    public void A_negative_bound_on_a_psi_metric_is_one_line_naming_the_key(string metric, string bound, string expected)
    {
        var yaml = $"version: 1\ngates:\n  - id: psi\n    metric: {metric}\n    {bound}\n";

        var error = Assert.Throws<InputException>(() => PolicyReader.Parse(yaml, "p.yml"));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("drift.psi.max", "max: 0")]
    [InlineData("drift.share_drifted", "max: 0.5")]
    [InlineData("r2", "min: -0.5")]
    public void Bounds_of_zero_and_other_metrics_below_zero_are_accepted(string metric, string bound) =>
        Assert.Single(PolicyReader.Parse($"version: 1\ngates:\n  - id: g\n    metric: {metric}\n    {bound}\n", "p.yml").Gates);
}
