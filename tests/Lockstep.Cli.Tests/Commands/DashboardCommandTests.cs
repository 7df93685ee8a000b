namespace Lockstep.Cli.Tests.Commands;

public sealed class DashboardCommandTests : IDisposable
{
    private const string AsOf = "2026-11-24T18:00:00Z";
    private readonly CliHarness cli = new();

    private void RecordDemo()
    {
        cli.Run("demo", "--scenario", "fail", "--out-dir", "demo");
        Directory.Delete(Path.Combine(cli.Directory, "demo", "history"), recursive: true);
        var run = cli.Run("record", "--history", "history", "demo/events.jsonl", "demo/candidate.json", "demo/result.json");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Draws_the_page_from_the_history_and_says_what_it_drew_in_one_line()
    {
        RecordDemo();

        var run = cli.Run("dashboard", "--history", "history", "--policy", "demo/lockstep.yml", "--as-of", AsOf, "--out", "site/index.html");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^dashboard: 90 days to 2026-11-24 18:00 UTC; last 30 days 43 code and 5 model deployments; 1 gate run, 7 metric facts; [0-9.]+ kB\nwrote site/index.html\n$", run.Out);
        var page = cli.Read("site/index.html");
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("data-key=\"code.current.deploys_per_day\" data-value=\"1.4333333333333333\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_folder_that_does_not_exist_is_one_line_and_exit_2_with_no_page()
    {
        var run = cli.Run("dashboard", "--history", "nowhere", "--out", "site/index.html");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: nowhere: folder not found; lockstep record --history creates it\n", run.Error);
        Assert.False(cli.Exists("site/index.html"));
    }

    [Fact]
    public void A_damaged_file_in_the_history_is_named_and_no_page_is_written()
    {
        RecordDemo();
        var part = Directory.GetFiles(Path.Combine(cli.Directory, "history"), "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(part, "not parquet");

        var run = cli.Run("dashboard", "--history", "history", "--out", "site/index.html");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(part), run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.False(cli.Exists("site/index.html"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3661")]
    public void A_window_outside_1_to_3660_days_is_a_usage_error(string days)
    {
        var run = cli.Run("dashboard", "--history", "history", "--window-days", days);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--window-days must be between 1 and 3660", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_120_days_deployments_are_drawn_per_week()
    {
        RecordDemo();

        var run = cli.Run("dashboard", "--history", "history", "--as-of", AsOf, "--window-days", "365", "--out", "year.html");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("dashboard: 371 days", run.Out, StringComparison.Ordinal);
        Assert.Contains("Deployment frequency, per week", cli.Read("year.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_budget_report_the_page_has_a_panel_per_family_with_each_SLO_s_remaining_budget()
    {
        RecordDemo();
        cli.Write("slos.yml", """
            version: 1
            slos:
              - { id: api-availability, family: software, objective: 99%, window_days: 1, budgeting: occurrences, sli: { source: file, path: availability.csv } }
            """);
        // 990 good of 1000: the SLI is 99 %, exactly the objective, so the whole budget (10 bad events) is consumed.
        cli.Write("availability.csv", "timestamp,good,total\n2026-11-24T12:00:00Z,990,1000\n");
        var budget = cli.Run("budget", "--policy", "slos.yml", "--as-of", AsOf, "--json", "budget.json");
        Assert.True(budget.ExitCode == 0, budget.ToString());

        var run = cli.Run("dashboard", "--history", "history", "--as-of", AsOf, "--budget", "budget.json", "--out", "site/index.html");

        Assert.True(run.ExitCode == 0, run.ToString());
        var page = cli.Read("site/index.html");
        Assert.Contains("<figure class=\"figure\" id=\"budget-software\" data-points=\"1\">", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">api-availability</th>", page, StringComparison.Ordinal);
        Assert.Contains("No model SLOs in the budget report.", page, StringComparison.Ordinal);
        Assert.Matches("data-series=\"budget remaining\" data-value=\"-?0(\\.0+)?(E-[0-9]+)?\"", page);
    }

    [Fact]
    public void A_budget_file_that_is_not_a_budget_report_is_one_line_and_no_page()
    {
        RecordDemo();

        var run = cli.Run("dashboard", "--history", "history", "--budget", "demo/candidate.json", "--out", "site/index.html");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: demo/candidate.json", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.False(cli.Exists("site/index.html"));
    }

    public void Dispose() => cli.Dispose();
}
