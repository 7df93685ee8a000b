using Lockstep.Core.Dora;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

/// <summary>The policy as <c>lockstep dora</c> and <c>lockstep events</c> read it: gates are not needed, the dora: section is checked.</summary>
public class PolicyDoraOnlyTests
{
    private const string DoraOnly = "version: 1\ndora:\n  window_days: 14\n  lanes:\n    model:\n      environments: [model-production]\n";

    [Fact]
    public void A_policy_with_only_a_dora_section_is_read_for_dora()
    {
        var dora = PolicyReader.ReadDora(DoraOnly, "lockstep.yml");

        Assert.Equal(14, dora.WindowDays);
        Assert.True(dora.CountsAsProduction(Lane.Model, "model-production"));
        Assert.False(dora.CountsAsProduction(Lane.Model, "production"));
    }

    [Fact]
    public void The_same_policy_is_still_refused_by_the_gate_reader()
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.Parse(DoraOnly, "lockstep.yml"));

        Assert.Equal("lockstep.yml:1:1: gates: missing: expected a list of gates", error.Message);
    }

    [Theory]
    [InlineData("version: 1\n", 30)]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  window_days: 7\n", 7)]
    public void Version_alone_gives_the_defaults_and_gates_beside_dora_are_fine(string yaml, int windowDays) =>
        Assert.Equal(windowDays, PolicyReader.ReadDora(yaml, "p.yml").WindowDays);

    [Theory]
    [InlineData("dora:\n  window_days: 7\n", "p.yml:1:1: version: missing: expected `version: 1`")]
    [InlineData("", "p.yml: the policy is empty: expected `version: 1` and a `dora:` section")]
    [InlineData("version: 1\ngates:\n  - { id: a, metric: auc }\ndora:\n  window_days: 7\n", "p.yml:3:5: gates[a]: no bound")]
    [InlineData("version: 1\ngates: []\n", "p.yml:2:8: gates: expected at least one gate")]
    [InlineData("version: 1\ndora:\n  window_days: 0\n", "p.yml:3:16: dora.window_days: expected 1 to 366 days, got 0")]
    public void What_is_there_is_checked_as_for_the_gate(string yaml, string expected)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.ReadDora(yaml, "p.yml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "version: 1\ndora:\n  lanes:\n    code:\n      incident_labels: [incident, sev1]\n    model:\n      incident_labels: [model-incident, SEV1]\n",
        "p.yml:7:41: dora.lanes.model.incident_labels: 'SEV1' is an incident label of the code lane too (line 5): an issue with it would be an incident of both lanes; give each lane its own labels")]
    [InlineData(
        "version: 1\ndora:\n  lanes:\n    model:\n      incident_labels:\n        - model-incident\n        - incident\n",
        "p.yml:7:11: dora.lanes.model.incident_labels: 'incident' is the code lane's default incident label too: an issue with it would be an incident of both lanes; give each lane its own labels")]
    [InlineData(
        "version: 1\ndora:\n  lanes:\n    code:\n      incident_labels: [model-incident]\n",
        "p.yml:5:25: dora.lanes.code.incident_labels: 'model-incident' is the model lane's default incident label too: an issue with it would be an incident of both lanes; give each lane its own labels")]
    public void An_incident_label_of_both_lanes_is_refused_where_it_is_written(string yaml, string expected) =>
        Assert.Equal(expected, Assert.Throws<InputException>(() => PolicyReader.ReadDora(yaml, "p.yml")).Message);

    [Fact]
    public void The_gate_reader_refuses_a_shared_label_too()
    {
        const string Yaml = "version: 1\ngates:\n  - { id: a, metric: auc, min: 0.5 }\ndora:\n  lanes:\n    model:\n      incident_labels: [Incident]\n";

        Assert.Equal(
            "p.yml:7:25: dora.lanes.model.incident_labels: 'Incident' is the code lane's default incident label too: an issue with it would be an incident of both lanes; give each lane its own labels",
            Assert.Throws<InputException>(() => PolicyReader.Parse(Yaml, "p.yml")).Message);
    }

    [Fact]
    public void Lanes_with_labels_of_their_own_are_fine()
    {
        var dora = PolicyReader.ReadDora("version: 1\ndora:\n  lanes:\n    code:\n      incident_labels: [sev1]\n    model:\n      incident_labels: [incident]\n", "p.yml");

        Assert.Equal(["sev1"], dora.IncidentLabels[Lane.Code]);
        Assert.Equal(["incident"], dora.IncidentLabels[Lane.Model]);
    }
}
