using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Slo;

public class BudgetCalculatorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    private static SloDefinition Availability => new()
    {
        Id = "serving-availability",
        Family = SloFamily.Software,
        Objective = 0.995,
        WindowDays = 28,
        Budgeting = BudgetingMethod.Occurrences,
        Sli = new FileSli("slis/availability.csv"),
    };

    private static SliSample At(string time, double good, double total) => new(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), good, total);

    // Window (2026-11-01T00:00, 2026-11-29T00:00]: the first row is on the window's start, so outside it.
    private static readonly SliSample[] Requests =
    [
        At("2026-11-01T00:00:00Z", 0, 1000),
        At("2026-11-10T12:00:00Z", 9990, 10000),
        At("2026-11-20T12:00:00Z", 19990, 20000),
        At("2026-11-28T23:40:00Z", 1900, 2000),
        At("2026-11-28T23:58:00Z", 85, 100),
    ];

    [Fact]
    public void Occurrences_count_good_over_total_events_in_the_window()
    {
        var budget = BudgetCalculator.Compute(Availability, Requests, AsOf);

        // good = 9990 + 19990 + 1900 + 85 = 31965; total = 10000 + 20000 + 2000 + 100 = 32100; bad = 135.
        Assert.Equal((31965, 32100, 135), (budget.Good, budget.Total, budget.Bad));
        // SLI = 31965 / 32100 = 0.995794393; consumed = (135 / 32100) / 0.005 = 0.841121495; remaining = 0.158878505.
        Assert.Equal(0.995794393, budget.Sli!.Value, 9);
        Assert.Equal(0.841121495, budget.Consumed!.Value, 9);
        Assert.Equal(0.158878505, budget.Remaining!.Value, 9);
        // Allowed bad = 0.005 × 32100 = 160.5 events; 160.5 − 135 = 25.5 left.
        Assert.Equal(160.5, budget.AllowedBad, 9);
        Assert.Equal(25.5, budget.RemainingBad, 9);
        Assert.Null(budget.RemainingTime);
        Assert.Equal(DateTimeOffset.Parse("2026-11-10T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), budget.FirstData);
    }

    [Fact]
    public void Burn_rates_divide_each_lookbacks_bad_fraction_by_the_budget()
    {
        var budget = BudgetCalculator.Compute(Availability, Requests, AsOf);
        var rates = budget.BurnRates.ToDictionary(r => r.Window.Name, r => r.Rate);

        // 5m: only 23:58, 15 bad of 100: 0.15 / 0.005 = 30.
        Assert.Equal(30, rates["5m"]!.Value, 9);
        // 30m, 1h, 6h and 3d: 23:40 and 23:58, 115 bad of 2100: 0.0547619 / 0.005 = 10.952381.
        foreach (var window in new[] { "30m", "1h", "6h", "3d" })
        {
            Assert.Equal(10.952381, rates[window]!.Value, 6);
        }

        // 1h & 5m at 14.4: 10.95 is below; 6h & 30m at 6 and 3d & 6h at 1: both windows at or above.
        Assert.Equal([false, true, true], budget.Alerts.Select(a => a.Holds));
        Assert.Equal(["page", "page", "ticket"], budget.Alerts.Select(a => a.Alert.Severity));
    }

    [Fact]
    public void Spending_more_than_the_budget_leaves_a_negative_remainder()
    {
        // 300 bad of 10000 = 3 %, the budget is 0.5 %: consumed 0.03 / 0.005 = 6, remaining 1 − 6 = −5.
        var budget = BudgetCalculator.Compute(Availability, [At("2026-11-20T00:00:00Z", 9700, 10000)], AsOf);

        Assert.Equal(6, budget.Consumed!.Value, 9);
        Assert.Equal(-5, budget.Remaining!.Value, 9);
        Assert.Equal(50 - 300, budget.RemainingBad, 9);
    }

    [Fact]
    public void A_window_without_data_has_no_sli_and_no_budget_figures()
    {
        var budget = BudgetCalculator.Compute(Availability, [At("2026-10-01T00:00:00Z", 10, 10)], AsOf);

        Assert.Equal((0, 0), (budget.Good, budget.Total));
        Assert.Null(budget.Sli);
        Assert.Null(budget.Consumed);
        Assert.Null(budget.Remaining);
        Assert.Null(budget.FirstData);
        Assert.All(budget.BurnRates, r => Assert.Null(r.Rate));
        Assert.All(budget.Alerts, a => Assert.Null(a.Holds));
    }

    [Fact]
    public void A_window_longer_than_the_data_measures_the_data_there_is()
    {
        // 28-day window, data for the last 2 days only: SLI = 1990 / 2000 = 0.995, consumed = 0.005 / 0.005 = 1.
        var budget = BudgetCalculator.Compute(Availability, [At("2026-11-27T12:00:00Z", 995, 1000), At("2026-11-28T12:00:00Z", 995, 1000)], AsOf);

        Assert.Equal(0.995, budget.Sli!.Value, 12);
        Assert.Equal(1, budget.Consumed!.Value, 9);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), budget.FirstData);
    }

    private static SloDefinition DailyAuc(MissingData missing) => new()
    {
        Id = "model-auc",
        Family = SloFamily.Model,
        Objective = 0.9,
        WindowDays = 7,
        Budgeting = BudgetingMethod.Timeslices,
        Slice = TimeSpan.FromDays(1),
        Missing = missing,
        Sli = new HistorySli("auc", null, 0.85, null),
    };

    // As of 2026-11-29T06:00 a 7-day window starts 2026-11-22T06:00: its complete days are 23 to 28 (6 slices).
    private static readonly DateTimeOffset SliceAsOf = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    private static readonly SliSample[] DailyFacts =
    [
        At("2026-11-22T12:00:00Z", 0, 1),
        At("2026-11-23T12:00:00Z", 1, 1),
        At("2026-11-24T12:00:00Z", 0, 1),
        At("2026-11-25T12:00:00Z", 1, 1),
        At("2026-11-27T10:00:00Z", 1, 1),
        At("2026-11-27T12:00:00Z", 0, 1),
        At("2026-11-28T12:00:00Z", 1, 1),
        At("2026-11-29T01:00:00Z", 0, 1),
    ];

    [Fact]
    public void Timeslices_count_good_slices_over_slices_with_data_by_default()
    {
        var budget = BudgetCalculator.Compute(DailyAuc(MissingData.Ignore), DailyFacts, SliceAsOf);

        // Slices with data: 23 good, 24 bad, 25 good, 27 bad (one bad fact), 28 good; 26 is empty, 22 and 29 are outside.
        Assert.Equal((6L, 5L), (budget.SlicesInWindow!.Value, budget.SlicesWithData!.Value));
        // SLI = 3 / 5 = 0.6; consumed = 0.4 / 0.1 = 4; remaining = −3.
        Assert.Equal((3, 5), (budget.Good, budget.Total));
        Assert.Equal(0.6, budget.Sli!.Value, 12);
        Assert.Equal(4, budget.Consumed!.Value, 9);
        Assert.Equal(-3, budget.Remaining!.Value, 9);
        // Allowed bad slices = 0.1 × 5 = 0.5; 0.5 − 2 = −1.5 slices = −36 hours.
        Assert.Equal(-1.5, budget.RemainingBad, 9);
        Assert.Equal(TimeSpan.FromHours(-36), budget.RemainingTime);
    }

    [Theory]
    [InlineData(MissingData.Bad, 3, 6)]
    [InlineData(MissingData.Good, 4, 6)]
    public void Missing_slices_count_as_the_slo_says(MissingData missing, double good, double total)
    {
        var budget = BudgetCalculator.Compute(DailyAuc(missing), DailyFacts, SliceAsOf);

        Assert.Equal((good, total), (budget.Good, budget.Total));
    }

    [Fact]
    public void A_slice_threshold_below_one_lets_a_slice_with_few_bad_events_be_good()
    {
        var slo = DailyAuc(MissingData.Ignore) with { SliceThreshold = 0.5 };

        var budget = BudgetCalculator.Compute(slo, DailyFacts, SliceAsOf);

        // Day 27 has 1 good of 2 = 0.5 ≥ 0.5: good slices 23, 25, 27, 28 = 4 of 5.
        Assert.Equal((4, 5), (budget.Good, budget.Total));
    }

    [Fact]
    public void Timeslice_burn_rates_use_the_events_of_each_lookback()
    {
        var budget = BudgetCalculator.Compute(DailyAuc(MissingData.Ignore), DailyFacts, SliceAsOf);
        var rates = budget.BurnRates.ToDictionary(r => r.Window.Name, r => r.Rate);

        // 6h (29T00:00, 29T06:00]: the bad fact at 01:00, 1 of 1: 1 / 0.1 = 10.
        Assert.Equal(10, rates["6h"]!.Value, 9);
        // 3d (26T06:00, 29T06:00]: 27 good, 27 bad, 28 good, 29 bad: 2 / 4 = 0.5 / 0.1 = 5.
        Assert.Equal(5, rates["3d"]!.Value, 9);
        Assert.Null(rates["5m"]);
        // The pages have a window without events and cannot be decided; the ticket holds (5 ≥ 1 and 10 ≥ 1).
        Assert.Equal([null, null, true], budget.Alerts.Select(a => a.Holds));
    }

    [Fact]
    public void Hourly_slices_align_to_the_hour()
    {
        var slo = DailyAuc(MissingData.Ignore) with { Slice = TimeSpan.FromHours(1), WindowDays = 1 };

        // As of 06:00, a 1-day window has 24 complete hours, 28T06:00 to 29T05:00; 28T12:00 (good) and 29T01:00 (bad) have data.
        var budget = BudgetCalculator.Compute(slo, DailyFacts, SliceAsOf);

        Assert.Equal((24L, 2L), (budget.SlicesInWindow!.Value, budget.SlicesWithData!.Value));
        Assert.Equal((1, 2), (budget.Good, budget.Total));
    }
}
