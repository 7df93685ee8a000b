using System.Globalization;
using System.Text.Json;
using Lockstep.Core;

namespace Lockstep.GitHub;

/// <summary>
/// The pull request of a GitHub <c>pull_request</c> event payload (the file at <c>GITHUB_EVENT_PATH</c>): its number and
/// when it was opened. The payload does not carry the PR's commits.
/// </summary>
public sealed record PullRequestEvent(int Number, DateTimeOffset CreatedAt)
{
    public static PullRequestEvent Parse(string json, string source)
    {
        using var document = Document(json, source);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(source, null, "$", "expected a GitHub event payload object");
        }

        if (!root.TryGetProperty("pull_request", out var pr) || pr.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(source, null, "$.pull_request", "missing: expected a pull_request event payload (opened, synchronize, reopened …)");
        }

        if (!pr.TryGetProperty("number", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out var value))
        {
            throw new InputException(source, null, "$.pull_request.number", "expected an integer");
        }

        if (!pr.TryGetProperty("created_at", out var created) || created.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
        {
            throw new InputException(source, null, "$.pull_request.created_at", "expected an ISO 8601 timestamp");
        }

        return new PullRequestEvent(value, createdAt.ToUniversalTime());
    }

    private static JsonDocument Document(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var details = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            int? line = e.LineNumber is { } zeroBased ? (int)zeroBased + 1 : null;
            throw new InputException(source, line, null, $"invalid JSON: {(details >= 0 ? message[..details] : message).TrimEnd('.', ' ')}");
        }
    }
}
