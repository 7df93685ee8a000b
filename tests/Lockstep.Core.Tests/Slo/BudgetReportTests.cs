using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Slo;

public class BudgetReportTests
{
    internal static readonly DateTimeOffset AsOf = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    internal static SloDefinition Slo(string id, SloFamily family) => new()
    {
        Id = id,
        Family = family,
        Objective = 0.99,
        WindowDays = 28,
        Budgeting = BudgetingMethod.Occurrences,
        Sli = new FileSli("a.csv"),
    };

    /// <summary>"serving": 980 good of 1000 in the last 5 minutes; "auc": no data.</summary>
    internal static BudgetReport Report() => BudgetReport.Create(AsOf, [
        BudgetCalculator.Compute(Slo("serving", SloFamily.Software), [new(AsOf.AddMinutes(-1), 980, 1000)], AsOf),
        BudgetCalculator.Compute(Slo("auc", SloFamily.Model), [], AsOf),
    ]);

    [Fact]
    public void Gate_metrics_are_the_figures_that_could_be_measured()
    {
        var report = Report();

        // SLI 0.98, budget 0.01: consumed = 0.02 / 0.01 = 2, remaining = −1; every lookback burns 0.02 / 0.01 = 2.
        Assert.Equal(
            ["budget.serving.burn_rate.1h", "budget.serving.burn_rate.30m", "budget.serving.burn_rate.3d", "budget.serving.burn_rate.5m", "budget.serving.burn_rate.6h", "budget.serving.consumed", "budget.serving.remaining"],
            report.Metrics.Keys);
        Assert.Equal(2, report.Metrics["budget.serving.consumed"], 9);
        Assert.Equal(-1, report.Metrics["budget.serving.remaining"], 9);
        Assert.Equal(2, report.Metrics["budget.serving.burn_rate.5m"], 9);
    }

    [Fact]
    public void Entries_carry_the_slo_and_its_figures()
    {
        var report = Report();

        var serving = report.Slos[0];
        Assert.Equal(("software", "occurrences", "file", AsOf.AddDays(-28)), (serving.Family, serving.Budgeting, serving.Source, serving.WindowStart));
        // allowed bad = (1 − 0.99) × 1000 = 10 (to float precision).
        Assert.Equal(10, serving.AllowedBad, 9);
        Assert.Equal(20, serving.Bad);
        Assert.Equal([false, false, true], serving.Alerts.Select(a => a.Holds));
        var auc = report.Slos[1];
        Assert.Null(auc.Remaining);
        Assert.All(auc.BurnRates.Values, Assert.Null);
    }

    [Theory]
    [InlineData(1440, "1d")]
    [InlineData(60, "1h")]
    [InlineData(120, "2h")]
    [InlineData(5, "5m")]
    [InlineData(1, "1m")]
    public void Slices_are_named_in_their_largest_whole_unit(int minutes, string name) =>
        Assert.Equal(name, BudgetEntry.SliceName(TimeSpan.FromMinutes(minutes)));
}
