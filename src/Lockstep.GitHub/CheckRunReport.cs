using Lockstep.Core.Platform;

namespace Lockstep.GitHub;

/// <summary>How a check run ends on GitHub: green, grey or red.</summary>
public enum CheckRunConclusion
{
    Success,
    Neutral,
    Failure,
}

/// <summary>
/// A completed check run on a commit: its name, conclusion, the report as its summary, and the annotations.
/// Annotations without a file are left out: GitHub attaches every check annotation to a file and line.
/// </summary>
public sealed record CheckRunReport(
    string Owner,
    string Repository,
    string HeadSha,
    string Name,
    CheckRunConclusion Conclusion,
    string Title,
    string Summary,
    IReadOnlyList<Annotation> Annotations)
{
    /// <summary>Ties the check run to the report id, as the comment's marker does.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Where "Details" links: the workflow run.</summary>
    public Uri? DetailsUrl { get; init; }
}
