using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

/// <summary>A policy's problems all at once, each on its own line, with the line and column a person can go to.</summary>
public class PolicyErrorsTests
{
    [Fact]
    public void Every_problem_of_the_file_is_reported_in_one_run_in_file_order()
    {
        const string yaml = """
            version: 1
            frist_model: allow
            gates:
              - id: auc drop
                metric: acu
                max_regression: lots
              - id: psi
                metric: drift.psi.max
                max: 0.25
                action: alert
            """;

        var error = Assert.Throws<InputException>(() => PolicyReader.Parse(yaml, "lockstep.yml"));

        Assert.Equal(
            [
                "lockstep.yml:2:1: policy: unknown key 'frist_model' (did you mean 'first_model'?)",
                "lockstep.yml:4:9: gates[0].id: gate id 'auc drop' may contain only letters (A–Z, a–z), digits (0–9), '.', '_' and '-', starting with a letter or a digit",
                "lockstep.yml:5:13: gates[0].metric: unknown metric 'acu' (did you mean 'auc'?): if the name is right, add `higher_is_better: true` or `false` to say which way is better",
                "lockstep.yml:6:21: gates[0].max_regression: expected an absolute amount (0.02) or a relative one (3%), got 'lots'",
                "lockstep.yml:10:13: gates[psi].action: expected one of rollback, page, block, warn, got 'alert'",
            ],
            error.Message.Split('\n'));
        Assert.Equal(5, error.Errors.Count);
    }

    [Fact]
    public void After_twenty_problems_the_rest_are_counted()
    {
        var gates = string.Concat(Enumerable.Range(1, 23).Select(i => $"  - {{ id: g{i}, metric: auc, min: low }}\n"));

        var error = Assert.Throws<InputException>(() => PolicyReader.Parse($"version: 1\ngates:\n{gates}", "lockstep.yml"));

        var lines = error.Message.Split('\n');
        Assert.Equal(21, lines.Length);
        Assert.Equal("lockstep.yml:3:33: gates[g1].min: expected a finite number, got 'low'", lines[0]);
        Assert.Equal("lockstep.yml:22:34: gates[g20].min: expected a finite number, got 'low'", lines[19]);
        Assert.Equal("lockstep.yml: … and 3 more errors", lines[20]);
        Assert.Equal(23, error.Errors.Count);
    }

    [Fact]
    public void A_gate_with_problems_does_not_also_count_as_a_duplicate_or_a_missing_bound()
    {
        const string yaml = "version: 1\ngates:\n  - { id: a, metric: auc, min: x }\n  - { id: a, metric: f1, min: 0.5 }\n";

        var error = Assert.Throws<InputException>(() => PolicyReader.Parse(yaml, "p.yml"));

        Assert.Equal("p.yml:3:32: gates[a].min: expected a finite number, got 'x'", error.Message);
    }

    [Theory]
    [InlineData("version: 1\ngates:\n  - id: a\n\t  metric: auc\n    min: 0.5\n", 4, 1)]
    [InlineData("version: 1\ngates:\n  - id: a\n    metric: auc\n  \tmin: 0.5\n", 5, 3)]
    [InlineData("version: 1\ngates:\n\t- id: a\n    metric: auc\n    min: 0.5\n", 3, 1)]
    public void A_tab_in_the_indentation_is_reported_on_its_own_line(string yaml, int line, int column)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.Parse(yaml, "p.yml"));

        Assert.Equal($"p.yml:{line}:{column}: invalid YAML: a tab in the indentation; YAML indents with spaces only", error.Message);
    }

    [Fact]
    public void A_tab_after_a_value_is_no_indentation_problem()
    {
        var policy = PolicyReader.Parse("version: 1\ngates:\n  - id: a\n    metric:\tauc\n    min: 0.5\n", "p.yml");

        Assert.Equal("auc", Assert.Single(policy.Gates).Metric);
    }

    [Theory]
    [InlineData("acu", "auc")]
    [InlineData("log_los", "log_loss")]
    [InlineData("acuracy", "accuracy")]
    [InlineData("rsme", "rmse")]
    public void An_unknown_metric_suggests_the_known_name_it_is_closest_to(string typed, string meant)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.Parse($"version: 1\ngates:\n  - {{ id: a, metric: {typed}, max: 1 }}\n", "p.yml"));

        Assert.Contains($"unknown metric '{typed}' (did you mean '{meant}'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_metric_far_from_every_known_name_suggests_nothing()
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.Parse("version: 1\ngates:\n  - { id: a, metric: throughput, max: 1 }\n", "p.yml"));

        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
    }
}
