using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Slo;

public class BudgetTableTests
{
    [Fact]
    public void A_family_without_slos_says_so()
    {
        var report = BudgetReport.Create(BudgetReportTests.AsOf, [
            BudgetCalculator.Compute(BudgetReportTests.Slo("serving", SloFamily.Software), [new(BudgetReportTests.AsOf.AddDays(-1), 999, 1000)], BudgetReportTests.AsOf),
        ]);

        // 1 bad of 1000 = 0.1 % of a 1 % budget: 10 % consumed, within budget.
        Assert.Equal(["software: 1 of 1 SLO within budget", "model: no SLOs"], BudgetTable.Summary(report));
    }

    [Fact]
    public void Timeslices_show_what_is_left_as_time()
    {
        var slo = BudgetReportTests.Slo("auc", SloFamily.Model) with { Budgeting = BudgetingMethod.Timeslices, Slice = TimeSpan.FromDays(1), Objective = 0.9 };
        SliSample[] days = [.. Enumerable.Range(1, 28).Select(d => new SliSample(BudgetReportTests.AsOf.AddDays(-d).AddHours(1), 1, 1))];

        var row = BudgetTable.Rows(BudgetReport.Create(BudgetReportTests.AsOf, [BudgetCalculator.Compute(slo, days, BudgetReportTests.AsOf)]))[0];

        // 28 good days of 28: allowed 0.1 × 28 = 2.8 bad days, none spent: 2.8 days left.
        Assert.Equal(("28d 1d slices", "100%", "2.8 days"), (row[3], row[4], row[7]));
    }
}
