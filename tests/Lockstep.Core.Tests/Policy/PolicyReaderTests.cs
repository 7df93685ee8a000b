using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class PolicyReaderTests
{
    private const string Valid = """
        version: 1
        first_model: allow
        gates:
          - id: drift-rollback
            metric: drift.psi.max
            max: 0.25
            action: rollback
            message: "PSI > 0.25? Roll back."
          - id: auc-eu
            metric: auc
            slice: region=EU
            min: 0.7
            max_regression: 3%
            min_improvement: 0.001
            optional: true
          - id: cost
            metric: cost.per_1k
            higher_is_better: false
            max: 4.5
        """;

    [Fact]
    public void Reads_every_key()
    {
        var policy = PolicyReader.Parse(Valid, "lockstep.yml");

        Assert.Equal(FirstModelRule.Allow, policy.FirstModel);
        Assert.Equal(["drift-rollback", "auc-eu", "cost"], policy.Gates.Select(g => g.Id));

        var drift = policy.Gates[0];
        Assert.Equal((0.25, RunbookAction.Rollback, "PSI > 0.25? Roll back.", false, 4), (drift.Max, drift.Action, drift.Message, drift.HigherIsBetter, drift.Line));

        var auc = policy.Gates[1];
        Assert.Equal("region=EU", auc.Slice);
        Assert.Equal(0.7, auc.Min);
        Assert.Equal(new ChangeAmount(0.03, IsRelative: true), auc.MaxRegression);
        Assert.Equal(new ChangeAmount(0.001, IsRelative: false), auc.MinImprovement);
        Assert.True(auc.Optional);
        Assert.True(auc.HigherIsBetter);
        Assert.Equal(RunbookAction.Block, auc.Action);

        Assert.False(policy.Gates[2].HigherIsBetter);
    }

    [Fact]
    public void First_model_defaults_to_fail()
    {
        var policy = PolicyReader.Parse("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }", "p.yml");

        Assert.Equal(FirstModelRule.Fail, policy.FirstModel);
    }

    [Fact]
    public void Reads_the_dora_section()
    {
        var policy = PolicyReader.Parse(
            "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  window_days: 14\n  attribution_hours: 48\n  commit_time: authored\n  lanes:\n    model:\n      environments: [serving, \"serving-*\"]\n",
            "p.yml");

        Assert.Equal(14, policy.Dora.WindowDays);
        Assert.Equal(48, policy.Dora.AttributionHours);
        Assert.Equal(Lockstep.Core.Dora.CommitTime.Authored, policy.Dora.CommitTime);
        Assert.True(policy.Dora.CountsAsProduction(Lockstep.Core.Dora.Lane.Model, "serving-eu"));
        Assert.False(policy.Dora.CountsAsProduction(Lockstep.Core.Dora.Lane.Model, "production"));
        Assert.True(policy.Dora.CountsAsProduction(Lockstep.Core.Dora.Lane.Code, "production"));
    }

    [Fact]
    public void Reads_each_lanes_incident_labels_and_deploy_workflows_for_the_GitHub_source()
    {
        var policy = PolicyReader.Parse(
            "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    code:\n      incident_labels: [sev1, sev2]\n    model:\n      incident_labels: []\n      deploy_workflows: [deploy-model.yml]\n",
            "p.yml");

        Assert.Equal(["sev1", "sev2"], policy.Dora.IncidentLabels[Lockstep.Core.Dora.Lane.Code]);
        Assert.Empty(policy.Dora.IncidentLabels[Lockstep.Core.Dora.Lane.Model]);
        Assert.Equal(["deploy-model.yml"], policy.Dora.DeployWorkflows[Lockstep.Core.Dora.Lane.Model]);
        Assert.Empty(policy.Dora.DeployWorkflows[Lockstep.Core.Dora.Lane.Code]);
        Assert.Equal(Lockstep.Core.Dora.DoraSettings.DefaultEnvironments, policy.Dora.Environments[Lockstep.Core.Dora.Lane.Model]);
    }

    [Fact]
    public void Without_them_issues_labelled_incident_and_model_incident_are_the_lanes_incidents()
    {
        var dora = PolicyReader.Parse("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }", "p.yml").Dora;

        Assert.Equal(["incident"], dora.IncidentLabels[Lockstep.Core.Dora.Lane.Code]);
        Assert.Equal(["model-incident"], dora.IncidentLabels[Lockstep.Core.Dora.Lane.Model]);
        Assert.All(dora.DeployWorkflows.Values, Assert.Empty);
    }

    public static TheoryData<string, string, string> BadPolicies => new()
    {
        { "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    code:\n      incident_labels: [\"\"]\n", "p.yml:7:25: dora.lanes.code.incident_labels: ", "empty label" },
        { "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    model:\n      deploy_workflow: [d.yml]\n", "p.yml:7:7: dora.lanes.model: unknown key 'deploy_workflow' (did you mean 'deploy_workflows'?)", "workflow typo" },
        { "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    model:\n      deploy_workflows: deploy.yml\n", "p.yml:7:25: dora.lanes.model.deploy_workflows: expected a list", "workflows not a list" },
        { "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  window: 14\n", "p.yml:5:3: dora: unknown key 'window' (did you mean 'window_days'?)", "dora typo" },
        { "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  window_days: 0\n", "p.yml:5:16: dora.window_days: expected 1 to 366 days, got 0", "empty window" },
        { "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    data: {}\n", "p.yml:6:5: dora.lanes: unknown key 'data'", "unknown lane" },
        { "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  commit_time: pushed\n", "p.yml:5:16: dora.commit_time: expected one of committed, authored, got 'pushed'", "bad commit time" },
        { "", "p.yml: the policy is empty", "empty file" },
        { "# only a comment\n", "p.yml: the policy is empty", "comment only" },
        { "version: 1\ngates: [\n", "p.yml:3:1: invalid YAML", "YAML syntax error" },
        { "gates:\n  - { id: a, metric: auc, min: 0.5 }", "p.yml:1:1: version: missing", "missing version" },
        { "version: 2\ngates:\n  - { id: a, metric: auc, min: 0.5 }", "p.yml:1:10: version: expected 1, got 2", "future version" },
        { "version: one\ngates: []", "p.yml:1:10: version: expected an integer, got 'one'", "version not a number" },
        { "version: 1\n", "p.yml:1:1: gates: missing", "no gates key" },
        { "version: 1\ngates: []", "p.yml:2:8: gates: expected at least one gate", "empty gate list" },
        { "version: 1\ngates: { id: a }", "p.yml:2:8: gates: expected a list, got a mapping", "gates not a list" },
        { "version: 1\ngate:\n  - { id: a }", "p.yml:2:1: policy: unknown key 'gate' (did you mean 'gates'?)", "top-level typo" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    max_regresion: 3%", "p.yml:5:5: gates[0]: unknown key 'max_regresion' (did you mean 'max_regression'?)", "gate typo" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    colour: red", "p.yml:5:5: gates[0]: unknown key 'colour' (expected one of: id, metric", "unknown gate key" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    max: high", "p.yml:5:10: gates[a].max: expected a finite number, got 'high'", "wrong type" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    max: .nan", "p.yml:5:10: gates[a].max: expected a finite number, got '.nan'", "NaN bound" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    max: [1]", "p.yml:5:10: gates[a].max: expected a number, got a list", "list for a number" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    max_regression: -2%", "p.yml:5:21: gates[a].max_regression: expected a non-negative amount, got '-2%'", "negative change" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    max_regression: lots", "p.yml:5:21: gates[a].max_regression: expected an absolute amount (0.02) or a relative one (3%), got 'lots'", "bad change" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    min: 0.5\n    action: panic", "p.yml:6:13: gates[a].action: expected one of rollback, page, block, warn, got 'panic'", "bad action" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    min: 0.5\n    optional: maybe", "p.yml:6:15: gates[a].optional: expected true or false, got 'maybe'", "bad boolean" },
        { "version: 1\nfirst_model: sometimes\ngates:\n  - { id: a, metric: auc, min: 0.5 }", "p.yml:2:14: first_model: expected one of fail, allow, got 'sometimes'", "bad first_model" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc", "p.yml:3:5: gates[a]: no bound", "gate without bound" },
        { "version: 1\ngates:\n  - metric: auc\n    min: 0.5", "p.yml:3:5: gates[0].id: missing", "gate without id" },
        { "version: 1\ngates:\n  - id: a\n    min: 0.5", "p.yml:3:5: gates[a].metric: missing", "gate without metric" },
        { "version: 1\ngates:\n  - id: a b\n    metric: auc\n    min: 1", "p.yml:3:9: gates[0].id: gate id 'a b' may contain only letters (A–Z, a–z), digits (0–9), '.', '_' and '-', starting with a letter or a digit", "bad id" },
        { "version: 1\ngates:\n  - id: a\n    metric: throughput\n    min: 5", "p.yml:4:13: gates[a].metric: unknown metric 'throughput': if the name is right, add `higher_is_better: true` or `false`", "unknown direction" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    min: 0.9\n    max: 0.5", "p.yml:5:10: gates[a].min: min 0.9 is greater than max 0.5", "min above max" },
        { "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\n  - { id: a, metric: f1, min: 0.5 }", "p.yml:4:5: gates[1].id: duplicate gate id 'a' (first defined on line 3)", "duplicate gate id" },
        { "version: 1\ngates:\n  - id: a\n    metric: auc\n    min: 0.5\n    min: 0.6", "p.yml:6", "duplicate key" },
        { "version: 1\n---\nversion: 1\n", "p.yml:3:1: expected one YAML document", "two documents" },
        { "- 1\n- 2\n", "p.yml:1:1: policy: expected a mapping of keys to values, got a list", "root is a list" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Each_problem_of_a_bad_policy_is_one_line_naming_file_line_column_and_field(string yaml, string expectedStart, string because)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.Parse(yaml, "p.yml"));

        Assert.True(error.Errors.Any(e => e.Message.StartsWith(expectedStart, StringComparison.Ordinal)), $"{because}: got '{error.Message}'");
        Assert.All(error.Errors, e => Assert.DoesNotContain('\n', e.Message));
        Assert.Equal(string.Join('\n', error.Errors.Select(e => e.Message)), error.Message);
    }
}
