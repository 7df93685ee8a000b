namespace Lockstep.GitHub;

/// <summary>
/// The delivery history could not be read from GitHub after the retries allowed. The message is one line, never
/// carries the token, and says what was not read.
/// </summary>
public sealed class GitHubSourceException : Exception
{
    public GitHubSourceException()
        : this("GitHub's delivery history could not be read")
    {
    }

    public GitHubSourceException(string message)
        : base(message)
    {
    }

    public GitHubSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
