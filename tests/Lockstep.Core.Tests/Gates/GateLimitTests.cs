using Lockstep.Core.Gates;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Gates;

/// <summary>The number a gate outcome reports as the limit its value was compared with.</summary>
public class GateLimitTests
{
    public static TheoryData<string, double, double?, double?> Cases => new()
    {
        // One value bound: that bound, broken or not.
        { "{ id: g, metric: drift.psi.max, max: 0.25 }", 0.31, null, 0.25 },
        { "{ id: g, metric: auc, min: 0.8 }", 0.9, null, 0.8 },

        // Both value bounds: the broken one, else the one nearest the value.
        { "{ id: g, metric: auc, min: 0.7, max: 0.9 }", 0.95, null, 0.9 },
        { "{ id: g, metric: auc, min: 0.7, max: 0.9 }", 0.72, null, 0.7 },

        // A relative change bound works out to a number: 0.862 − 3% of 0.862.
        { "{ id: g, metric: auc, max_regression: 3% }", 0.812, 0.862, 0.83614 },
        { "{ id: g, metric: latency.p99_ms, max_regression: 10% }", 105, 100, 110 },
        { "{ id: g, metric: rmse, min_improvement: 0.1 }", 0.95, 1.0, 0.9 },

        // A value bound broken beside a change bound that holds: the value bound.
        { "{ id: g, metric: auc, min: 0.9, max_regression: 3% }", 0.85, 0.862, 0.9 },

        // Nothing to compare with: change bounds only and no baseline, or no usable value.
        { "{ id: g, metric: auc, max_regression: 3% }", 0.9, null, null },
        { "{ id: g, metric: auc, min: 0.5 }", double.NaN, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Outcome_carries_the_limit_it_was_compared_with(string gate, double candidate, double? baseline, double? expected)
    {
        var metric = gate.Split("metric: ")[1].Split(',')[0];
        var outcome = EvaluateOne(
            "  - " + gate,
            Card("candidate.json", (metric, candidate)),
            baseline is { } b ? Card("baseline.json", (metric, b)) : null);

        if (expected is { } limit)
        {
            Assert.NotNull(outcome.Limit);
            Assert.Equal(limit, outcome.Limit!.Value, 12);
        }
        else
        {
            Assert.Null(outcome.Limit);
        }
    }

    [Fact]
    public void Binding_prefers_the_first_broken_limit()
    {
        GateLimit[] limits = [new(0.7, false), new(0.9, true), new(0.8, true)];

        Assert.Equal(0.9, GateLimit.Binding(limits, 0.95));
    }

    [Fact]
    public void Binding_of_no_limits_is_null() => Assert.Null(GateLimit.Binding([], 0.5));
}
