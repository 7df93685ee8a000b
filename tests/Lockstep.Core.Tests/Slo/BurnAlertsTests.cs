using Lockstep.Core.Slo;

namespace Lockstep.Core.Tests.Slo;

public class BurnAlertsTests
{
    [Fact]
    public void The_pairs_are_the_sre_workbooks()
    {
        var pairs = BurnAlerts.Pairs.Select(p => (p.LongWindow.Name, p.ShortWindow.Name, p.Factor, p.Severity));

        Assert.Equal([("1h", "5m", 14.4, "page"), ("6h", "30m", 6.0, "page"), ("3d", "6h", 1.0, "ticket")], pairs);
    }

    [Fact]
    public void A_factor_is_the_share_of_a_30_day_budget_its_long_window_spends()
    {
        // 14.4 × 1 h / 720 h = 2 %; 6 × 6 h / 720 h = 5 %; 1 × 72 h / 720 h = 10 %.
        var spent = BurnAlerts.Pairs.Select(p => Math.Round(p.Factor * p.LongWindow.Length.TotalHours / TimeSpan.FromDays(30).TotalHours, 6));

        Assert.Equal([0.02, 0.05, 0.1], spent);
    }

    [Fact]
    public void Every_window_of_a_pair_has_a_reported_burn_rate() =>
        Assert.All(BurnAlerts.Pairs, p => Assert.Contains(p.ShortWindow, BurnAlerts.Windows));
}
