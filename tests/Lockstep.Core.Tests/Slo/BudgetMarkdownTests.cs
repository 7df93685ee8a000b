using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Slo;

public class BudgetMarkdownTests
{
    [Fact]
    public void Both_families_share_one_table_software_first()
    {
        var markdown = BudgetMarkdown.Write(BudgetReportTests.Report());

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal("| Family | SLO | Objective | Window | SLI | Consumed | Remaining | Left | Burn 1h | Burn 6h | Burn 3d | Alerts |", rows[0]);
        // allowed bad 0.01 × 1000 = 10, bad 20: 10 − 20 = −10 events; burn 2× everywhere: the ticket (≥ 1×) holds.
        Assert.Equal("| software | serving | 99% | 28d events | 98% | 200% | -100% | -10 events | 2× | 2× | 2× | ticket (3d & 6h ≥ 1×) |", rows[2]);
        Assert.Equal("| model | auc | 99% | 28d events | — | — | — | — | — | — | — | — (some windows without data) |", rows[3]);
        Assert.Contains("- software: 0 of 1 SLO within budget\n- model: 0 of 1 SLO within budget, 1 without data\n", markdown, StringComparison.Ordinal);
    }
}
