using Lockstep.Core.Gates;
using Lockstep.Core.Reporting;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Reporting;

public class MarkdownReportTests
{
    private const string Gates = """
          - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback, message: "PSI > 0.25? Roll back." }
          - { id: auc, metric: auc, max_regression: 3%, action: page }
          - { id: eu, metric: auc, slice: region=EU, min: 0.8, optional: true }
        """;

    [Fact]
    public void Failing_report_leads_with_the_verdict_and_the_action_to_take()
    {
        var markdown = Render(psi: 0.31, auc: 0.812);

        var lines = markdown.Split('\n');
        Assert.Equal(MarkdownReport.Marker, lines[0]);
        Assert.Equal("### ❌ Lockstep gate: **fail** — roll back", lines[1]);
        Assert.Contains("**What to do:** Roll back — PSI > 0.25? Roll back. (gate `psi`)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_has_a_row_per_gate_with_values_delta_bound_and_status()
    {
        var markdown = Render(psi: 0.31, auc: 0.812);

        Assert.Contains("| `psi` | drift.psi.max | 0.31 | — | — | ≤ 0.25 | ❌ fail (rollback) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `auc` | auc | 0.812 | 0.862 | −0.05 (−5.8%) | regression ≤ 3% (≥ 0.836) | ❌ fail (page) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `eu` | auc [region=EU] | — | — | — | ≥ 0.8 | ⏭️ skipped |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Reasons_name_the_policy_line_of_each_gate_that_did_not_pass()
    {
        var markdown = Render(psi: 0.31, auc: 0.812);

        Assert.Contains("- `psi` (lockstep.yml line 4): 0.31 is above the maximum 0.25", markdown, StringComparison.Ordinal);
        Assert.Contains("- `eu` (lockstep.yml line 6): c.json: $.slices['region=EU']", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_and_their_digests_are_in_collapsible_details()
    {
        var markdown = Render(psi: 0.05, auc: 0.87);

        Assert.Contains("<details><summary>Inputs</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains($"| candidate | `c.json` | `{new string('c', 64)}` |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Passing_report_says_nothing_is_to_be_done()
    {
        var markdown = Render(psi: 0.05, auc: 0.87);

        Assert.Contains("### ✅ Lockstep gate: **pass**", markdown, StringComparison.Ordinal);
        Assert.Contains("**What to do:** Nothing: every gate passes.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_report_says_the_gate_could_not_decide()
    {
        var markdown = Render(psi: double.NaN, auc: 0.87);

        Assert.Contains("### ⛔ Lockstep gate: **error**", markdown, StringComparison.Ordinal);
        Assert.Contains("An undecided gate never passes.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_files_cannot_break_the_table()
    {
        var policy = PolicyOf("  - { id: g, metric: auc, min: 0.5, message: \"a | b\" }");
        var result = GateEvaluator.Evaluate(policy, Card("we|ird\nname.json"), null);

        var markdown = MarkdownReport.Render(result, "lockstep.yml");

        Assert.Contains("we\\|ird name.json", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_reason_links_to_its_policy_line_when_the_policy_has_an_address()
    {
        var result = GateEvaluator.Evaluate(PolicyOf(Gates), Card("c.json", ("drift.psi.max", 0.31), ("auc", 0.87)), Card("b.json", ("drift.psi.max", 0.02), ("auc", 0.862)));

        var markdown = MarkdownReport.Render(result, new PolicyLink("ml/lockstep.yml", new Uri("https://github.com/o/r/blob/abc123/")), plain: false);

        var gate = result.Gates.First(g => g.Status == GateStatus.Fail);
        Assert.Contains($"- `{gate.Id}` ([ml/lockstep.yml line {gate.Line}](https://github.com/o/r/blob/abc123/ml/lockstep.yml#L{gate.Line})): ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_variant_shows_the_first_12_digits_of_each_digest()
    {
        var result = GateEvaluator.Evaluate(PolicyOf(Gates), Card("c.json", ("drift.psi.max", 0.02), ("auc", 0.87)), null, [new InputDigest("candidate", "c.json", "0123456789ab" + new string('f', 52))]);

        Assert.Contains("| candidate | `c.json` | `0123456789ab` |", MarkdownReport.Render(result, new PolicyLink("lockstep.yml"), plain: true), StringComparison.Ordinal);
        Assert.Contains("| candidate | `c.json` | `0123456789ab" + new string('f', 52) + "` |", MarkdownReport.Render(result, "lockstep.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Gates_judged_by_intervals_show_them_with_the_p_value_and_call_a_straddle_inconclusive()
    {
        const string Confident = """
              - { id: auc, metric: auc, max_regression: 0.01, confidence: 0.95, action: page }
              - { id: acc, metric: accuracy, min: 0.8, confidence: 0.95 }
              - { id: psi, metric: drift.psi.price, max: 0.25, confidence: 0.95, inconclusive: fail }
            """;
        var candidate = Card(
            "c.json", ("auc", 0.812), ("auc.baseline", 0.842), ("auc.delta", -0.03), ("auc.delta.se", 0.02),
            ("accuracy", 0.9), ("accuracy.se", 0.01), ("drift.psi.price", 0.3), ("drift.psi_p_value.price", 0.2));

        var markdown = MarkdownReport.Render(GateEvaluator.Evaluate(PolicyOf(Confident), candidate, null), "lockstep.yml");

        Assert.Contains(
            "| `auc` | auc | 0.812 | 0.842 | −0.03 (−3.56%) [−0.069, +0.009], p = 0.134 | regression ≤ 0.01 (≥ 0.832) at 95% confidence | ⚠️ inconclusive |",
            markdown, StringComparison.Ordinal);
        Assert.Contains("| `acc` | accuracy | 0.9 [0.88, 0.92] | — | — | ≥ 0.8 at 95% confidence | ✅ pass |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `psi` | drift.psi.price | 0.3 (p = 0.2) | — | — | ≤ 0.25 at 95% confidence | ❌ inconclusive (block) |", markdown, StringComparison.Ordinal);
    }

    private static string Render(double psi, double auc)
    {
        var result = GateEvaluator.Evaluate(
            PolicyOf(Gates),
            Card("c.json", ("drift.psi.max", psi), ("auc", auc)),
            Card("b.json", ("drift.psi.max", 0.02), ("auc", 0.862)),
            [new InputDigest("candidate", "c.json", new string('c', 64))]);
        return MarkdownReport.Render(result, "lockstep.yml");
    }
}
