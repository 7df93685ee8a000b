using Lockstep.Cli.Io;
using Lockstep.Core.Slo;

namespace Lockstep.Cli.Tests.Io;

public class BudgetConsoleTableTests
{
    [Fact]
    public void Columns_are_aligned_and_each_family_has_its_line()
    {
        var asOf = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        var slo = new SloDefinition
        {
            Id = "serving-availability", Family = SloFamily.Software, Objective = 0.995, WindowDays = 28,
            Budgeting = BudgetingMethod.Occurrences, Sli = new FileSli("a.csv"),
        };
        var report = BudgetReport.Create(asOf, [BudgetCalculator.Compute(slo, [new(asOf.AddDays(-1), 9990, 10000)], asOf)]);

        var lines = BudgetConsoleTable.Render(report).Split('\n');

        Assert.Equal("Error budgets as of 2026-11-29 00:00Z", lines[0]);
        Assert.StartsWith("Family    SLO                   Objective", lines[2], StringComparison.Ordinal);
        // 10 bad of 10000 = 0.1 % of a 0.5 % budget: 20 % consumed, 80 % left, 50 − 10 = 40 events.
        Assert.StartsWith("software  serving-availability  99.5%      28d events  99.9%  20%       80%        40 events", lines[3], StringComparison.Ordinal);
        Assert.Equal(["software: 1 of 1 SLO within budget", "model: no SLOs"], lines[5..7]);
    }
}
