namespace Lockstep.AzureDevOps;

/// <summary>The states of a pull request status Lockstep posts; a branch policy can require <see cref="Succeeded"/>.</summary>
public enum PullRequestStatusState
{
    Succeeded,
    Failed,

    /// <summary>The gate could not decide (bad input, a metric missing).</summary>
    Error,
}

/// <summary>
/// A pull request status (genre <c>lockstep</c>, name <c>gate</c> unless changed): its state, a one-line description and
/// the build it links to.
/// </summary>
public sealed record PullRequestStatus(PullRequestStatusState State, string Description, Uri? TargetUrl)
{
    public const string DefaultGenre = "lockstep";

    public const string DefaultName = "gate";

    public string Genre { get; init; } = DefaultGenre;

    public string Name { get; init; } = DefaultName;

    internal string StateName => State switch
    {
        PullRequestStatusState.Succeeded => "succeeded",
        PullRequestStatusState.Failed => "failed",
        _ => "error",
    };
}
