using Lockstep.Core.Alerts;

namespace Lockstep.Core.Tests.Alerts;

public class AlertFiguresTests
{
    [Fact]
    public void The_title_names_the_cause_the_action_and_the_report_id()
    {
        Assert.Equal("Lockstep monitor: drift breached (rollback) — churn", AlertFigures.Title(AlertTestData.Alert()));
        Assert.Equal("Lockstep monitor: drift breached — churn", AlertFigures.Title(AlertTestData.Alert(firing: false)));
    }

    [Fact]
    public void The_figures_show_the_causes_gates_the_drifted_features_and_the_run()
    {
        var figures = AlertTestData.Alert().Figures;

        Assert.Equal(
            """
            **drift breached**, action `rollback` — monitor verdict `fail`, measured 2026-12-05 06:00:00 UTC.

            | Gate | Metric | Value | Limit | Status |
            |---|---|---:|---:|---|
            | `psi-max` | `drift.psi.max` | 0.4 | ≤ 0.25 | fail |
            | `psi-share` | `drift.share_drifted` | 0.2 | ≤ 0.5 | pass |

            | Drifted feature | PSI |
            |---|---:|
            | `tenure` | 0.4 |
            | `region` | 0.12 |

            [The monitor run](https://github.example.com/o/r/actions/runs/42)

            """,
            figures.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Recovered_figures_say_so()
    {
        var figures = AlertTestData.Alert(firing: false).Figures;

        Assert.StartsWith("**drift recovered** — monitor verdict `pass`", figures, StringComparison.Ordinal);
        Assert.Contains("| `psi-max` | `drift.psi.max` | 0.05 | ≤ 0.25 | pass |", figures, StringComparison.Ordinal);
    }
}
