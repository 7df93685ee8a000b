using System.Text.Json.Serialization;
using Lockstep.Core.Json;

namespace Lockstep.Core.Policy;

/// <summary>The gate policy <c>lockstep.yml</c>, <c>version: 1</c>. Schema: <c>docs/schemas/policy.v1.schema.json</c>.</summary>
public sealed record GatePolicy
{
    public const int SupportedVersion = 1;

    public required string Source { get; init; }

    public int Version { get; init; } = SupportedVersion;

    public FirstModelRule FirstModel { get; init; } = FirstModelRule.Fail;

    /// <summary>The training runs' seed (<c>seed:</c>), which <c>TrainingRun.Seed</c> of Lockstep.Sdk reads; null when not set.</summary>
    public int? Seed { get; init; }

    public required IReadOnlyList<GateDefinition> Gates { get; init; }

    /// <summary>The <c>dora:</c> section: windows, attribution and production environments per lane.</summary>
    public Lockstep.Core.Dora.DoraSettings Dora { get; init; } = new();

    /// <summary>The <c>slos:</c> list: the service level objectives <c>lockstep budget</c> measures; empty when not set.</summary>
    public IReadOnlyList<Lockstep.Core.Slo.SloDefinition> Slos { get; init; } = [];

    /// <summary>The <c>monitor:</c> section: the alerts of <c>lockstep monitor</c> and the remediation they start.</summary>
    public MonitorSettings Monitor { get; init; } = new();
}

/// <summary>What change bounds do when there is no baseline yet.</summary>
public enum FirstModelRule
{
    /// <summary>Change bounds fail: a first model needs an explicit decision.</summary>
    Fail,

    /// <summary>Change bounds are skipped; value bounds still apply.</summary>
    Allow,
}

/// <summary>What a gate with <c>confidence:</c> does when its interval straddles a bound.</summary>
public enum InconclusiveRule
{
    /// <summary>The gate warns: the change goes ahead, flagged.</summary>
    Warn,

    /// <summary>The gate fails with its action, as if the bound were broken.</summary>
    Fail,
}

/// <summary>The runbook's actions, in rising severity.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RunbookAction>))]
public enum RunbookAction
{
    Warn = 0,
    Block = 1,
    Page = 2,
    Rollback = 3,
}

public sealed record GateDefinition
{
    public required string Id { get; init; }

    public required string Metric { get; init; }

    /// <summary>A slice name such as <c>region=EU</c>; null for the overall metrics.</summary>
    public string? Slice { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>How much worse than the baseline the candidate may be.</summary>
    public ChangeAmount? MaxRegression { get; init; }

    /// <summary>How much better than the baseline the candidate must be.</summary>
    public ChangeAmount? MinImprovement { get; init; }

    public required bool HigherIsBetter { get; init; }

    public RunbookAction Action { get; init; } = RunbookAction.Block;

    public string? Message { get; init; }

    public bool Optional { get; init; }

    /// <summary>
    /// <c>confidence:</c> the level of the intervals the bounds are judged by (0.95): a bound fails only when the whole
    /// interval lies beyond it and passes when it lies within; null for a gate that compares point values.
    /// </summary>
    public double? Confidence { get; init; }

    /// <summary><c>inconclusive:</c> what a gate whose interval straddles a bound does.</summary>
    public InconclusiveRule Inconclusive { get; init; } = InconclusiveRule.Warn;

    /// <summary>The line of the gate's entry in the policy file.</summary>
    public int Line { get; init; }

    public bool HasChangeBounds => MaxRegression is not null || MinImprovement is not null;
}
