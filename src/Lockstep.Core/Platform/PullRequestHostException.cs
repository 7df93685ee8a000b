namespace Lockstep.Core.Platform;

/// <summary>
/// The pull request host could not be reached or refused, after the retries allowed. The message is one line,
/// never carries a credential, and says what was not done; the gate's verdict does not depend on it.
/// </summary>
public class PullRequestHostException : Exception
{
    public PullRequestHostException()
        : this("the pull request host failed")
    {
    }

    public PullRequestHostException(string message)
        : base(message)
    {
    }

    public PullRequestHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
