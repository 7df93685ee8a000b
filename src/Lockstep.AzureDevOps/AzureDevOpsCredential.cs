using System.Net.Http.Headers;
using System.Text;

namespace Lockstep.AzureDevOps;

/// <summary>
/// A token for the Azure DevOps REST API: the job's <c>System.AccessToken</c> (a JSON Web Token, sent as a bearer
/// token) or a personal access token (sent as Basic with an empty user name). Printing it never shows the token.
/// </summary>
public sealed class AzureDevOpsCredential
{
    private AzureDevOpsCredential(string token, bool bearer)
    {
        Token = token;
        IsBearer = bearer;
    }

    /// <summary>The secret itself, for masking in the log and for redacting messages.</summary>
    public string Token { get; }

    public bool IsBearer { get; }

    public static AzureDevOpsCredential Bearer(string token) => new(Required(token), bearer: true);

    public static AzureDevOpsCredential PersonalAccessToken(string token) => new(Required(token), bearer: false);

    /// <summary>A job access token is a JWT (three dot-separated parts starting <c>eyJ</c>); anything else is taken as a PAT.</summary>
    public static AzureDevOpsCredential FromToken(string token) =>
        Required(token) is var value && value.StartsWith("eyJ", StringComparison.Ordinal) && value.Count(c => c == '.') == 2
            ? Bearer(value)
            : PersonalAccessToken(value);

    internal AuthenticationHeaderValue Header => IsBearer
        ? new AuthenticationHeaderValue("Bearer", Token)
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + Token)));

    /// <summary>Removes the token (and its Basic form) from a message that may echo it.</summary>
    public string Redact(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + Token));
        return message.Replace(Token, "***", StringComparison.Ordinal).Replace(basic, "***", StringComparison.Ordinal);
    }

    public override string ToString() => IsBearer ? "bearer token (***)" : "personal access token (***)";

    private static string Required(string token) =>
        string.IsNullOrWhiteSpace(token) ? throw new ArgumentException("the token is empty", nameof(token)) : token.Trim();
}
