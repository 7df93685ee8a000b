using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class GateConfidenceTests
{
    private static GateDefinition Gate(string extra) =>
        Assert.Single(PolicyReader.Parse($"version: 1\ngates:\n  - id: g\n    metric: auc\n    max_regression: 1%\n{extra}", "p.yml").Gates);

    [Fact]
    public void Confidence_and_the_inconclusive_rule_are_read()
    {
        var gate = Gate("    confidence: 0.9\n    inconclusive: fail\n");

        Assert.Equal(0.9, gate.Confidence);
        Assert.Equal(InconclusiveRule.Fail, gate.Inconclusive);
    }

    [Fact]
    public void Without_them_a_gate_compares_point_values_and_inconclusive_warns()
    {
        var gate = Gate(string.Empty);

        Assert.Null(gate.Confidence);
        Assert.Equal(InconclusiveRule.Warn, gate.Inconclusive);
    }

    [Theory]
    [InlineData("    confidence: 1\n", "p.yml:6:17: gates[g].confidence: expected a level strictly between 0 and 1, such as 0.95, got 1")]
    [InlineData("    confidence: 0\n", "p.yml:6:17: gates[g].confidence: expected a level strictly between 0 and 1, such as 0.95, got 0")]
    [InlineData("    confidence: 95%\n", "p.yml:6:17: gates[g].confidence: expected a finite number, got '95%'")]
    [InlineData("    inconclusive: fail\n", "p.yml:6:19: gates[g].inconclusive: needs `confidence:`: only a gate judged by intervals can be inconclusive")]
    [InlineData("    confidence: 0.95\n    inconclusive: block\n", "p.yml:7:19: gates[g].inconclusive: expected one of warn, fail, got 'block'")]
    public void Bad_values_are_one_line_naming_the_key(string extra, string expected) =>
        Assert.Equal(expected, Assert.Throws<InputException>(() => Gate(extra)).Message);

    [Fact]
    public void On_a_psi_metric_confidence_applies_to_max_only()
    {
        var yaml = "version: 1\ngates:\n  - id: g\n    metric: drift.psi.age\n    min: 0.01\n    max: 0.25\n    confidence: 0.95\n";

        var error = Assert.Throws<InputException>(() => PolicyReader.Parse(yaml, "p.yml"));

        Assert.Equal("p.yml:7:17: gates[g].confidence: on a PSI metric, confidence applies to max (is the shift significant?); give min in a gate of its own", error.Message);
    }
}
