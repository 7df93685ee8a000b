using Lockstep.Core.Gates;
using Lockstep.Core.Reporting;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Reporting;

public class ConsoleReportTests
{
    private static readonly GateResult Result = GateEvaluator.Evaluate(
        PolicyOf("  - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback }\n  - { id: auc-floor, metric: auc, min: 0.8 }"),
        Card("c.json", ("drift.psi.max", 0.31), ("auc", 0.9)),
        null);

    [Fact]
    public void Columns_are_aligned_and_rows_carry_status_and_action()
    {
        var lines = ConsoleReport.Render(Result, colour: false).Split('\n');

        Assert.Equal("Gate       Metric         Candidate  Baseline  Delta  Bound   Status", lines[0]);
        Assert.Equal("psi        drift.psi.max  0.31       -         -      ≤ 0.25  fail (rollback)", lines[2]);
        Assert.Equal("auc-floor  auc            0.9        -         -      ≥ 0.8   pass", lines[3]);
    }

    [Fact]
    public void A_gate_judged_by_an_interval_shows_it_and_an_inconclusive_one_says_so()
    {
        var result = GateEvaluator.Evaluate(
            PolicyOf("  - { id: auc, metric: auc, max_regression: 0.01, confidence: 0.95, inconclusive: fail, action: page }"),
            Card("c.json", ("auc", 0.812), ("auc.baseline", 0.842), ("auc.delta", -0.03), ("auc.delta.se", 0.02), ("rows", 400)),
            null);

        var text = ConsoleReport.Render(result, colour: false);

        Assert.Contains("0.812      0.842     −0.03 [−0.069, +0.009], p = 0.134  regression ≤ 0.01 (≥ 0.832) at 95% confidence  inconclusive (page)", text, StringComparison.Ordinal);
        Assert.Contains("auc: inconclusive: the change −0.03", text, StringComparison.Ordinal);
        Assert.Contains("about 1,137 more labelled rows (1,537 in all) would settle it", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ends_with_the_verdict_and_what_to_do()
    {
        var text = ConsoleReport.Render(Result, colour: false);

        Assert.Contains("verdict: fail\n", text, StringComparison.Ordinal);
        Assert.Contains("what to do: Roll back (gate psi)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_is_added_only_when_asked_for()
    {
        Assert.DoesNotContain('\u001b', ConsoleReport.Render(Result, colour: false));
        Assert.Contains("\u001b[31mfail (rollback)\u001b[0m", ConsoleReport.Render(Result, colour: true), StringComparison.Ordinal);
    }
}
