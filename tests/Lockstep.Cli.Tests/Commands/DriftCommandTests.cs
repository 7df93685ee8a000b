using System.Globalization;
using System.Text;
using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;

namespace Lockstep.Cli.Tests.Commands;

public sealed class DriftCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public DriftCommandTests()
    {
        // The same deterministic data as the Core drift oracles, plus a categorical column.
        cli.Write("ref.csv", Csv(Enumerable.Range(0, 300).Select(i => ((i * 37 % 101) / 10.0, i % 10 < 5 ? "a" : i % 10 < 8 ? "b" : "c"))));
        cli.Write("cur.csv", Csv(Enumerable.Range(0, 250).Select(i => ((i * 53 % 97 / 8.0) + 1.5, i % 10 < 2 ? "a" : i % 10 < 4 ? "b" : "d"))));
    }

    [Fact]
    public void Writes_the_drift_report_with_the_metrics_a_gate_reads()
    {
        var run = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--out", "drift.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = DriftReportJson.Parse(cli.Read("drift.json"), "drift.json");
        var age = report.Features.Single(f => f.Feature == "age");
        var plan = report.Features.Single(f => f.Feature == "plan");

        // Oracles: Evidently's binning re-run with NumPy (see Core.Tests FeatureDriftCalculatorTests).
        Assert.Equal(2.4725011467468407, age.Psi, 1e-9);
        Assert.Equal(("numeric", "categorical"), (age.Kind, plan.Kind));
        Assert.Equal(Math.Max(age.Psi, plan.Psi), report.Metrics["drift.psi.max"]);
        Assert.Equal(1.0, report.Metrics["drift.share_drifted"]);
        Assert.Equal((300L, 250L), (report.ReferenceRows, report.CurrentRows));
        Assert.Contains("drift.psi.max: ", run.Out, StringComparison.Ordinal);
        Assert.Equal(0.95, report.Settings.PsiLevel);
        Assert.Equal(age.PsiPValue, report.Metrics["drift.psi_p_value.age"]);
        Assert.Equal(plan.PsiMinDetectable, report.Metrics["drift.psi_min_detectable.plan"]);
        Assert.True(age.PsiPValue < 0.05);
        Assert.False(age.TooFewRows);
    }

    [Fact]
    public void A_large_psi_on_a_handful_of_rows_is_reported_as_too_few_rows()
    {
        // plan: a, a, b, b against a, b, b, b: PSI 0.2747 but p = 0.4586 (scipy.stats.chi2.sf(0.2747 / (1/4 + 1/4), 1)).
        cli.Write("few-ref.csv", "plan\na\na\nb\nb\n");
        cli.Write("few-cur.csv", "plan\na\nb\nb\nb\n");

        var run = cli.Run("drift", "--reference", "few-ref.csv", "--current", "few-cur.csv", "--out", "drift.json", "--markdown", "drift.md");

        Assert.True(run.ExitCode == 0, run.ToString());
        var plan = DriftReportJson.Parse(cli.Read("drift.json"), "drift.json").Features.Single();
        Assert.True(plan.Psi > 0.25);
        Assert.Equal(0.45860134182802514, plan.PsiPValue!.Value, 1e-9);
        Assert.True(plan.TooFewRows);
        Assert.Contains("yes, too few rows", run.Out, StringComparison.Ordinal);
        Assert.Contains("⚠️ yes, too few rows |", cli.Read("drift.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_has_a_psi_chart_and_the_table()
    {
        var run = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--out", "drift.json", "--markdown", "drift.md");

        Assert.True(run.ExitCode == 0, run.ToString());
        var markdown = cli.Read("drift.md");
        Assert.Contains("```mermaid\nxychart-beta", markdown, StringComparison.Ordinal);
        Assert.Contains("| `age` | numeric | 2.472501 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Into_puts_metrics_and_current_profiles_into_the_card_and_the_gate_reads_them()
    {
        cli.WriteDemoInputs("pass");

        var drift = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--out", "drift.json", "--into", "candidate.json");
        var card = ReportCardReader.Parse(cli.Read("candidate.json"), "candidate.json");
        var gate = cli.Run("gate", "--candidate", "candidate.json", "--baseline", "baseline.json");

        Assert.True(drift.ExitCode == 0, drift.ToString());
        Assert.Equal("numeric", card.Features["age"].Kind);
        Assert.True(card.Metrics["drift.psi.max"] > 2);
        Assert.Equal(1, gate.ExitCode);
        Assert.Contains("what to do: Roll back", gate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_reads_a_drift_report_given_with_drift()
    {
        cli.WriteDemoInputs("pass");
        cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--out", "drift.json");

        var run = cli.Run("gate", "--candidate", "candidate.json", "--baseline", "baseline.json", "--drift", "drift.json", "--markdown", "report.md");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("| metrics | `drift.json` |", cli.Read("report.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Quantile_binning_and_epsilon_empty_bins_are_named_in_the_report()
    {
        var run = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--columns", "age", "--binning", "quantile", "--empty-bins", "epsilon", "--out", "drift.json");

        var report = DriftReportJson.Parse(cli.Read("drift.json"), "drift.json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(new DriftSettings("quantile", 10, "epsilon", 0.1) { PsiLevel = 0.95 }, report.Settings);
        Assert.Equal("quantile", Assert.Single(report.Features).Bins);
    }

    [Fact]
    public void A_column_missing_from_the_current_data_exits_2()
    {
        cli.Write("cur.csv", "age\n1\n2\n");

        var run = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--out", "drift.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: cur.csv:1: no column 'plan' (the header has: age)\n", EvalCommandTests.ErrorLine(run));
        Assert.False(cli.Exists("drift.json"));
    }

    [Fact]
    public void A_feature_with_no_values_exits_2_naming_the_file()
    {
        cli.Write("cur.csv", "age,plan\n,a\nNA,b\n");

        var run = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--out", "drift.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: cur.csv: column 'age': no values to compare (all 2 rows are missing)\n", EvalCommandTests.ErrorLine(run));
    }

    [Theory]
    [InlineData("-0.1", "error: --psi-threshold must be a number of 0 or more (PSI is never negative), got -0.1\n")]
    [InlineData("NaN", "error: --psi-threshold expects a number, got 'NaN'\n")]
    public void A_negative_psi_threshold_is_refused_in_one_line(string threshold, string expected)
    {
        var run = cli.Run("drift", "--reference", "ref.csv", "--current", "cur.csv", "--psi-threshold", threshold, "--out", "drift.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, EvalCommandTests.ErrorLine(run));
        Assert.False(cli.Exists("drift.json"));
    }

    private static string Csv(IEnumerable<(double Age, string Plan)> rows)
    {
        var text = new StringBuilder("age,plan\n");
        foreach (var (age, plan) in rows)
        {
            text.Append(age.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(plan).Append('\n');
        }

        return text.ToString();
    }

    public void Dispose() => cli.Dispose();
}
