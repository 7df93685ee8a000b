using System.Net;
using System.Text.Json;
using Lockstep.Http;

namespace Lockstep.AzureDevOps.Rest;

/// <summary>
/// Turns a final failed answer into one line that says what happened and what to do: a token that was not accepted
/// (401, or the 203 sign-in page Azure DevOps serves instead of data), a missing permission named as the settings
/// page names it, a missing resource, or throttling and server errors that outlasted the retries.
/// </summary>
internal static class AzureDevOpsFault
{
    public const string SignInHint =
        "the token was not accepted: pass the job's System.AccessToken (or a personal access token that has not expired) to the task";

    public static AzureDevOpsException FromResponse(
        HttpResponseMessage response, string body, string permission, int attempts, TimeSpan? refusedWait, HttpRetryPolicy policy)
    {
        var status = (int)response.StatusCode;
        if (IsSignInPage(response))
        {
            return new AzureDevOpsException($"Azure DevOps answered {status} with a sign-in page instead of data; {SignInHint}.", AzureDevOpsFailure.NotSignedIn);
        }

        var answer = $"Azure DevOps answered {status}{Detail(body)}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new($"{answer}; {SignInHint}.", AzureDevOpsFailure.NotSignedIn),
            HttpStatusCode.Forbidden => new($"{answer}; the build identity needs '{permission}'.", AzureDevOpsFailure.NotPermitted),
            HttpStatusCode.NotFound => new($"{answer}; check the collection address, project and ids, and that the identity can see them.", AzureDevOpsFailure.NotFound),
            _ when refusedWait is { } wait => new(
                $"{answer}; it asked to wait {HttpRetryPolicy.Describe(wait)} more, {policy.BeyondBudget}.", AzureDevOpsFailure.GaveUp),
            HttpStatusCode.TooManyRequests => new($"{answer}; still throttled after {attempts} attempts.", AzureDevOpsFailure.GaveUp),
            _ when status >= 500 && attempts > 1 => new($"{answer}; gave up after {attempts} attempts.", AzureDevOpsFailure.GaveUp),
            _ when status >= 500 => new($"{answer}; not repeated, since the request may have been carried out.", AzureDevOpsFailure.MayHaveFailed),
            _ => new($"{answer}.", AzureDevOpsFailure.Refused),
        };
    }

    public static AzureDevOpsException FromException(Exception exception, int attempts, bool repeatable) =>
        new(
            $"network failure ({exception.Message.TrimEnd('.', ' ')}){(attempts > 1 ? $"; gave up after {attempts} attempts" : string.Empty)}.",
            repeatable ? AzureDevOpsFailure.GaveUp : AzureDevOpsFailure.MayHaveFailed);

    /// <summary>A token Azure DevOps does not accept gets a 203 with its HTML sign-in page rather than a 401.</summary>
    public static bool IsSignInPage(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NonAuthoritativeInformation
        || (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType is "text/html");

    /// <summary>The <c>message</c> of Azure DevOps's error body, in parentheses, on one line.</summary>
    private static string Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return $" ({OneLine(message.GetString()!)})";
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's page or an empty body says nothing worth repeating.
        }

        return string.Empty;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.', ' ');
}
