namespace Lockstep.Core.Platform;

/// <summary>
/// The token may read the pull request but not comment on it: on GitHub, a pull request from a fork runs with a
/// read-only token. Expected there, so callers may report it as a note rather than a failure.
/// </summary>
public sealed class CommentNotPermittedException : PullRequestHostException
{
    public CommentNotPermittedException()
        : this("the token may not comment on this pull request")
    {
    }

    public CommentNotPermittedException(string message)
        : base(message)
    {
    }

    public CommentNotPermittedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
