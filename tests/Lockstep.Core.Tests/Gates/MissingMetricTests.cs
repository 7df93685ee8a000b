using Lockstep.Core.Gates;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Gates;

/// <summary>A gate whose metric the card lacks names the card's closest metric or slice.</summary>
public class MissingMetricTests
{
    [Fact]
    public void A_metric_the_candidate_lacks_suggests_the_candidates_closest_metric()
    {
        var policy = PolicyOf("  - { id: cost, metric: cost.per_1kk, higher_is_better: false, max: 5 }");

        var result = GateEvaluator.Evaluate(policy, Card("c.json", ("auc", 0.9), ("cost.per_1k", 4)), null);

        var gate = Assert.Single(result.Gates);
        Assert.Equal(GateStatus.Error, gate.Status);
        Assert.Equal("c.json: $.metrics['cost.per_1kk']: the candidate has no metric 'cost.per_1kk' (did you mean 'cost.per_1k'?)", gate.Why);
    }

    [Fact]
    public void A_metric_the_baseline_lacks_suggests_the_baselines_closest_metric()
    {
        var policy = PolicyOf("  - { id: auc, metric: auc, max_regression: 3% }");

        var result = GateEvaluator.Evaluate(policy, Card("c.json", ("auc", 0.9)), Card("b.json", ("acu", 0.9)));

        Assert.EndsWith("the baseline has no metric 'auc' (did you mean 'acu'?)", Assert.Single(result.Gates).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slice_the_candidate_lacks_suggests_the_candidates_closest_slice()
    {
        var policy = PolicyOf("  - { id: eu, metric: auc, slice: region=UE, min: 0.8 }");
        var candidate = Card("c.json", ("auc", 0.9)).WithSlice("region=EU", ("auc", 0.85)).WithSlice("region=US", ("auc", 0.88));

        var result = GateEvaluator.Evaluate(policy, candidate, null);

        Assert.EndsWith("the candidate has no metric 'auc' in slice 'region=UE' (did you mean 'region=EU'?)", Assert.Single(result.Gates).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void No_suggestion_when_no_metric_is_close()
    {
        var policy = PolicyOf("  - { id: cost, metric: cost.per_1k, higher_is_better: false, max: 5 }");

        var result = GateEvaluator.Evaluate(policy, Card("c.json", ("auc", 0.9)), null);

        Assert.Equal("c.json: $.metrics['cost.per_1k']: the candidate has no metric 'cost.per_1k'", Assert.Single(result.Gates).Why);
    }
}
