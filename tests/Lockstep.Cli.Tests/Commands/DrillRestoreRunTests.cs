using Lockstep.Core.Dora;
using Microsoft.Extensions.Time.Testing;

namespace Lockstep.Cli.Tests.Commands;

public sealed class DrillRestoreRunTests : IDisposable
{
    private readonly CliHarness cli = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) };

    [Fact]
    public void A_restore_that_succeeds_opens_and_resolves_the_drill_and_runs_in_the_working_directory()
    {
        var run = cli.Run("drill", "run", "--scenario", "model-registry", "--events", "events.jsonl", "--", "sh", "-c", "echo rebuilt > restored.txt");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("rebuilt\n", cli.Read("restored.txt"));
        var drill = Assert.IsType<Incident>(Assert.Single(EventsReader.Read(cli.Read("events.jsonl").Split('\n'), "events.jsonl")));
        Assert.Equal(("drill-model-registry-20261201T090000Z", DrillScenarios.ModelRegistry, Lane.Model), (drill.Id, drill.Drill, drill.Lane));
        Assert.Equal(drill.OpenedAt, drill.ResolvedAt);
    }

    [Fact]
    public void A_restore_that_fails_leaves_the_drill_open_and_exits_1()
    {
        var run = cli.Run("drill", "run", "--scenario", "feature-store", "--events", "events.jsonl", "--id", "DR-1", "--", "sh", "-c", "exit 3");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("the restore failed (exit code 3): the feature-store drill stays open; end it with lockstep drill end once service is restored\n", run.Error);
        var drill = Assert.IsType<Incident>(Assert.Single(EventsReader.Read(cli.Read("events.jsonl").Split('\n'), "events.jsonl")));
        Assert.Equal(("DR-1", null), (drill.Id, drill.ResolvedAt));
    }

    [Fact]
    public void A_restore_that_cannot_start_writes_nothing_and_exits_2()
    {
        var run = cli.Run("drill", "run", "--scenario", "feature-store", "--events", "events.jsonl", "--", "./no-such-restore");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ./no-such-restore: cannot start the restore command", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("events.jsonl"));
    }

    [Fact]
    public void A_scenario_already_open_is_refused_before_the_restore_runs()
    {
        cli.Run("drill", "start", "--scenario", "feature-store", "--events", "events.jsonl", "--id", "DR-1");

        var run = cli.Run("drill", "run", "--scenario", "feature-store", "--events", "events.jsonl", "--", "sh", "-c", "touch ran");

        Assert.Equal(2, run.ExitCode);
        Assert.False(cli.Exists("ran"));
    }

    public void Dispose() => cli.Dispose();
}
