using Lockstep.Core.History;
using Lockstep.Core.Slo;

namespace Lockstep.History.Tests;

public class HistorySliSourceTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    private static MetricRow Fact(string at, string metric, double value, string? slice = null)
    {
        var fact = new MetricFact(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), "report-card", "churn", "1", metric, slice, value);
        return new MetricRow(FactId.Of(at, metric, slice), new string('b', 64), fact);
    }

    private static SloDefinition Slo(HistorySli sli) => new()
    {
        Id = "model-auc",
        Family = SloFamily.Model,
        Objective = 0.95,
        WindowDays = 7,
        Budgeting = BudgetingMethod.Occurrences,
        Sli = sli,
    };

    [Fact]
    public async Task Each_fact_of_the_metric_is_an_event_good_within_the_bound()
    {
        using var history = new HistoryFolder();
        await HistoryWriter.WriteAsync(
            history.Path,
            new HistoryBatch([], [
                Fact("2026-11-22T00:00:00Z", "auc", 0.9),
                Fact("2026-11-23T12:00:00Z", "auc", 0.86),
                Fact("2026-11-24T12:00:00Z", "auc", 0.84),
                Fact("2026-11-24T12:00:00Z", "auc", 0.80, "region=EU"),
                Fact("2026-11-25T12:00:00Z", "log_loss", 0.3),
                Fact("2026-11-28T12:00:00Z", "auc", 0.85),
                Fact("2026-11-29T12:00:00Z", "auc", 0.95),
            ], []),
            CancellationToken.None);

        var samples = await new HistorySliSource(history.Path).ReadAsync(Slo(new HistorySli("auc", null, 0.85, null)), From, To, CancellationToken.None);

        // 22T00:00 is on the period's start and 29T12:00 after its end; min 0.85 is inclusive.
        Assert.Equal(
            [
                new SliSample(new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), 1, 1),
                new SliSample(new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), 0, 1),
                new SliSample(new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), 1, 1),
            ],
            samples);

        var eu = await new HistorySliSource(history.Path).ReadAsync(Slo(new HistorySli("auc", "region=EU", null, 0.9)), From, To, CancellationToken.None);
        Assert.Equal([new SliSample(new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), 1, 1)], eu);
    }

    [Fact]
    public async Task A_missing_history_folder_gives_no_samples()
    {
        var samples = await new HistorySliSource(Path.Combine(Path.GetTempPath(), "lockstep-no-history-" + Guid.NewGuid().ToString("N")))
            .ReadAsync(Slo(new HistorySli("auc", null, 0.85, null)), From, To, CancellationToken.None);

        Assert.Empty(samples);
    }
}
