using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lockstep.Tests.Shared;
using WireMock;
using WireMock.Matchers;
using WireMock.Server;

namespace Lockstep.AzureDevOps.Tests;

/// <summary>
/// A WireMock.Net server on loopback playing the parts of an Azure DevOps project an alert touches: WIQL (tag, type,
/// state and created-date conditions evaluated), work items read, created and edited with JSON Patch (history kept,
/// the closed date set when the state becomes Closed), pipelines listed with continuation tokens, runs queued; faults
/// queued per route.
/// </summary>
internal sealed partial class FakeAzureAlerts : IDisposable
{
    public const string Organization = "fabrikam";
    public const string Project = "Fabrikam-Fiber";
    public const int RetrainId = 17;

    /// <summary>The retraining pipeline, listed after 150 others, on the second page.</summary>
    public const string RetrainName = "retrain";

    private static readonly string Api = $"/{Organization}/{Project}/_apis";

    private readonly WireMockServer server;
    private readonly FaultedRoutes routes;
    private readonly List<JsonObject> workItems = [];
    private readonly List<JsonObject> runs = [];
    private readonly List<string> pipelines = [];
    private int nextId = 300;

    public FakeAzureAlerts()
    {
        server = LoopbackServer.Start();
        routes = new FaultedRoutes(server);
        for (var i = 0; i < 150; i++)
        {
            pipelines.Add($"pipeline-{i:D3}");
        }

        Route("wiql", "POST", new ExactMatcher($"{Api}/wit/wiql"), Wiql);
        Route("read", "GET", new ExactMatcher($"{Api}/wit/workitems"), Read);
        Route("create", "POST", new RegexMatcher($@"^{Api}/wit/workitems/(\$|%24)[^/]+$"), Create);
        Route("edit", "PATCH", new RegexMatcher($@"^{Api}/wit/workitems/\d+$"), Edit);
        Route("pipelines", "GET", new ExactMatcher($"{Api}/pipelines"), ListPipelines);
        Route("run", "POST", new RegexMatcher($@"^{Api}/pipelines/\d+/runs$"), QueueRun);
    }

    public Uri CollectionUri => new($"{server.Url}/{Organization}/");

    /// <summary>Work items as stored: id, fields, and the history comments added (<c>history</c>).</summary>
    public IReadOnlyList<JsonObject> WorkItems
    {
        get
        {
            lock (workItems)
            {
                return workItems.Select(w => w.DeepClone().AsObject()).ToList();
            }
        }
    }

    /// <summary>The bodies of the runs queued, with the pipeline id as <c>pipeline</c>.</summary>
    public IReadOnlyList<JsonObject> Runs
    {
        get
        {
            lock (runs)
            {
                return runs.Select(r => r.DeepClone().AsObject()).ToList();
            }
        }
    }

    /// <summary>Requests received, as <c>METHOD /path</c> without the collection and project.</summary>
    public IReadOnlyList<string> Requests =>
        server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => $"{e.RequestMessage.Method} {Uri.UnescapeDataString(e.RequestMessage.Path).Replace(Api, string.Empty, StringComparison.Ordinal)}").ToList();

    public IReadOnlyList<string> ApiVersions =>
        server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => LoopbackServer.Parameters(e.RequestMessage.RawQuery).GetValueOrDefault("api-version") ?? "(none)").ToList();


    public int Seed(string type, string description, string tags, string state = "Active")
    {
        lock (workItems)
        {
            var item = NewItem(type, "seeded", description, tags);
            item["fields"]!["System.State"] = state;
            workItems.Add(item);
            return item["id"]!.GetValue<int>();
        }
    }

    public void Fail(string route, int status, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        routes.Fail(route, status, body ?? $$"""{"$id":"1","message":"VS30063: fault {{status}}","typeKey":"Fault","errorCode":0,"eventId":0}""", headers);

    public void Dispose() => server.Dispose();

    private ResponseMessage Wiql(IRequestMessage request)
    {
        var query = JsonNode.Parse(request.Body!)!["query"]!.GetValue<string>();
        var tag = Condition(TagCondition(), query);
        var type = Condition(TypeCondition(), query);
        var notState = Condition(StateCondition(), query);
        var since = Condition(CreatedCondition(), query) is { } created ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        lock (workItems)
        {
            var ids = workItems
                .Where(w => tag is null || Field(w, "System.Tags").Split(';', StringSplitOptions.TrimEntries).Contains(tag, StringComparer.OrdinalIgnoreCase))
                .Where(w => type is null || string.Equals(Field(w, "System.WorkItemType"), type, StringComparison.OrdinalIgnoreCase))
                .Where(w => notState is null || !string.Equals(Field(w, "System.State"), notState, StringComparison.OrdinalIgnoreCase))
                .Where(w => since is null || DateTimeOffset.Parse(Field(w, "System.CreatedDate"), CultureInfo.InvariantCulture) >= since)
                .Select(w => (JsonNode?)new JsonObject { ["id"] = w["id"]!.GetValue<int>() })
                .ToArray();
            return LoopbackServer.Answer(200, new JsonObject { ["queryType"] = "flat", ["workItems"] = new JsonArray(ids) }.ToJsonString());
        }
    }

    private ResponseMessage Read(IRequestMessage request)
    {
        var parameters = LoopbackServer.Parameters(request.RawQuery);
        var ids = parameters["ids"].Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToHashSet();
        var fields = parameters.GetValueOrDefault("fields")?.Split(',');
        lock (workItems)
        {
            var value = workItems.Where(w => ids.Contains(w["id"]!.GetValue<int>())).Select(w => (JsonNode?)Visible(w, fields)).ToArray();
            return LoopbackServer.Answer(200, new JsonObject { ["count"] = value.Length, ["value"] = new JsonArray(value) }.ToJsonString());
        }
    }

    private ResponseMessage Create(IRequestMessage request)
    {
        if (PatchProblem(request) is { } problem)
        {
            return problem;
        }

        var type = Uri.UnescapeDataString(request.Path).Split('/')[^1].TrimStart('$');
        lock (workItems)
        {
            var item = NewItem(type, null, null, null);
            Apply(item, JsonNode.Parse(request.Body!)!.AsArray());
            workItems.Add(item);
            return LoopbackServer.Answer(200, Visible(item, null).ToJsonString());
        }
    }

    private ResponseMessage Edit(IRequestMessage request)
    {
        if (PatchProblem(request) is { } problem)
        {
            return problem;
        }

        var id = int.Parse(request.Path.Split('/')[^1], CultureInfo.InvariantCulture);
        lock (workItems)
        {
            if (workItems.FirstOrDefault(w => w["id"]!.GetValue<int>() == id) is not { } item)
            {
                return LoopbackServer.Answer(404, $$"""{"message":"TF401232: Work item {{id}} does not exist."}""");
            }

            Apply(item, JsonNode.Parse(request.Body!)!.AsArray());
            return LoopbackServer.Answer(200, Visible(item, null).ToJsonString());
        }
    }

    private ResponseMessage ListPipelines(IRequestMessage request)
    {
        var parameters = LoopbackServer.Parameters(request.RawQuery);
        var top = int.Parse(parameters.GetValueOrDefault("$top") ?? "50", CultureInfo.InvariantCulture);
        var from = int.Parse(parameters.GetValueOrDefault("continuationToken") ?? "0", CultureInfo.InvariantCulture);
        var all = pipelines.Select((name, i) => (Id: 1000 + i, Name: name)).Append((Id: RetrainId, Name: RetrainName)).ToList();
        var page = all.Skip(from).Take(top).Select(p => (JsonNode?)new JsonObject { ["id"] = p.Id, ["name"] = p.Name, ["folder"] = "\\", ["revision"] = 1 }).ToArray();
        var headers = from + top < all.Count
            ? new Dictionary<string, string> { ["x-ms-continuationtoken"] = (from + top).ToString(CultureInfo.InvariantCulture) }
            : null;
        return LoopbackServer.Answer(200, new JsonObject { ["count"] = page.Length, ["value"] = new JsonArray(page) }.ToJsonString(), headers: headers);
    }

    private ResponseMessage QueueRun(IRequestMessage request)
    {
        var pipeline = int.Parse(request.Path.Split('/')[^2], CultureInfo.InvariantCulture);
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        if (body["templateParameters"] is not JsonObject parameters || parameters.Any(p => p.Value?.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            return LoopbackServer.Answer(400, """{"message":"templateParameters must be strings"}""");
        }

        lock (runs)
        {
            body["pipeline"] = pipeline;
            runs.Add(body);
            var id = 4000 + runs.Count;
            return LoopbackServer.Answer(200, new JsonObject
            {
                ["id"] = id,
                ["name"] = $"20261205.{runs.Count}",
                ["state"] = "inProgress",
                ["_links"] = new JsonObject { ["web"] = new JsonObject { ["href"] = $"{server.Url}/{Organization}/{Project}/_build/results?buildId={id}" } },
            }.ToJsonString());
        }
    }

    private JsonObject NewItem(string type, string? title, string? description, string? tags)
    {
        var id = nextId++;
        var fields = new JsonObject
        {
            ["System.WorkItemType"] = type,
            ["System.State"] = "New",
            ["System.CreatedDate"] = "2026-12-05T06:00:00.000Z",
        };
        foreach (var (name, value) in new[] { ("System.Title", title), ("System.Description", description), ("System.Tags", tags) })
        {
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        return new JsonObject { ["id"] = id, ["fields"] = fields, ["history"] = new JsonArray() };
    }

    private static void Apply(JsonObject item, JsonArray operations)
    {
        foreach (var operation in operations.Select(o => o!.AsObject()))
        {
            var field = operation["path"]!.GetValue<string>()["/fields/".Length..];
            var value = operation["value"]!.GetValue<string>();
            if (field == "System.History")
            {
                item["history"]!.AsArray().Add(value);
                continue;
            }

            item["fields"]![field] = value;
            if (field == "System.State" && value == "Closed")
            {
                item["fields"]!["Microsoft.VSTS.Common.ClosedDate"] = "2026-12-05T08:00:00.000Z";
            }
        }
    }

    /// <summary>Azure DevOps takes work item edits only as a JSON Patch document of add/replace operations on fields.</summary>
    private static ResponseMessage? PatchProblem(IRequestMessage request)
    {
        var type = request.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (type is null || !type.StartsWith("application/json-patch+json", StringComparison.Ordinal))
        {
            return LoopbackServer.Answer(415, $$"""{"message":"VS403497: unsupported media type {{type}}"}""");
        }

        var operations = JsonNode.Parse(request.Body!) as JsonArray;
        return operations is not null && operations.All(o => o?["op"]?.GetValue<string>() is "add" or "replace" && o["path"]!.GetValue<string>().StartsWith("/fields/", StringComparison.Ordinal))
            ? null
            : LoopbackServer.Answer(400, """{"message":"expected a JSON Patch document of field operations"}""");
    }

    private static JsonObject Visible(JsonObject item, string[]? fields)
    {
        var all = item["fields"]!.AsObject();
        var shown = new JsonObject();
        foreach (var (name, value) in all.Where(f => fields is null || fields.Contains(f.Key)))
        {
            shown[name] = value?.DeepClone();
        }

        return new JsonObject { ["id"] = item["id"]!.GetValue<int>(), ["rev"] = 1, ["fields"] = shown };
    }

    private static string Field(JsonObject item, string name) => item["fields"]![name]?.GetValue<string>() ?? string.Empty;

    private static string? Condition(Regex pattern, string query) =>
        pattern.Match(query) is { Success: true } match ? match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal) : null;

    private void Route(string name, string method, IStringMatcher path, Func<IRequestMessage, ResponseMessage> answer) => routes.Map(name, method, path, answer);

    [GeneratedRegex(@"\[System\.Tags\] CONTAINS '((?:[^']|'')*)'")]
    private static partial Regex TagCondition();

    [GeneratedRegex(@"\[System\.WorkItemType\] = '((?:[^']|'')*)'")]
    private static partial Regex TypeCondition();

    [GeneratedRegex(@"\[System\.State\] <> '((?:[^']|'')*)'")]
    private static partial Regex StateCondition();

    [GeneratedRegex(@"\[System\.CreatedDate\] >= '((?:[^']|'')*)'")]
    private static partial Regex CreatedCondition();
}
