using System.Globalization;
using System.Text.Json;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Time;

namespace Lockstep.GitHub;

/// <summary>
/// A pull request's commits, for its lead time so far: the response of GitHub's
/// <c>GET /repos/{owner}/{repo}/pulls/{number}/commits</c> (for example saved with <c>gh api</c>), or a plain array
/// of <c>{sha, authored_at, committed_at}</c> as in the events contract.
/// </summary>
public static class PullRequestCommits
{
    public static IReadOnlyList<CommitRef> Parse(string json, string source)
    {
        var document = JsonPayload.Parse(json, source);
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InputException(source, null, "$", "expected an array of commits");
            }

            return document.RootElement.EnumerateArray().Select((item, i) => Commit(item, source, $"$[{i}]")).ToList();
        }
    }

    private static CommitRef Commit(JsonElement item, string source, string path)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("sha", out var sha) || sha.ValueKind != JsonValueKind.String)
        {
            throw new InputException(source, null, $"{path}.sha", "expected a commit with a sha");
        }

        // GitHub's shape nests the times under commit.author.date and commit.committer.date.
        if (item.TryGetProperty("commit", out var commit) && commit.ValueKind == JsonValueKind.Object)
        {
            return new CommitRef
            {
                Sha = sha.GetString()!,
                AuthoredAt = Time(commit, "author", source, $"{path}.commit.author.date"),
                CommittedAt = Time(commit, "committer", source, $"{path}.commit.committer.date"),
            };
        }

        return new CommitRef
        {
            Sha = sha.GetString()!,
            AuthoredAt = Time(item, "authored_at", source, $"{path}.authored_at"),
            CommittedAt = Time(item, "committed_at", source, $"{path}.committed_at"),
        };
    }

    private static DateTimeOffset? Time(JsonElement parent, string name, string source, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("date", out var date))
        {
            value = date;
        }

        return value.ValueKind == JsonValueKind.String
            && IsoTime.TryParse(value.GetString(), out var time)
            ? time.ToUniversalTime()
            : throw new InputException(source, null, path, value.ValueKind == JsonValueKind.String ? IsoTime.Problem(value.GetString()) : $"expected {IsoTime.Expected}");
    }
}
