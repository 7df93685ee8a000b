namespace Lockstep.AzureDevOps;

/// <summary>What kind of refusal or failure an Azure DevOps call ended with.</summary>
public enum AzureDevOpsFailure
{
    /// <summary>401, or a 203 sign-in page: the token was not accepted at all.</summary>
    NotSignedIn,

    /// <summary>403: the identity lacks a permission.</summary>
    NotPermitted,

    NotFound,

    /// <summary>Throttled or failing after the attempts or the wait budget allowed.</summary>
    GaveUp,

    /// <summary>A server error or network failure on a request that is not repeated blindly (creating a thread).</summary>
    MayHaveFailed,

    /// <summary>Any other answer, or a body that is not what the API describes.</summary>
    Refused,
}

/// <summary>
/// An Azure DevOps call that did not succeed. The message is one line, names the missing permission where that is
/// the cause, and never carries the token.
/// </summary>
public sealed class AzureDevOpsException : Exception
{
    public AzureDevOpsException()
        : this("Azure DevOps refused the request", AzureDevOpsFailure.Refused)
    {
    }

    public AzureDevOpsException(string message)
        : this(message, AzureDevOpsFailure.Refused)
    {
    }

    public AzureDevOpsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AzureDevOpsException(string message, AzureDevOpsFailure failure)
        : base(message)
    {
        Failure = failure;
    }

    public AzureDevOpsFailure Failure { get; } = AzureDevOpsFailure.Refused;
}
