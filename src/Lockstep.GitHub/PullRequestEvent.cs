using System.Globalization;
using System.Text.Json;
using Lockstep.Core;
using Lockstep.Core.Time;

namespace Lockstep.GitHub;

/// <summary>One side of a pull request: the branch and the commit it points at.</summary>
public sealed record PullRequestSide(string Ref, string Sha, string? Repository);

/// <summary>
/// The pull request of a GitHub <c>pull_request</c> event payload (the file at <c>GITHUB_EVENT_PATH</c>): its number,
/// when it was opened, and its head and base. The payload does not carry the PR's commits.
/// </summary>
public sealed record PullRequestEvent(int Number, DateTimeOffset CreatedAt)
{
    /// <summary>The PR's branch and newest commit: where a check run belongs (not GITHUB_SHA, a merge commit).</summary>
    public PullRequestSide? Head { get; init; }

    public PullRequestSide? Base { get; init; }

    /// <summary>The head lives in another repository: GitHub gives such a PR's workflow a read-only token.</summary>
    public bool IsFromFork =>
        Head?.Repository is { } head && Base?.Repository is { } target && !string.Equals(head, target, StringComparison.OrdinalIgnoreCase);

    public static PullRequestEvent Parse(string json, string source)
    {
        using var document = JsonPayload.Parse(json, source);
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
            || !IsoTime.TryParse(created.GetString(), out var createdAt))
        {
            throw new InputException(source, null, "$.pull_request.created_at", created.ValueKind == JsonValueKind.String ? IsoTime.Problem(created.GetString()) : $"expected {IsoTime.Expected}");
        }

        return new PullRequestEvent(value, createdAt.ToUniversalTime())
        {
            Head = Side(pr, "head"),
            Base = Side(pr, "base"),
        };
    }

    /// <summary>
    /// A side is optional: trimmed payloads leave it out, and only the check run needs it. One without a branch and a
    /// full commit SHA is treated as absent rather than guessed at.
    /// </summary>
    private static PullRequestSide? Side(JsonElement pr, string name)
    {
        if (!pr.TryGetProperty(name, out var side) || side.ValueKind != JsonValueKind.Object
            || Text(side, "ref") is not { } reference || Text(side, "sha") is not { Length: 40 } sha || !sha.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var repository = side.TryGetProperty("repo", out var repo) && repo.ValueKind == JsonValueKind.Object ? Text(repo, "full_name") : null;
        return new PullRequestSide(reference, sha, repository);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
