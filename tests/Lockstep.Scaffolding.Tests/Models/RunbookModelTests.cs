using Lockstep.Core.Policy;
using Lockstep.Scaffolding.Engine;

namespace Lockstep.Scaffolding.Tests.Models;

/// <summary>The runbook's alerts: the gates of each cause, and the label that makes an incident the model lane's.</summary>
public class RunbookModelTests
{
    private static readonly Scaffolder Scaffolder = new(TemplateLibrary.BuiltIn);

    private const string Gates = """
        version: 1
        gates:
          - id: psi-max
            metric: drift.psi.max
            max: 0.25
            action: rollback
          - id: psi-watch
            metric: drift.psi.max
            max: 0.1
            action: warn
          - id: stale-features
            metric: freshness.max_hours
            max: 24
            action: page
          - id: p99
            metric: latency.p99_ms
            max: 150
            action: block
          - id: auc-drop
            metric: auc
            max_regression: 3%
            action: page
          - id: auc-floor
            metric: auc
            min: 0.7
            action: block

        """;

    [Fact]
    public void Each_cause_lists_the_gates_that_raise_it_and_neither_a_warn_gate_nor_latency_raises_one()
    {
        var rows = AlertRows(Runbook(Gates));

        Assert.Equal(["Drift: `psi-max`", "Freshness: `stale-features`", "Quality: `auc-drop`, `auc-floor`"], rows);
    }

    [Fact]
    public void A_cause_without_gates_says_none()
    {
        var rows = AlertRows(Runbook(Gates[..Gates.IndexOf("  - id: psi-max", StringComparison.Ordinal)] + "  - id: auc\n    metric: auc\n    min: 0.7\n"));

        Assert.Equal(["Drift: none", "Freshness: none", "Quality: `auc`"], rows);
    }

    [Fact]
    public void The_incident_issue_carries_the_model_lanes_incident_labels_from_the_policy()
    {
        var runbook = Runbook(Gates + "dora:\n  lanes:\n    model:\n      incident_labels: [ml-outage, sev2]\n");

        Assert.Contains("an **incident issue** labelled `ml-outage`, `sev2`, the model lane's incident label", runbook, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_lane_without_incident_labels_is_said_not_to_count_toward_its_dora_metrics()
    {
        var runbook = Runbook(Gates + "dora:\n  lanes:\n    model:\n      incident_labels: []\n");

        Assert.Contains("the policy's model lane names no incident label, so it does not count", runbook, StringComparison.Ordinal);
        Assert.DoesNotContain("incident issue** labelled", runbook, StringComparison.Ordinal);
    }

    private static string Runbook(string policy) => Scaffolder.Runbook(PolicyReader.Parse(policy, "lockstep.yml"), "lockstep.yml").Content;

    /// <summary>The alerts table as "cause: gates".</summary>
    private static List<string> AlertRows(string runbook) =>
        runbook[runbook.IndexOf("| Cause |", StringComparison.Ordinal)..].Split('\n').Skip(2).TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => $"{cells[1]}: {cells[2]}")
            .ToList();
}
