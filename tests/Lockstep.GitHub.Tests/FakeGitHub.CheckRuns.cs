using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Lockstep.GitHub.Tests;

/// <summary>The check runs part of the stand-in GitHub: create and update, keeping what was sent.</summary>
internal sealed partial class FakeGitHub
{
    private readonly List<JsonObject> checkRuns = [];
    private readonly Queue<(int Status, string Body)> checkRunFaults = new();

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

    /// <summary>The next check run request gets this answer instead of the normal one.</summary>
    public void FailCheckRuns(int status, string body) => checkRunFaults.Enqueue((status, body));

    private void MapCheckRuns()
    {
        server.Given(Request.Create().WithPath($"/api/v3/repos/{Owner}/{Repo}/check-runs").UsingPost())
            .RespondWith(Response.Create().WithCallback(CreateCheckRun));
        server.Given(Request.Create().WithPath(new RegexMatcher($@"^/api/v3/repos/{Owner}/{Repo}/check-runs/\d+$")).UsingPatch())
            .RespondWith(Response.Create().WithCallback(UpdateCheckRun));
    }

    private ResponseMessage CreateCheckRun(IRequestMessage request)
    {
        if (checkRunFaults.TryDequeue(out var fault))
        {
            return Answer(fault.Status, fault.Body);
        }

        var sent = JsonNode.Parse(request.Body!)!.AsObject();
        lock (checkRuns)
        {
            var id = 4_000_000L + checkRuns.Count;
            var run = new JsonObject
            {
                ["id"] = id,
                ["name"] = sent["name"]!.GetValue<string>(),
                ["head_sha"] = sent["head_sha"]!.GetValue<string>(),
                ["status"] = sent["status"]?.GetValue<string>() ?? "queued",
                ["conclusion"] = sent["conclusion"]?.GetValue<string>(),
                ["external_id"] = sent["external_id"]?.GetValue<string>(),
                ["details_url"] = sent["details_url"]?.GetValue<string>(),
                ["url"] = $"{server.Url}/api/v3/repos/{Owner}/{Repo}/check-runs/{id}",
                ["html_url"] = CheckRunUrl(id).AbsoluteUri,
                ["output"] = Output(sent["output"]!.AsObject()),
                ["annotations_sent"] = Annotations(sent["output"]!.AsObject()),
                ["pull_requests"] = new JsonArray(),
            };
            checkRuns.Add(run);
            return Answer(201, Visible(run));
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
