namespace Lockstep.Core.Slo;

/// <summary>One service level objective of the policy's <c>slos:</c> list.</summary>
public sealed record SloDefinition
{
    public required string Id { get; init; }

    public required SloFamily Family { get; init; }

    /// <summary>The target share of good events or slices, strictly between 0 and 1 (<c>99.5%</c> is 0.995).</summary>
    public required double Objective { get; init; }

    /// <summary>The rolling window's length in days, ending at the as-of time.</summary>
    public required int WindowDays { get; init; }

    public required BudgetingMethod Budgeting { get; init; }

    /// <summary>For <see cref="BudgetingMethod.Timeslices"/>: the slice length; null for occurrences.</summary>
    public TimeSpan? Slice { get; init; }

    /// <summary>For timeslices: the share of good events a slice needs to be good (1 = no bad event in it).</summary>
    public double SliceThreshold { get; init; } = 1;

    /// <summary>For timeslices: how a slice of the window without data counts.</summary>
    public MissingData Missing { get; init; } = MissingData.Ignore;

    public required SliSpec Sli { get; init; }

    /// <summary>The line of the SLO's entry in the policy file.</summary>
    public int Line { get; init; }

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    /// <summary>The error budget: the share of events or slices that may be bad, 1 − objective.</summary>
    public double ErrorBudget => 1 - Objective;
}

/// <summary>Which budget an SLO belongs to: the serving endpoint's, or the model's quality.</summary>
public enum SloFamily
{
    Software,
    Model,
}

/// <summary>How an SLO counts: good events over all events, or good time slices over the slices with data.</summary>
public enum BudgetingMethod
{
    Occurrences,
    Timeslices,
}

/// <summary>How a time slice without data counts.</summary>
public enum MissingData
{
    /// <summary>Neither good nor bad: the slice is left out of the SLI.</summary>
    Ignore,
    Good,
    Bad,
}
