using Lockstep.Http;

namespace Lockstep.AzureDevOps;

/// <summary>
/// How to reach an Azure DevOps project: the collection address (<c>System.CollectionUri</c>, such as
/// <c>https://dev.azure.com/fabrikam/</c> or an Azure DevOps Server's <c>https://host/tfs/DefaultCollection/</c>),
/// the project, the credential and the retry policy. A class, not a record, so printing it never shows the token.
/// </summary>
public sealed class AzureDevOpsSettings
{
    private readonly Uri collectionUri = new("https://dev.azure.com/");

    /// <summary>Always ends with a slash, so routes resolve beneath it.</summary>
    public required Uri CollectionUri
    {
        get => collectionUri;
        init => collectionUri = value.AbsoluteUri.EndsWith('/') ? value : new Uri(value.AbsoluteUri + "/");
    }

    /// <summary>The project's name or id (<c>System.TeamProject</c>).</summary>
    public required string Project { get; init; }

    public required AzureDevOpsCredential Credential { get; init; }

    public HttpRetryPolicy Retry { get; init; } = new();
}
