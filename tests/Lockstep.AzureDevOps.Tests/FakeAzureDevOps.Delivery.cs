using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;

namespace Lockstep.AzureDevOps.Tests;

/// <summary>
/// The delivery side of the fake: environments and their deployment records (environments 7.2), build definitions,
/// builds and their changes (build 7.1), a pull request's commits (git 7.1), WIQL and work items (wit 7.1). Lists
/// come in pages of <see cref="PageSize"/> whatever <c>$top</c> asks, with <c>x-ms-continuationtoken</c> between
/// them, as Azure DevOps may do; the shapes follow the documented REST API 7.1.
/// </summary>
internal sealed partial class FakeAzureDevOps
{
    private const string Identity = """{"id":"d6245f20-2af8-44f4-9451-8107cb2767db","displayName":"Normal Paulk","uniqueName":"fabrikamfiber16@hotmail.com"}""";

    private readonly List<JsonObject> environments = [];
    private readonly List<JsonObject> records = [];
    private readonly List<JsonObject> definitions = [];
    private readonly List<JsonObject> builds = [];
    private readonly Dictionary<int, List<JsonObject>> changes = [];
    private readonly Dictionary<int, List<JsonObject>> pullRequestCommits = [];
    private readonly List<JsonObject> workItems = [];
    private readonly List<string> queries = [];

    /// <summary>Items per page of every list, whatever the request's <c>$top</c>.</summary>
    public int PageSize { get; set; } = 2;

    public IReadOnlyList<string> WiqlQueries => queries;

    public int AddEnvironment(string name)
    {
        var id = environments.Count + 1;
        environments.Add(new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["description"] = string.Empty,
            ["createdBy"] = JsonNode.Parse(Identity),
            ["createdOn"] = "2026-01-05T09:00:00Z",
            ["project"] = new JsonObject { ["id"] = "a7573007-bbb3-4341-b726-0c4148a07853", ["name"] = Project },
        });
        return id;
    }

    public void AddDeploymentRecord(int environmentId, int runId, string pipeline, string result, DateTimeOffset start, DateTimeOffset finish, int stageAttempt = 1)
    {
        records.Add(new JsonObject
        {
            ["id"] = records.Count + 1,
            ["environmentId"] = environmentId,
            ["serviceOwner"] = "00025394-6065-48ca-87d9-7f5672854ef7",
            ["scopeId"] = "a7573007-bbb3-4341-b726-0c4148a07853",
            ["resourceId"] = 0,
            ["planType"] = "Build",
            ["planId"] = Guid.NewGuid().ToString(),
            ["stageName"] = "Deploy",
            ["jobName"] = "DeployWeb",
            ["stageAttempt"] = stageAttempt,
            ["jobAttempt"] = 1,
            ["definition"] = new JsonObject { ["id"] = 12, ["name"] = pipeline },
            ["owner"] = new JsonObject { ["id"] = runId, ["name"] = $"20261125.{runId}" },
            ["result"] = result,
            ["queueTime"] = Time(start.AddSeconds(-30)),
            ["startTime"] = Time(start),
            ["finishTime"] = Time(finish),
        });
    }

    public int AddDefinition(string name)
    {
        var id = 100 + definitions.Count;
        definitions.Add(new JsonObject { ["id"] = id, ["name"] = name, ["path"] = "\\", ["type"] = "build", ["queueStatus"] = "enabled", ["revision"] = 3 });
        return id;
    }

    public void AddBuild(int id, int definitionId, string result, DateTimeOffset start, DateTimeOffset finish, string sha, string repositoryType = "TfsGit")
    {
        var definition = definitions.FirstOrDefault(d => d["id"]!.GetValue<int>() == definitionId)?["name"]?.GetValue<string>() ?? "deploy";
        builds.Add(new JsonObject
        {
            ["id"] = id,
            ["buildNumber"] = $"20261125.{id}",
            ["status"] = "completed",
            ["result"] = result,
            ["queueTime"] = Time(start.AddSeconds(-30)),
            ["startTime"] = Time(start),
            ["finishTime"] = Time(finish),
            ["sourceBranch"] = "refs/heads/main",
            ["sourceVersion"] = sha,
            ["reason"] = "individualCI",
            ["definition"] = new JsonObject { ["id"] = definitionId, ["name"] = definition, ["type"] = "build" },
            ["repository"] = new JsonObject { ["id"] = RepositoryId, ["type"] = repositoryType, ["name"] = "model-repo" },
            ["requestedFor"] = JsonNode.Parse(Identity),
        });
    }

    public void AddChange(int buildId, string sha, string message, DateTimeOffset timestamp)
    {
        if (!changes.TryGetValue(buildId, out var list))
        {
            changes[buildId] = list = [];
        }

        list.Add(new JsonObject
        {
            ["id"] = sha,
            ["message"] = message,
            ["type"] = "TfsGit",
            ["author"] = JsonNode.Parse(Identity),
            ["timestamp"] = Time(timestamp),
            ["location"] = $"{CollectionUri}_apis/git/repositories/{RepositoryId}/commits/{sha}",
            ["pusher"] = "fabrikamfiber16@hotmail.com",
        });
    }

    public void AddPullRequestCommit(int pullRequestId, string sha, DateTimeOffset authored, DateTimeOffset committed)
    {
        if (!pullRequestCommits.TryGetValue(pullRequestId, out var list))
        {
            pullRequestCommits[pullRequestId] = list = [];
        }

        list.Add(new JsonObject
        {
            ["commitId"] = sha,
            ["author"] = new JsonObject { ["name"] = "Normal Paulk", ["email"] = "fabrikamfiber16@hotmail.com", ["date"] = Time(authored) },
            ["committer"] = new JsonObject { ["name"] = "Normal Paulk", ["email"] = "fabrikamfiber16@hotmail.com", ["date"] = Time(committed) },
            ["comment"] = "Tune the threshold",
            ["url"] = $"{CollectionUri}_apis/git/repositories/{RepositoryId}/commits/{sha}",
        });
    }

    public void AddWorkItem(int id, string type, string tags, DateTimeOffset created, DateTimeOffset? resolved = null, DateTimeOffset? closed = null)
    {
        var fields = new JsonObject
        {
            ["System.AreaPath"] = Project,
            ["System.TeamProject"] = Project,
            ["System.WorkItemType"] = type,
            ["System.State"] = closed is null ? "Active" : "Closed",
            ["System.Title"] = $"Incident {id}",
            ["System.Tags"] = tags,
            ["System.CreatedDate"] = Time(created),
        };
        if (resolved is { } r)
        {
            fields["Microsoft.VSTS.Common.ResolvedDate"] = Time(r);
        }

        if (closed is { } c)
        {
            fields["Microsoft.VSTS.Common.ClosedDate"] = Time(c);
        }

        workItems.Add(new JsonObject { ["id"] = id, ["rev"] = 3, ["fields"] = fields, ["url"] = $"{CollectionUri}_apis/wit/workItems/{id}" });
    }

    private void RouteDelivery()
    {
        var api = $"/{Organization}/{Project}/_apis";
        Route("GET", api + "/pipelines/environments", request =>
            Page(request, environments.Where(e => Parameter(request, "name") is not { } name || string.Equals(e["name"]!.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))));
        Route("GET", new RegexMatcher($@"^{api}/pipelines/environments/\d+/environmentdeploymentrecords$"), request =>
        {
            var id = int.Parse(request.Path.Split('/')[^2], CultureInfo.InvariantCulture);
            return Page(request, records.Where(r => r["environmentId"]!.GetValue<int>() == id).OrderByDescending(r => r["id"]!.GetValue<int>()));
        });
        Route("GET", api + "/build/definitions", request =>
            Page(request, definitions.Where(d => Parameter(request, "name") is not { } name || string.Equals(d["name"]!.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))));
        Route("GET", api + "/build/builds", ListBuilds);
        Route("GET", new RegexMatcher($@"^{api}/build/builds/\d+/changes$"), request =>
            Page(request, changes.GetValueOrDefault(int.Parse(request.Path.Split('/')[^2], CultureInfo.InvariantCulture)) ?? []));
        Route("GET", new RegexMatcher($@"^{api}/git/repositories/{RepositoryId}/pullRequests/\d+/commits$"), request =>
            Page(request, pullRequestCommits.GetValueOrDefault(int.Parse(request.Path.Split('/')[^2], CultureInfo.InvariantCulture)) ?? []));
        Route("POST", api + "/wit/wiql", Wiql);
        Route("GET", api + "/wit/workitems", request =>
        {
            var ids = (Parameter(request, "ids") ?? string.Empty).Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToHashSet();
            var items = new JsonArray(workItems.Where(w => ids.Contains(w["id"]!.GetValue<int>())).Select(w => (JsonNode?)w.DeepClone()).ToArray());
            return Answer(200, new JsonObject { ["count"] = items.Count, ["value"] = items }.ToJsonString());
        });
    }

    private ResponseMessage ListBuilds(IRequestMessage request)
    {
        IEnumerable<JsonObject> selected = builds;
        if (Parameter(request, "buildIds") is { } ids)
        {
            var wanted = ids.Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToHashSet();
            selected = selected.Where(b => wanted.Contains(b["id"]!.GetValue<int>()));
        }

        if (Parameter(request, "definitions") is { } definition)
        {
            var id = int.Parse(definition, CultureInfo.InvariantCulture);
            selected = selected.Where(b => b["definition"]!["id"]!.GetValue<int>() == id);
        }

        if (Parameter(request, "minTime") is { } minTime)
        {
            var since = DateTimeOffset.Parse(minTime, CultureInfo.InvariantCulture);
            selected = selected.Where(b => DateTimeOffset.Parse(b["finishTime"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= since);
        }

        return Page(request, selected.OrderByDescending(b => b["finishTime"]!.GetValue<string>(), StringComparer.Ordinal));
    }

    private ResponseMessage Wiql(IRequestMessage request)
    {
        var query = JsonNode.Parse(request.Body!)!["query"]!.GetValue<string>();
        queries.Add(query);
        var tag = Regex.Match(query, @"\[System\.Tags\] CONTAINS '(?<tag>(?:[^']|'')*)'").Groups["tag"].Value.Replace("''", "'", StringComparison.Ordinal);
        var type = Regex.Match(query, @"\[System\.WorkItemType\] = '(?<type>(?:[^']|'')*)'") is { Success: true } m ? m.Groups["type"].Value : null;
        var found = workItems.Where(w =>
                w["fields"]!["System.Tags"]!.GetValue<string>().Split(';', StringSplitOptions.TrimEntries).Contains(tag, StringComparer.OrdinalIgnoreCase)
                && (type is null || w["fields"]!["System.WorkItemType"]!.GetValue<string>() == type))
            .Select(w => (JsonNode?)new JsonObject { ["id"] = w["id"]!.GetValue<int>(), ["url"] = w["url"]!.GetValue<string>() })
            .ToArray();
        return Answer(200, new JsonObject
        {
            ["queryType"] = "flat",
            ["queryResultType"] = "workItem",
            ["asOf"] = "2026-11-25T12:00:00Z",
            ["columns"] = new JsonArray(new JsonObject { ["referenceName"] = "System.Id", ["name"] = "ID" }),
            ["workItems"] = new JsonArray(found),
        }.ToJsonString());
    }

    /// <summary>One page of a list, from the offset in the continuation token, with the next token when more remain.</summary>
    private ResponseMessage Page(IRequestMessage request, IEnumerable<JsonObject> items)
    {
        var all = items.ToList();
        var offset = Parameter(request, "continuationToken") is { } token ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture) : 0;
        var page = new JsonArray(all.Skip(offset).Take(PageSize).Select(i => (JsonNode?)i.DeepClone()).ToArray());
        var headers = new Dictionary<string, string>();
        if (offset + PageSize < all.Count)
        {
            headers["x-ms-continuationtoken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + PageSize).ToString(CultureInfo.InvariantCulture)));
        }

        return Answer(200, new JsonObject { ["count"] = page.Count, ["value"] = page }.ToJsonString(), headers: headers);
    }

    private static string? Parameter(IRequestMessage request, string name) => Parameters(request.RawQuery).GetValueOrDefault(name);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
