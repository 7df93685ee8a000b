namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// What a GitHub deployment's statuses say in the events contract's terms. GitHub has no "rolled back" state, so:
/// a deployment that reached <c>success</c> is a success, finished at its first success, and rolled back if a
/// <c>failure</c> or <c>error</c> came after it; one that failed or errored without ever succeeding is a failure,
/// finished at that status; anything else (<c>pending</c>, <c>queued</c>, <c>in_progress</c>, only
/// <c>inactive</c>) has not finished. <c>inactive</c> is what GitHub sets when a newer deployment replaces one, and
/// changes nothing here.
/// </summary>
internal static class DeploymentOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string RolledBack = "rolled_back";

    /// <param name="statuses">The statuses' states and times, in any order.</param>
    public static (string? Status, DateTimeOffset? FinishedAt) From(IEnumerable<(string State, DateTimeOffset At, long Id)> statuses)
    {
        DateTimeOffset? reached = null;
        DateTimeOffset? failed = null;
        foreach (var (state, at, _) in statuses.OrderBy(s => s.At).ThenBy(s => s.Id))
        {
            switch (state.ToLowerInvariant())
            {
                case "success":
                    reached ??= at;
                    break;
                case "failure" or "error":
                    failed ??= at;
                    if (reached is not null)
                    {
                        return (RolledBack, reached);
                    }

                    break;
            }
        }

        return reached is { } time ? (Success, time) : failed is { } end ? (Failure, end) : (null, null);
    }

    /// <summary>Whether the deployment reached its environment: the ones the next deployment's commits are counted from.</summary>
    public static bool Reached(string? status) => status is Success or RolledBack;
}
