namespace Lockstep.Core.Dora;

/// <summary>
/// Two-lane DORA metrics <c>lockstep.dora/v1</c>: per lane, the current window and the one before it, the deltas, the
/// model lane's stage strip, chart series, and the events every number was computed from.
/// </summary>
public sealed record DoraReport
{
    public const string SchemaId = "lockstep.dora/v1";

    public string Schema { get; init; } = SchemaId;

    public required DateTimeOffset AsOf { get; init; }

    public required int WindowDays { get; init; }

    public required double AttributionHours { get; init; }

    public required CommitTime CommitTime { get; init; }

    public required IReadOnlyList<LaneReport> Lanes { get; init; }

    /// <summary>Incidents no deployment could be attributed to: listed, never guessed.</summary>
    public required IReadOnlyList<string> UnattributedIncidents { get; init; }

    /// <summary>
    /// Environments of deployments in either window that were left out only because no environment of their lane
    /// matches them: named, with counts, so that a lane does not lose its deployments without a word.
    /// </summary>
    public IReadOnlyList<UnmatchedEnvironment> UnmatchedEnvironments { get; init; } = [];
}

/// <summary>
/// The deployments of a lane to one environment that the lane does not count, and the policy key that would count
/// them (<c>dora.lanes.model.environments</c>).
/// </summary>
public sealed record UnmatchedEnvironment(Lane Lane, string Environment, int Deployments, string PolicyKey);

public sealed record LaneReport
{
    public required Lane Lane { get; init; }

    public required WindowMetrics Current { get; init; }

    public required WindowMetrics Previous { get; init; }

    public required IReadOnlyList<MetricDelta> Deltas { get; init; }

    /// <summary>Median hours per model stage in the current window (model lane only).</summary>
    public StageStrip? Stages { get; init; }

    /// <summary>Deployments per UTC day over the current window, oldest first.</summary>
    public required IReadOnlyList<DailyCount> DailyDeployments { get; init; }

    /// <summary>Change failure rate over the trailing window, ending each day of the current window.</summary>
    public required IReadOnlyList<DailyRate> RollingChangeFailureRate { get; init; }

    /// <summary>Every lead time of the current window in hours, ascending: the distribution a PR is placed in.</summary>
    public required IReadOnlyList<double> LeadTimesHours { get; init; }

    /// <summary>Disaster-recovery drills per scenario opened in the three windows before as-of; never counted as incidents.</summary>
    public IReadOnlyList<DrillSummary> Drills { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The four keys and rework rate over one window, with the ids of the events behind each.</summary>
public sealed record WindowMetrics
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required int Deployments { get; init; }

    public required double DeploysPerDay { get; init; }

    public required double DeployDaysPerWeek { get; init; }

    public required PerformanceLevel FrequencyLevel { get; init; }

    public required int Commits { get; init; }

    public double? LeadTimeMedianHours { get; init; }

    public double? LeadTimeMeanHours { get; init; }

    public double? LeadTimeP95Hours { get; init; }

    public PerformanceLevel? LeadTimeLevel { get; init; }

    public required int FailedDeployments { get; init; }

    public double? ChangeFailureRate { get; init; }

    public PerformanceLevel? ChangeFailureLevel { get; init; }

    public required int RestoredIncidents { get; init; }

    public double? TimeToRestoreMeanHours { get; init; }

    public double? TimeToRestoreMedianHours { get; init; }

    public PerformanceLevel? TimeToRestoreLevel { get; init; }

    public required int ReworkDeployments { get; init; }

    public double? ReworkRate { get; init; }

    public required Evidence Evidence { get; init; }
}

/// <summary>The ids of the events each number of a window was computed from.</summary>
public sealed record Evidence
{
    public required IReadOnlyList<string> Deployments { get; init; }

    public required IReadOnlyList<string> FailedDeployments { get; init; }

    public required IReadOnlyList<string> ReworkDeployments { get; init; }

    public required IReadOnlyList<string> RestoredIncidents { get; init; }

    public required IReadOnlyList<string> OpenIncidents { get; init; }
}

/// <summary>A metric's change from the previous window, and whether that change is for the better.</summary>
public sealed record MetricDelta(string Metric, double? Current = null, double? Previous = null, double? Change = null, bool? Improved = null);

public sealed record StageStrip(int Deployments, double? SnapshotToTrainedHours = null, double? TrainedToEvaluatedHours = null, double? EvaluatedToDeployedHours = null);

public sealed record DailyCount(DateOnly Day, int Count);

public sealed record DailyRate(DateOnly Day, double? Rate = null);
