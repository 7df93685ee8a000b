using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.History;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.History;

public class HistoryFactsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly RecordOptions Options = new(At, At.AddMinutes(1), "fallback-model", "9.9");

    private static HistoryInput.Card CardInput(string sha, DateTimeOffset? evaluated) =>
        new("card.json", sha, Card("card.json", ("auc", 0.9)).WithSlice("region=EU", ("auc", 0.8)).Card with
        {
            Model = new ModelInfo { Name = "churn", Version = "2.0" },
            Timeline = new Timeline { EvaluatedAt = evaluated },
        });

    private static HistoryInput.Gate GateInput(string candidateSha)
    {
        var result = GateEvaluator.Evaluate(
            PolicyOf("  - { id: floor, metric: auc, min: 0.85 }\n  - { id: eu, metric: auc, slice: region=EU, min: 0.85 }"),
            Card("card.json", ("auc", 0.9)).WithSlice("region=EU", ("auc", 0.8)),
            null,
            [new InputDigest("candidate", "card.json", candidateSha)]);
        return new HistoryInput.Gate("result.json", "feed", result);
    }

    [Fact]
    public void A_card_gives_one_fact_per_metric_and_slice_metric_at_its_evaluation_time()
    {
        var evaluated = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(2));

        var batch = HistoryFacts.Collect([CardInput("c1", evaluated)], Options, _ => null);

        Assert.Equal(2, batch.Metrics.Count);
        Assert.All(batch.Metrics, m => Assert.Equal(evaluated, m.Fact.At));
        Assert.All(batch.Metrics, m => Assert.Equal(("churn", "2.0", "report-card", "c1"), (m.Fact.Model, m.Fact.Version, m.Fact.Source, m.SourceSha256)));
        Assert.Equal([null, "region=EU"], batch.Metrics.Select(m => m.Fact.Slice));
        Assert.Equal(FactId.Of("metric", "c1", "auc", "region=EU"), batch.Metrics[1].Id);
    }

    [Fact]
    public void A_card_without_an_evaluation_time_is_recorded_at_the_given_time()
    {
        var batch = HistoryFacts.Collect([CardInput("c1", null)], Options, _ => null);

        Assert.All(batch.Metrics, m => Assert.Equal(At, m.Fact.At));
    }

    [Fact]
    public void A_gate_result_takes_model_and_time_from_its_candidate_card_recorded_with_it()
    {
        var evaluated = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

        var batch = HistoryFacts.Collect([GateInput("c1"), CardInput("c1", evaluated)], Options, _ => null);

        Assert.Equal(["floor", "eu"], batch.Gates.Select(g => g.Fact.Gate));
        Assert.All(batch.Gates, g => Assert.Equal((evaluated, "churn", "2.0", "feed", Verdict.Fail), (g.Fact.At, g.Fact.Model, g.Fact.Version, g.Fact.Run, g.Fact.Verdict)));
        Assert.Equal(0.85, batch.Gates[1].Fact.Limit);
        Assert.Equal(FactId.Of("gate", "feed", "eu"), batch.Gates[1].Id);
    }

    [Fact]
    public void A_gate_result_takes_a_card_already_in_the_history_else_the_given_model_and_time()
    {
        var known = new CardStamp("older", "1.0", At.AddDays(-3));

        var fromHistory = HistoryFacts.Collect([GateInput("c9")], Options, sha => sha == "c9" ? known : null);
        var unknown = HistoryFacts.Collect([GateInput("c8")], Options, _ => null);

        Assert.All(fromHistory.Gates, g => Assert.Equal((known.At, "older", "1.0"), (g.Fact.At, g.Fact.Model, g.Fact.Version)));
        Assert.All(unknown.Gates, g => Assert.Equal((At, "fallback-model", "9.9"), (g.Fact.At, g.Fact.Model, g.Fact.Version)));
    }

    [Fact]
    public void Drift_is_recorded_at_the_given_time_and_freshness_at_its_as_of_time()
    {
        var asOf = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var freshness = new HistoryInput.Freshness("f.json", "f1", Freshness.FreshnessReport.Create(asOf, new InputDigest("data", "f.csv", "aa"), new Dictionary<string, DateTimeOffset> { ["age"] = asOf.AddHours(-5) }));

        var batch = HistoryFacts.Collect([freshness], Options, _ => null);

        Assert.Equal(["freshness.age_hours", "freshness.max_hours"], batch.Metrics.Select(m => m.Fact.Metric));
        Assert.All(batch.Metrics, m => Assert.Equal((asOf, "freshness", "fallback-model", "9.9", 5.0), (m.Fact.At, m.Fact.Source, m.Fact.Model, m.Fact.Version, m.Fact.Value)));
    }

    [Fact]
    public void The_same_input_twice_gives_the_same_ids_once()
    {
        var card = CardInput("c1", null);

        var batch = HistoryFacts.Collect([card, card], Options, _ => null);
        var again = HistoryFacts.Collect([card], Options with { At = At.AddDays(1) }, _ => null);

        Assert.Equal(2, batch.Metrics.Count);
        Assert.Equal(batch.Metrics.Select(m => m.Id), again.Metrics.Select(m => m.Id));
    }
}
