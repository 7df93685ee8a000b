using Lockstep.Core.Dora;
using Lockstep.Core.Reporting;
using static Lockstep.Core.Tests.Dora.Events;

namespace Lockstep.Core.Tests.Dora;

/// <summary>Deployments no environment of their lane matches are named with counts, never dropped without a word.</summary>
public class UnmatchedEnvironmentsTests
{
    private static readonly DoraSettings Settings = new()
    {
        WindowDays = 10,
        Environments = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = ["production"], [Lane.Model] = ["model-production"] },
    };

    [Fact]
    public void Each_lane_names_its_left_out_environments_with_counts_most_first()
    {
        var report = Calculate(
            Settings,
            Deploy("c1", DaysAgo(1)),
            Deploy("c2", DaysAgo(2)) with { Environment = "staging" },
            Deploy("m1", DaysAgo(1), Lane.Model) with { Environment = "model-production" },
            Deploy("m2", DaysAgo(2), Lane.Model),
            Deploy("m3", DaysAgo(3), Lane.Model),
            Deploy("m4", DaysAgo(15), Lane.Model),
            Deploy("m5", DaysAgo(4), Lane.Model) with { Environment = "canary" });

        Assert.Equal(
            [
                new UnmatchedEnvironment(Lane.Code, "staging", 1, "dora.lanes.code.environments"),
                new UnmatchedEnvironment(Lane.Model, "production", 3, "dora.lanes.model.environments"),
                new UnmatchedEnvironment(Lane.Model, "canary", 1, "dora.lanes.model.environments"),
            ],
            report.UnmatchedEnvironments);
        Assert.Equal(["m1"], report.Model().Current.Evidence.Deployments);
    }

    [Fact]
    public void Only_deployments_that_would_otherwise_count_in_either_window_are_named()
    {
        var report = Calculate(
            Settings,
            Deploy("failed", DaysAgo(1), Lane.Model, DeploymentStatus.Failure),
            Deploy("rolled-back", DaysAgo(1), Lane.Model, DeploymentStatus.RolledBack),
            Deploy("too-old", DaysAgo(20), Lane.Model),
            Deploy("later", AsOf.AddHours(1), Lane.Model));

        Assert.Equal([new UnmatchedEnvironment(Lane.Model, "production", 1, "dora.lanes.model.environments")], report.UnmatchedEnvironments);
    }

    [Fact]
    public void Environment_names_differing_only_in_case_are_one_environment()
    {
        var report = Calculate(Settings, Deploy("a", DaysAgo(1), Lane.Model) with { Environment = "Staging" }, Deploy("b", DaysAgo(2), Lane.Model) with { Environment = "staging" });

        Assert.Equal(2, Assert.Single(report.UnmatchedEnvironments).Deployments);
    }

    [Fact]
    public void When_every_deployment_counts_there_is_nothing_to_name()
    {
        var report = Calculate(Deploy("c1", DaysAgo(1)), Deploy("m1", DaysAgo(1), Lane.Model) with { Environment = "prod-eu" });

        Assert.Empty(report.UnmatchedEnvironments);
        Assert.Empty(UnmatchedEnvironmentsLine.For(report, name => name));
    }

    [Fact]
    public void The_line_names_the_lane_the_environments_and_the_key_to_set()
    {
        var report = Calculate(
            Settings,
            Deploy("m2", DaysAgo(2), Lane.Model),
            Deploy("m3", DaysAgo(3), Lane.Model),
            Deploy("m5", DaysAgo(4), Lane.Model) with { Environment = "canary" });

        Assert.Equal(
            ["not counted: model lane deployments to production (2), canary (1): no environment of the lane matches; add them to dora.lanes.model.environments in the policy to count them"],
            UnmatchedEnvironmentsLine.For(report, name => name));
        Assert.Contains(
            "\nNot counted: model lane deployments to `production` (2), `canary` (1): no environment of the lane matches; add them to `dora.lanes.model.environments` in the policy to count them.\n",
            DoraMarkdown.Render(report),
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_history_says_so_in_both_lanes()
    {
        var report = Calculate();

        Assert.All(report.Lanes, lane => Assert.Equal([DoraCalculator.NoEvents], lane.Notes));
        Assert.Equal("no events: there are no deployments and no incidents to compute from", DoraCalculator.NoEvents);
    }

    [Fact]
    public void A_history_whose_older_events_were_left_out_is_not_empty()
    {
        var report = DoraCalculator.Calculate([], new DoraSettings(), AsOf, earlierHistory: true);

        Assert.All(report.Lanes, lane => Assert.DoesNotContain(DoraCalculator.NoEvents, lane.Notes));
    }
}
