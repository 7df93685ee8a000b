using Lockstep.Core.Gates;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Gates;

public class GateResultJsonTests
{
    [Fact]
    public void Round_trips_with_lowercase_enum_values()
    {
        var result = GateEvaluator.Evaluate(
            PolicyOf("  - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback, message: \"PSI > 0.25\" }"),
            Card("c.json", ("drift.psi.max", 0.31)),
            null,
            [new InputDigest("candidate", "c.json", new string('c', 64))]);

        var json = GateResultJson.Serialize(result);
        var again = GateResultJson.Parse(json, "result.json");

        Assert.Contains("\"verdict\": \"fail\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"rollback\"", json, StringComparison.Ordinal);
        Assert.Contains("\"message\": \"PSI > 0.25\"", json, StringComparison.Ordinal);
        Assert.Contains("\"limit\": 0.25", json, StringComparison.Ordinal);
        Assert.Equal(0.25, Assert.Single(again.Gates).Limit);
        Assert.Equal(json, GateResultJson.Serialize(again));
    }

    [Fact]
    public void A_gate_judged_by_intervals_writes_them_and_reads_them_back()
    {
        var result = GateEvaluator.Evaluate(
            PolicyOf("  - { id: auc, metric: auc, max_regression: 0.01, confidence: 0.95 }"),
            Card("c.json", ("auc", 0.81), ("auc.baseline", 0.84), ("auc.delta", -0.03), ("auc.delta.se", 0.02), ("rows", 400)),
            null);

        var json = GateResultJson.Serialize(result);
        var again = Assert.Single(GateResultJson.Parse(json, "result.json").Gates);

        Assert.Contains("\"confidence\": 0.95", json, StringComparison.Ordinal);
        Assert.Contains("\"delta_interval\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"inconclusive\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"more_rows\": 1137", json, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(result.Gates).DeltaInterval, again.DeltaInterval);
        Assert.Equal(Assert.Single(result.Gates).PValue, again.PValue);
        Assert.Equal(json, GateResultJson.Serialize(GateResultJson.Parse(json, "result.json")));
    }

    [Fact]
    public void An_action_from_a_gate_without_a_message_reads_back()
    {
        var result = GateEvaluator.Evaluate(PolicyOf("  - { id: a, metric: auc, min: 0.95 }"), Card("c.json", ("auc", 0.9)), null);

        var again = GateResultJson.Parse(GateResultJson.Serialize(result), "result.json");

        Assert.Equal(new ActionToTake(Lockstep.Core.Policy.RunbookAction.Block, "a", null), again.Action);
    }

    [Fact]
    public void A_passing_result_has_no_action_and_reads_back()
    {
        var result = GateEvaluator.Evaluate(PolicyOf("  - { id: a, metric: auc, min: 0.5 }"), Card("c.json", ("auc", 0.9)), null);

        var json = GateResultJson.Serialize(result);
        var again = GateResultJson.Parse(json, "result.json");

        Assert.DoesNotContain("\"action\": {", json, StringComparison.Ordinal);
        Assert.Null(again.Action);
        Assert.Equal(Verdict.Pass, again.Verdict);
    }

    [Fact]
    public void Non_finite_values_are_never_written_as_numbers()
    {
        var result = GateEvaluator.Evaluate(PolicyOf("  - { id: a, metric: auc, min: 0.5 }"), Card("c.json", ("auc", double.NaN)), null);

        var json = GateResultJson.Serialize(result);

        Assert.DoesNotContain("NaN", json.Replace("is NaN", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"error\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_contract_s_file_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() =>
            GateResultJson.Parse("""{ "schema": "lockstep.drift/v1", "verdict": "pass", "gates": [] }""", "result.json"));

        Assert.Equal("result.json: is a drift report (lockstep.drift/v1), expected a gate result (lockstep.gate-result/v1)", error.Message);
    }

    [Fact]
    public void Unknown_verdict_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() =>
            GateResultJson.Parse("""{ "schema": "lockstep.gate-result/v1", "verdict": "maybe", "gates": [] }""", "result.json"));

        Assert.StartsWith("result.json:1: $.verdict:", error.Message, StringComparison.Ordinal);
    }
}
