using Lockstep.Core.Gates;
using Lockstep.Core.Policy;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Gates;

/// <summary>How the outcomes of all gates reduce to one verdict and one action.</summary>
public class GateEvaluatorTests
{
    private const string Runbook = """
          - { id: watch, metric: drift.psi.max, max: 0.1, action: warn }
          - { id: latency, metric: latency.p99_ms, max: 150, action: block }
          - { id: auc, metric: auc, min: 0.8, action: page }
          - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback, message: "PSI > 0.25? Roll back." }
          - { id: psi-again, metric: drift.psi.max, max: 0.3, action: rollback }
        """;

    [Fact]
    public void All_gates_passing_is_a_pass_with_no_action()
    {
        var result = Evaluate(psi: 0.05, latency: 100, auc: 0.9);

        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.Null(result.Action);
    }

    [Fact]
    public void Only_warning_gates_failing_is_a_warn()
    {
        var result = Evaluate(psi: 0.17, latency: 100, auc: 0.9);

        Assert.Equal(Verdict.Warn, result.Verdict);
        Assert.Equal(new ActionToTake(RunbookAction.Warn, "watch", null), result.Action);
    }

    [Fact]
    public void The_action_is_the_highest_severity_even_when_a_lower_one_fails_first()
    {
        var result = Evaluate(psi: 0.27, latency: 200, auc: 0.7);

        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal(new ActionToTake(RunbookAction.Rollback, "psi", "PSI > 0.25? Roll back."), result.Action);
    }

    [Fact]
    public void Among_equal_severities_the_first_failing_gate_is_the_action()
    {
        var result = Evaluate(psi: 0.5, latency: 100, auc: 0.9);

        Assert.Equal("psi", result.Action!.Gate);
        Assert.Equal(["watch", "psi", "psi-again"], result.Breached.Select(g => g.Id));
    }

    [Fact]
    public void Page_outranks_block()
    {
        var result = Evaluate(psi: 0.05, latency: 200, auc: 0.7);

        Assert.Equal(RunbookAction.Page, result.Action!.Kind);
    }

    [Fact]
    public void An_inconclusive_gate_asks_for_care_and_says_what_would_settle_it_never_for_its_page()
    {
        var policy = PolicyOf("  - { id: auc, metric: auc, max_regression: 0.01, confidence: 0.95, action: page, message: \"Page DS on-call.\" }");
        var candidate = Card("c.json", ("auc", 0.81), ("auc.delta", -0.03), ("auc.delta.se", 0.02), ("rows", 400));

        var result = GateEvaluator.Evaluate(policy, candidate, null);

        Assert.Equal(Verdict.Warn, result.Verdict);
        Assert.Equal(new ActionToTake(RunbookAction.Warn, "auc", "inconclusive: about 1,137 more labelled rows would settle it"), result.Action);
    }

    [Fact]
    public void A_failing_gate_outranks_an_inconclusive_one_with_a_more_severe_action()
    {
        var policy = PolicyOf(
            "  - { id: auc, metric: auc, max_regression: 0.01, confidence: 0.95, action: page }\n  - { id: floor, metric: auc, min: 0.9 }");
        var candidate = Card("c.json", ("auc", 0.81), ("auc.delta", -0.03), ("auc.delta.se", 0.02));

        var result = GateEvaluator.Evaluate(policy, candidate, null);

        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal(new ActionToTake(RunbookAction.Block, "floor", null), result.Action);
    }

    [Fact]
    public void A_gate_that_cannot_decide_makes_the_verdict_error_even_beside_a_failure()
    {
        var policy = PolicyOf(Runbook);
        var candidate = Card("c.json", ("drift.psi.max", 0.5), ("latency.p99_ms", double.NaN), ("auc", 0.9));

        var result = GateEvaluator.Evaluate(policy, candidate, null);

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Equal("latency", Assert.Single(result.Errored).Id);
        Assert.Equal(RunbookAction.Rollback, result.Action!.Kind);
    }

    [Fact]
    public void Skipped_optional_gates_do_not_change_a_pass()
    {
        var policy = PolicyOf("  - { id: a, metric: auc, min: 0.5 }\n  - { id: b, metric: f1, min: 0.5, optional: true }");

        var result = GateEvaluator.Evaluate(policy, Card("c.json", ("auc", 0.9)), null);

        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.Equal(GateStatus.Skipped, result.Gates[1].Status);
    }

    [Fact]
    public void Inputs_are_carried_into_the_result()
    {
        InputDigest[] inputs = [new("policy", "lockstep.yml", new string('a', 64))];

        var result = GateEvaluator.Evaluate(PolicyOf("  - { id: a, metric: auc, min: 0.5 }"), Card("c.json", ("auc", 0.9)), null, inputs);

        Assert.Equal(inputs, result.Inputs);
    }

    private static GateResult Evaluate(double psi, double latency, double auc) =>
        GateEvaluator.Evaluate(
            PolicyOf(Runbook),
            Card("c.json", ("drift.psi.max", psi), ("latency.p99_ms", latency), ("auc", auc)),
            null);
}
