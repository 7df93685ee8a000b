using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Lockstep.GitHub.Tests;

/// <summary>The check runs part of the stand-in GitHub: create, update and list a commit's, keeping what was sent.</summary>
internal sealed partial class FakeGitHub
{
    private readonly List<JsonObject> checkRuns = [];
    private readonly Queue<(int Status, string Body, bool AfterStoring)> checkRunFaults = new();

    /// <summary>Check runs created, each with its output as last updated and every annotation sent for it.</summary>
    public IReadOnlyList<StoredCheckRun> CheckRuns
    {
        get
        {
            lock (checkRuns)
            {
                return checkRuns.Select(run => new StoredCheckRun(
                    run["name"]!.GetValue<string>(),
                    run["head_sha"]!.GetValue<string>(),
                    run["conclusion"]?.GetValue<string>(),
                    run["output"]!["title"]!.GetValue<string>(),
                    run["output"]!["summary"]!.GetValue<string>(),
                    run["annotations_sent"]!.AsArray().Select(a => a!.AsObject()).ToList())).ToList();
            }
        }
    }

    /// <summary>
    /// The next check run create or update gets this answer instead of the normal one; with
    /// <paramref name="afterStoring"/>, a create is carried out first, as when GitHub stored it and the answer was lost.
    /// </summary>
    public void FailCheckRuns(int status, string body, bool afterStoring = false) => checkRunFaults.Enqueue((status, body, afterStoring));

    /// <summary>A check run left on the commit by an earlier run, as if created then.</summary>
    public void SeedCheckRun(string name, string headSha, string externalId, DateTimeOffset completedAt)
    {
        lock (checkRuns)
        {
            checkRuns.Add(Stored(4_000_000L + checkRuns.Count, new JsonObject
            {
                ["name"] = name,
                ["head_sha"] = headSha,
                ["status"] = "completed",
                ["conclusion"] = "success",
                ["external_id"] = externalId,
                ["completed_at"] = completedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["output"] = new JsonObject { ["title"] = "earlier", ["summary"] = "earlier" },
            }));
        }
    }

    private void MapCheckRuns()
    {
        server.Given(Request.Create().WithPath($"/api/v3/repos/{Owner}/{Repo}/check-runs").UsingPost())
            .RespondWith(Response.Create().WithCallback(CreateCheckRun));
        server.Given(Request.Create().WithPath(new RegexMatcher($@"^/api/v3/repos/{Owner}/{Repo}/check-runs/\d+$")).UsingPatch())
            .RespondWith(Response.Create().WithCallback(UpdateCheckRun));
        server.Given(Request.Create().WithPath(new RegexMatcher($@"^/api/v3/repos/{Owner}/{Repo}/commits/[0-9a-f]+/check-runs$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(ListCheckRuns));
    }

    private ResponseMessage CreateCheckRun(IRequestMessage request)
    {
        var sent = JsonNode.Parse(request.Body!)!.AsObject();
        if (checkRunFaults.TryDequeue(out var fault))
        {
            if (fault.AfterStoring)
            {
                lock (checkRuns)
                {
                    checkRuns.Add(Stored(4_000_000L + checkRuns.Count, sent));
                }
            }

            return Answer(fault.Status, fault.Body);
        }

        lock (checkRuns)
        {
            var run = Stored(4_000_000L + checkRuns.Count, sent);
            checkRuns.Add(run);
            return Answer(201, Visible(run));
        }
    }

    private JsonObject Stored(long id, JsonObject sent) => new()
    {
        ["id"] = id,
        ["name"] = sent["name"]!.GetValue<string>(),
        ["head_sha"] = sent["head_sha"]!.GetValue<string>(),
        ["status"] = sent["status"]?.GetValue<string>() ?? "queued",
        ["conclusion"] = sent["conclusion"]?.GetValue<string>(),
        ["external_id"] = sent["external_id"]?.GetValue<string>(),
        ["details_url"] = sent["details_url"]?.GetValue<string>(),
        ["completed_at"] = sent["completed_at"]?.GetValue<string>(),
        ["url"] = $"{server.Url}/api/v3/repos/{Owner}/{Repo}/check-runs/{id}",
        ["html_url"] = CheckRunUrl(id).AbsoluteUri,
        ["output"] = Output(sent["output"]!.AsObject()),
        ["annotations_sent"] = Annotations(sent["output"]!.AsObject()),
        ["pull_requests"] = new JsonArray(),
    };

    /// <summary>A commit's check runs, filtered by <c>check_name</c> as GitHub does.</summary>
    private ResponseMessage ListCheckRuns(IRequestMessage request)
    {
        var sha = request.Path.Split('/')[^2];
        var name = Parameters(request.RawQuery).GetValueOrDefault("check_name");
        lock (checkRuns)
        {
            var found = checkRuns
                .Where(r => r["head_sha"]!.GetValue<string>() == sha && (name is null || r["name"]!.GetValue<string>() == name))
                .Select(r => JsonNode.Parse(Visible(r))).ToArray();
            return Answer(200, new JsonObject { ["total_count"] = found.Length, ["check_runs"] = new JsonArray(found) }.ToJsonString());
        }
    }

    private ResponseMessage UpdateCheckRun(IRequestMessage request)
    {
        if (checkRunFaults.TryDequeue(out var fault))
        {
            return Answer(fault.Status, fault.Body);
        }

        var id = long.Parse(request.Path.Split('/')[^1], CultureInfo.InvariantCulture);
        var sent = JsonNode.Parse(request.Body!)!.AsObject();
        lock (checkRuns)
        {
            var run = checkRuns.Single(r => r["id"]!.GetValue<long>() == id);
            if (sent["output"] is JsonObject output)
            {
                run["output"] = Output(output);
                foreach (var annotation in Annotations(output))
                {
                    run["annotations_sent"]!.AsArray().Add(annotation!.DeepClone());
                }
            }

            return Answer(200, Visible(run));
        }
    }

    public static Uri CheckRunUrl(long id) => new($"https://github.example.com/{Owner}/{Repo}/runs/{id}");

    private static JsonObject Output(JsonObject sent) => new()
    {
        ["title"] = sent["title"]?.GetValue<string>(),
        ["summary"] = sent["summary"]?.GetValue<string>(),
        ["annotations_count"] = sent["annotations"]?.AsArray().Count ?? 0,
    };

    private static JsonArray Annotations(JsonObject output) =>
        output["annotations"] is JsonArray annotations ? (JsonArray)annotations.DeepClone() : [];

    private static string Visible(JsonObject run)
    {
        var copy = run.DeepClone().AsObject();
        copy.Remove("annotations_sent");
        return copy.ToJsonString();
    }
}

internal sealed record StoredCheckRun(string Name, string HeadSha, string? Conclusion, string Title, string Summary, IReadOnlyList<JsonObject> Annotations);
