using Lockstep.Core.Dora;
using static Lockstep.Core.Tests.Dora.Events;

namespace Lockstep.Core.Tests.Dora;

/// <summary>Every metric on hand-computed fixtures; oracles in the style of DevOpsMetrics where they exist.</summary>
public class DoraCalculatorTests
{
    private static readonly DoraSettings Week = new() { WindowDays = 7 };

    [Fact]
    public void Five_deploys_in_seven_days_is_0_714_a_day()
    {
        var report = Calculate(Week, [.. Enumerable.Range(0, 5).Select(i => Deploy($"d{i}", DaysAgo(i + 0.5)))]);

        Assert.Equal(5 / 7.0, report.Code().Current.DeploysPerDay, 12);
        Assert.Equal(5 / 1.0, report.Code().Current.DeployDaysPerWeek, 12);
        Assert.Equal(PerformanceLevel.High, report.Code().Current.FrequencyLevel);
    }

    [Fact]
    public void Lead_times_2h_45m_1h_40m_50m_have_median_50_minutes_and_mean_1_05_hours()
    {
        var report = Calculate(
            Deploy("d1", DaysAgo(5), commitAges: [TimeSpan.FromHours(2), TimeSpan.FromMinutes(45)]),
            Deploy("d2", DaysAgo(3), commitAges: [TimeSpan.FromHours(1), TimeSpan.FromMinutes(40)]),
            Deploy("d3", DaysAgo(1), commitAges: [TimeSpan.FromMinutes(50)]));

        var current = report.Code().Current;
        Assert.Equal(50 / 60.0, current.LeadTimeMedianHours!.Value, 12);
        Assert.Equal(1.05, current.LeadTimeMeanHours!.Value, 12);
        Assert.Equal(5, current.Commits);
        Assert.Equal(PerformanceLevel.Elite, current.LeadTimeLevel);

        // NumPy: np.percentile([40, 45, 50, 60, 120], 95) = 108 minutes.
        Assert.Equal(108 / 60.0, current.LeadTimeP95Hours!.Value, 12);
    }

    [Fact]
    public void No_deployments_means_zero_frequency_and_undefined_rates()
    {
        var current = Calculate().Code().Current;

        Assert.Equal((0, 0.0, PerformanceLevel.Low), (current.Deployments, current.DeploysPerDay, current.FrequencyLevel));
        Assert.Null(current.LeadTimeMedianHours);
        Assert.Null(current.ChangeFailureRate);
        Assert.Null(current.ReworkRate);
        Assert.Null(current.TimeToRestoreMeanHours);
    }

    [Fact]
    public void One_deployment()
    {
        var current = Calculate(Deploy("d1", DaysAgo(2), commitAges: [TimeSpan.FromHours(30)])).Code().Current;

        Assert.Equal(1, current.Deployments);
        Assert.Equal(30, current.LeadTimeMedianHours);
        Assert.Equal(0, current.ChangeFailureRate);
        Assert.Equal(PerformanceLevel.High, current.LeadTimeLevel);
    }

    [Fact]
    public void All_deployments_failed_is_a_change_failure_rate_of_100_percent_never_more()
    {
        var report = Calculate(
            Deploy("d1", DaysAgo(3), status: DeploymentStatus.RolledBack),
            Deploy("d2", DaysAgo(2)),
            Incident("i1", DaysAgo(1.9), TimeSpan.FromHours(1)),
            Incident("i2", DaysAgo(1.8), TimeSpan.FromHours(3)),
            Incident("i3", DaysAgo(1.7), TimeSpan.FromHours(2), deployment: "d1"));

        var current = report.Code().Current;
        Assert.Equal(1.0, current.ChangeFailureRate);
        Assert.Equal(["d1", "d2"], current.Evidence.FailedDeployments);
        Assert.Equal(PerformanceLevel.Low, current.ChangeFailureLevel);
    }

    [Fact]
    public void Failed_attempts_never_reached_production_and_do_not_count()
    {
        var current = Calculate(Deploy("d1", DaysAgo(3), status: DeploymentStatus.Failure), Deploy("d2", DaysAgo(2))).Code().Current;

        Assert.Equal(["d2"], current.Evidence.Deployments);
    }

    [Fact]
    public void Incidents_attribute_explicitly_else_to_the_latest_earlier_deployment_within_24_hours()
    {
        var report = Calculate(
            Deploy("d1", DaysAgo(10)),
            Deploy("d2", DaysAgo(5)),
            Incident("explicit", DaysAgo(1), TimeSpan.FromHours(1), deployment: "d1"),
            Incident("by-time", DaysAgo(4.5), TimeSpan.FromHours(1)),
            Incident("too-late", DaysAgo(3), TimeSpan.FromHours(1)),
            Incident("before-any", DaysAgo(40), TimeSpan.FromHours(1)),
            Incident("unknown-deployment", DaysAgo(2), TimeSpan.FromHours(1), deployment: "nope"));

        Assert.Equal(["d1", "d2"], report.Code().Current.Evidence.FailedDeployments);
        Assert.Equal(["too-late", "before-any", "unknown-deployment"], report.UnattributedIncidents);
    }

    [Fact]
    public void Time_to_restore_is_the_mean_of_restore_minus_incident_and_its_median()
    {
        var report = Calculate(
            Incident("i1", DaysAgo(6), TimeSpan.FromHours(1)),
            Incident("i2", DaysAgo(5), TimeSpan.FromHours(2)),
            Incident("i3", DaysAgo(4), TimeSpan.FromHours(6)),
            Incident("open", DaysAgo(1)));

        var current = report.Code().Current;
        Assert.Equal(3, current.TimeToRestoreMeanHours!.Value, 12);
        Assert.Equal(2, current.TimeToRestoreMedianHours!.Value, 12);
        Assert.Equal(["open"], current.Evidence.OpenIncidents);
        Assert.Equal(PerformanceLevel.High, current.TimeToRestoreLevel);
    }

    [Fact]
    public void Rework_rate_counts_unplanned_deployments_and_fixes()
    {
        var report = Calculate(
            Deploy("d1", DaysAgo(4)),
            Deploy("d2", DaysAgo(3)) with { Unplanned = true },
            Deploy("d3", DaysAgo(2)) with { Fixes = ["INC-9"] },
            Deploy("d4", DaysAgo(1)));

        Assert.Equal(0.5, report.Code().Current.ReworkRate);
        Assert.Equal(["d2", "d3"], report.Code().Current.Evidence.ReworkDeployments);
    }

    [Fact]
    public void Window_boundaries_are_half_open_from_exclusive_to_inclusive()
    {
        var report = Calculate(
            Deploy("at-as-of", AsOf),
            Deploy("at-window-start", DaysAgo(30)),
            Deploy("after-as-of", AsOf.AddSeconds(1)));

        Assert.Equal(["at-as-of"], report.Code().Current.Evidence.Deployments);
        Assert.Equal(["at-window-start"], report.Code().Previous.Evidence.Deployments);
    }

    [Fact]
    public void Times_with_offsets_are_compared_in_UTC()
    {
        // 01:30 at +02:00 is 23:30 UTC the day before: one deploy-day, not two; the lead time is exact.
        var local = new DateTimeOffset(2026, 11, 25, 1, 30, 0, TimeSpan.FromHours(2));
        var deploy = Deploy("d1", local) with
        {
            Commits = [new CommitRef { Sha = "c1", CommittedAt = new DateTimeOffset(2026, 11, 24, 20, 30, 0, TimeSpan.FromHours(-1)) }],
        };
        var report = Calculate(deploy, Deploy("d2", new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero)));

        Assert.Equal(1 / (30 / 7.0), report.Code().Current.DeployDaysPerWeek, 12);
        Assert.Equal(2, report.Code().Current.LeadTimeMedianHours!.Value, 12);
        Assert.Equal(2, report.Code().DailyDeployments.Single(d => d.Day == new DateOnly(2026, 11, 24)).Count);
        Assert.Equal(new DateOnly(2026, 11, 25), report.Code().DailyDeployments[^1].Day);
    }

    [Fact]
    public void Nothing_after_as_of_counts_and_later_restores_are_still_open()
    {
        var report = Calculate(
            Deploy("d1", DaysAgo(1)),
            Incident("after", AsOf.AddHours(1), TimeSpan.FromHours(1)),
            Incident("restored-later", DaysAgo(0.5), TimeSpan.FromDays(2)));

        var current = report.Code().Current;
        Assert.Equal(["d1"], current.Evidence.FailedDeployments);
        Assert.Equal(["restored-later"], current.Evidence.OpenIncidents);
        Assert.Null(current.TimeToRestoreMeanHours);
        Assert.Empty(report.UnattributedIncidents);
    }

    [Fact]
    public void A_commit_without_a_usable_time_does_not_block_its_later_deployment()
    {
        var early = Deploy("d1", DaysAgo(3)) with { Commits = [new CommitRef { Sha = "c", CommittedAt = DaysAgo(2) }] };
        var later = Deploy("d2", DaysAgo(1)) with { Commits = [new CommitRef { Sha = "c", CommittedAt = DaysAgo(2) }] };

        Assert.Equal([24.0], Calculate(Deploy("d0", DaysAgo(9)), early, later).Code().LeadTimesHours);
    }

    [Fact]
    public void A_squash_merge_takes_the_lead_time_of_its_pull_request_commits()
    {
        var finished = DaysAgo(1);
        var squash = Deploy("d1", finished, commitAges: [TimeSpan.FromMinutes(10)]) with
        {
            Pr = new PullRequestRef
            {
                Number = 42,
                Commits = [new CommitRef { Sha = "p1", CommittedAt = finished.AddHours(-30) }, new CommitRef { Sha = "p2", CommittedAt = finished.AddHours(-6) }],
            },
        };

        var current = Calculate(Deploy("d0", DaysAgo(3)), squash).Code().Current;

        Assert.Equal([30.0, 6.0], Calculate(Deploy("d0", DaysAgo(3)), squash).Code().LeadTimesHours.Reverse());
        Assert.Equal(18, current.LeadTimeMedianHours);
    }

    [Fact]
    public void A_commit_counts_at_the_first_deployment_that_brought_it()
    {
        var first = Deploy("d1", DaysAgo(3), commitAges: [TimeSpan.FromHours(1)]);
        var redeploy = Deploy("d2", DaysAgo(2)) with { Commits = first.Commits };

        Assert.Equal([1.0], Calculate(Deploy("d0", DaysAgo(9)), first, redeploy).Code().LeadTimesHours);
    }

    [Fact]
    public void The_first_deployment_in_history_bounds_its_commits_and_says_so()
    {
        var report = Calculate(Deploy("d1", DaysAgo(2), commitAges: [TimeSpan.FromDays(400), TimeSpan.FromHours(5)]));

        Assert.Equal([5.0], report.Code().LeadTimesHours);
        Assert.Contains("first deployment d1: 1 commit(s) older than 30 days", Assert.Single(report.Code().Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void With_earlier_history_left_out_the_first_deployment_passed_is_not_bounded()
    {
        var report = DoraCalculator.Calculate([Deploy("d1", DaysAgo(2), commitAges: [TimeSpan.FromDays(40)])], new DoraSettings(), AsOf, earlierHistory: true);

        Assert.Equal([40 * 24.0], report.Code().LeadTimesHours);
        Assert.Empty(report.Code().Notes);
    }

    [Fact]
    public void The_horizon_is_three_windows_back() =>
        Assert.Equal(DaysAgo(90), DoraCalculator.HorizonStart(new DoraSettings(), AsOf));

    [Fact]
    public void Deltas_compare_with_the_previous_window_and_say_which_way_is_better()
    {
        var report = Calculate(
            Deploy("old1", DaysAgo(40), commitAges: [TimeSpan.FromHours(10)]),
            Deploy("new1", DaysAgo(10), commitAges: [TimeSpan.FromHours(2)]),
            Deploy("new2", DaysAgo(5), status: DeploymentStatus.RolledBack, commitAges: [TimeSpan.FromHours(4)]));

        var deltas = report.Code().Deltas.ToDictionary(d => d.Metric);
        Assert.Equal(new MetricDelta("deploys_per_day", 2 / 30.0, 1 / 30.0, 1 / 30.0, true), deltas["deploys_per_day"]);
        Assert.Equal(new MetricDelta("lead_time_median_hours", 3, 10, -7, true), deltas["lead_time_median_hours"]);
        Assert.Equal(new MetricDelta("change_failure_rate", 0.5, 0, 0.5, false), deltas["change_failure_rate"]);
        Assert.Null(deltas["time_to_restore_mean_hours"].Change);
    }

    [Fact]
    public void The_model_lane_has_a_stage_strip_of_median_hours()
    {
        Deployment Model(string id, double daysAgo, double snapshotToTrained, double trainedToEvaluated, double evaluatedToDeployed)
        {
            var deployed = DaysAgo(daysAgo);
            var evaluated = deployed.AddHours(-evaluatedToDeployed);
            var trained = evaluated.AddHours(-trainedToEvaluated);
            return Deploy(id, deployed, Lane.Model) with
            {
                Stages = new StageTimes { DataSnapshotAt = trained.AddHours(-snapshotToTrained), TrainedAt = trained, EvaluatedAt = evaluated },
            };
        }

        var report = Calculate(Model("m1", 20, 10, 1, 48), Model("m2", 10, 30, 3, 24), Model("m3", 2, 20, 2, 12));

        Assert.Equal(new StageStrip(3, 20, 2, 24), report.Model().Stages);
        Assert.Null(report.Code().Stages);
    }

    [Fact]
    public void Only_the_lane_s_production_environments_count()
    {
        var settings = new DoraSettings
        {
            Environments = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = ["prod-*"], [Lane.Model] = ["serving"] },
        };

        var report = Calculate(
            settings,
            Deploy("eu", DaysAgo(3)) with { Environment = "prod-eu" },
            Deploy("staging", DaysAgo(2)) with { Environment = "staging" },
            Deploy("model", DaysAgo(1), Lane.Model) with { Environment = "Serving" });

        Assert.Equal(["eu"], report.Code().Current.Evidence.Deployments);
        Assert.Equal(["model"], report.Model().Current.Evidence.Deployments);
    }

    [Fact]
    public void Rolling_change_failure_rate_ends_each_day_of_the_window()
    {
        var report = Calculate(Week, Deploy("d1", DaysAgo(6.5)), Deploy("d2", DaysAgo(3.5), status: DeploymentStatus.RolledBack), Deploy("d3", DaysAgo(0.5)));

        var rates = report.Code().RollingChangeFailureRate;
        Assert.Equal(7, rates.Count);
        Assert.Equal(new DailyRate(new DateOnly(2026, 11, 25), 1 / 3.0), rates[^1]);
        Assert.Equal(new DailyRate(new DateOnly(2026, 11, 19), 0), rates[0]);
    }

    [Theory]
    [InlineData("production", "production", true)]
    [InlineData("prod-*", "PROD-eu-1", true)]
    [InlineData("*-prod", "eu-prod", true)]
    [InlineData("prod-*", "preprod-eu", false)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxcyyb", false)]
    public void Environment_patterns_match_case_insensitively_with_wildcards(string pattern, string environment, bool matches) =>
        Assert.Equal(matches, DoraSettings.Matches(pattern, environment));
}
