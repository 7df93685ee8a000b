using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;
using Lockstep.Core.Gates;
using Lockstep.Core.Monitoring;

namespace Lockstep.Core.Tests.Monitoring;

public sealed class ServingWindowCardTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 21, 0, 0, TimeSpan.Zero);

    private static readonly DriftReport Drift = DriftReport.Create(
        new DriftOptions(),
        new InputDigest("reference", "train.csv", new string('a', 64)),
        400,
        new InputDigest("current", "serving.csv", new string('b', 64)),
        300,
        [FeatureDriftCalculator.Compare("tenure", FeatureSample.Numeric([1, 2, 3, 4], 4), FeatureSample.Numeric([3, 4, 5, 6], 4), new DriftOptions())]);

    [Fact]
    public void Takes_the_production_models_identity_and_joins_the_measured_metrics()
    {
        var production = new ReportCard
        {
            Schema = ReportCard.SchemaId,
            Model = new ModelInfo { Name = "churn", Version = "1.4.0", Task = "binary-classification" },
            Metrics = new Dictionary<string, double> { ["auc"] = 0.9 },
        };

        var card = ServingWindowCard.Create(production, "monitor", Drift, new Dictionary<string, double> { ["auc"] = 0.8, ["freshness.max_hours"] = 2 }, At);

        Assert.Equal(production.Model, card.Model);
        Assert.Equal(0.8, card.Metrics["auc"]);
        Assert.Equal(Drift.Metrics["drift.psi.max"], card.Metrics["drift.psi.max"]);
        Assert.Equal(2, card.Metrics["freshness.max_hours"]);
        Assert.Equal(Drift.Features[0].Current, card.Features["tenure"]);
        Assert.Equal(At, card.Timeline!.EvaluatedAt);
    }

    [Fact]
    public void Without_a_production_card_the_report_id_names_the_model_and_both_data_sets_are_listed()
    {
        var card = ServingWindowCard.Create(null, "churn-monitor", Drift, new Dictionary<string, double>(), At);

        Assert.Equal(("churn-monitor", "serving"), (card.Model.Name, card.Model.Version));
        Assert.Equal(
            [("reference", "train.csv", 400L), ("serving", "serving.csv", 300L)],
            card.Datasets.Select(d => (d.Role, d.Uri, d.Rows!.Value)));
        Assert.Equal(new string('b', 64), card.Datasets[1].Sha256);
    }
}
