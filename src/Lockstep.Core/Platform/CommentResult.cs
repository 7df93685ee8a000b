namespace Lockstep.Core.Platform;

public enum CommentOutcome
{
    Created,
    Updated,

    /// <summary>The comment already showed this report; nothing was sent.</summary>
    Unchanged,

    /// <summary>The mode asked for no comment; nothing was sent.</summary>
    Skipped,
}

/// <summary>What became of the report's comment, and where it is (none when skipped).</summary>
public sealed record CommentResult(CommentOutcome Outcome, Uri? Url);
