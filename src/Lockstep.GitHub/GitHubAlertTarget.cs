namespace Lockstep.GitHub;

/// <summary>
/// Where <see cref="GitHubAlertSink"/> keeps its incidents and what it dispatches: the repository, the
/// <c>repository_dispatch</c> event type, and the issue labels, the first of which (the model lane's incident label)
/// is the one the open incident is looked for by.
/// </summary>
public sealed record GitHubAlertTarget(string Owner, string Repository, string EventType, IReadOnlyList<string> Labels)
{
    public override string ToString() => $"{Owner}/{Repository}";
}
