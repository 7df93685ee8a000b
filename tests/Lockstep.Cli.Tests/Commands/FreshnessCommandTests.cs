using Lockstep.Core.Contracts;
using Lockstep.Core.Freshness;

namespace Lockstep.Cli.Tests.Commands;

public sealed class FreshnessCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public void Each_timestamp_column_gives_the_age_of_its_newest_value()
    {
        cli.Write("features.csv", "id,profile_at,orders_at\n1,2026-11-25T06:00:00Z,2026-11-20T00:00:00Z\n2,2026-11-24T00:00:00Z,\n3,2026-11-25T12:00:00+01:00,2026-11-22T12:00:00Z\n");

        var run = cli.Run("freshness", "--data", "features.csv", "--timestamp", "profile_at", "--timestamp", "orders_at", "--as-of", "2026-11-26T06:00:00Z", "--out", "freshness.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = FreshnessReportJson.Parse(cli.Read("freshness.json"), "freshness.json");
        Assert.Equal(19, report.Metrics["freshness.profile_at_hours"], 1e-12); // newest 11:00Z
        Assert.Equal(90, report.Metrics["freshness.orders_at_hours"], 1e-12);
        Assert.Equal(90, report.Metrics["freshness.max_hours"], 1e-12);
    }

    [Fact]
    public void Long_format_takes_the_newest_timestamp_per_feature()
    {
        cli.Write("log.csv", "feature,event_time\nage,2026-11-26T00:00:00Z\nplan,2026-11-20T06:00:00Z\nage,2026-11-25T00:00:00Z\n");
        cli.WriteDemoInputs("pass");

        var run = cli.Run("freshness", "--data", "log.csv", "--feature-column", "feature", "--timestamp", "event_time", "--as-of", "2026-11-26T06:00:00Z", "--out", "f.json", "--into", "candidate.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var card = ReportCardReader.Parse(cli.Read("candidate.json"), "candidate.json");
        Assert.Equal(6, card.Metrics["freshness.age_hours"], 1e-12);
        Assert.Equal(144, card.Metrics["freshness.plan_hours"], 1e-12);
        Assert.Equal(144, card.Metrics["freshness.max_hours"], 1e-12);
    }

    [Fact]
    public void Gate_bounds_freshness_from_a_freshness_report()
    {
        cli.WriteDemoInputs("pass");
        cli.Write("lockstep.yml", "version: 1\ngates:\n  - { id: fresh, metric: freshness.max_hours, max: 24, action: block }\n");
        cli.Write("features.csv", "at\n2026-11-20T00:00:00Z\n");
        cli.Run("freshness", "--data", "features.csv", "--timestamp", "at", "--as-of", "2026-11-26T00:00:00Z", "--out", "freshness.json");

        var run = cli.Run("gate", "--candidate", "candidate.json", "--metrics", "freshness.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("fresh: 144 is above the maximum 24", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_timestamp_names_its_line()
    {
        cli.Write("features.csv", "at\n2026-11-20T00:00:00Z\nlast tuesday\n");

        var run = cli.Run("freshness", "--data", "features.csv", "--timestamp", "at", "--out", "f.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: features.csv:3: column 'at': expected an ISO 8601 time such as 2026-11-26, 2026-11-26T06:00:00Z or 2026-11-26T06:00:00+01:00 (no offset means UTC), got 'last tuesday'\n", EvalCommandTests.ErrorLine(run));
    }

    [Fact]
    public void A_timestamp_column_with_no_values_is_named()
    {
        cli.Write("features.csv", "a,b\n2026-11-20T00:00:00Z,\n2026-11-21T00:00:00Z,NA\n");

        var run = cli.Run("freshness", "--data", "features.csv", "--timestamp", "a", "--timestamp", "b", "--out", "f.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: features.csv: column 'b': no timestamps (every value is missing)\n", EvalCommandTests.ErrorLine(run));
    }

    [Fact]
    public void A_bad_as_of_is_a_usage_error()
    {
        var run = cli.Run("freshness", "--data", "x.csv", "--timestamp", "at", "--as-of", "soon", "--out", "f.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--as-of: expected an ISO 8601 time", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();
}
