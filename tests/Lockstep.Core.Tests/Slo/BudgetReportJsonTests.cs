using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Slo;

public class BudgetReportJsonTests
{
    [Fact]
    public void A_report_reads_back_as_written()
    {
        var report = BudgetReportTests.Report();

        var json = BudgetReportJson.Serialize(report);
        var read = BudgetReportJson.Parse(json, "budget.json");

        Assert.Equal(report.Metrics, read.Metrics);
        Assert.Equal(report.Slos.Select(s => (s.Id, s.Remaining, s.Total)), read.Slos.Select(s => (s.Id, s.Remaining, s.Total)));
        // Figures without data are written as null, not left out.
        Assert.Contains("\"remaining\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"holds\": null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_kind_of_report_is_named()
    {
        var error = Assert.Throws<InputException>(() => BudgetReportJson.Parse("""{ "schema": "lockstep.freshness/v1" }""", "budget.json"));

        Assert.Equal("budget.json: is a freshness report (lockstep.freshness/v1), expected a budget report (lockstep.budget/v1)", error.Message);
    }
}
