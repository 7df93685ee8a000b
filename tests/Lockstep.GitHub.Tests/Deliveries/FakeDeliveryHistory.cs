using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lockstep.Tests.Shared;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;

namespace Lockstep.GitHub.Tests.Deliveries;

/// <summary>
/// A WireMock.Net server on loopback answering GitHub's REST API for one repository's delivery history
/// (<see cref="FakeRepository"/>): deployments and their statuses, compare, commits, a commit's pull requests, a pull
/// request's commits, issues, and workflow runs, in the payload shapes of GitHub's published webhook examples. Listings are paged
/// with <c>Link</c> headers (absolute <c>/repositories/{id}/…</c> URLs, as GitHub sends them); every answer carries
/// an ETag and the rate-limit headers, and a matching <c>If-None-Match</c> gets a 304. Faults can be queued.
/// </summary>
internal sealed partial class FakeDeliveryHistory : IDisposable
{
    public const string Owner = "octo-org";
    public const string Name = "model-repo";
    private const int RepositoryId = 1000;

    // Webhook payloads carry the REST objects' shapes; no published example records a REST commit, so that one is ours.
    private static readonly JsonNode DeploymentShape = WebhookExamples.Payload("deployment", "created", 2)["deployment"]!;
    private static readonly JsonNode StatusShape = WebhookExamples.Payload("deployment_status", "created", 2)["deployment_status"]!;
    private static readonly JsonNode PullShape = WebhookExamples.Payload("pull_request", "closed")["pull_request"]!;
    private static readonly JsonNode IssueShape = WebhookExamples.Payload("issues", "labeled")["issue"]!;
    private static readonly JsonNode RunShape = WebhookExamples.Payload("workflow_run", "completed", 1)["workflow_run"]!;
    private static readonly JsonNode CommitShape = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "commit.json")))!;

    private readonly WireMockServer server;
    private readonly ConcurrentQueue<Fault> faults = new();
    private readonly List<string> log = [];
    private readonly ConcurrentDictionary<string, string> omitted = new();
    private int notModified;
    private int remaining = 5000;

    public FakeDeliveryHistory(FakeRepository repository)
    {
        Repository = repository;
        server = LoopbackServer.Start();
        server.Given(Request.Create().WithPath(new RegexMatcher("^/api/v3/.*")).UsingGet()).RespondWith(Response.Create().WithCallback(Answer));
    }

    public FakeRepository Repository { get; }

    /// <summary>The Enterprise-style API base address Octokit is pointed at.</summary>
    public Uri ApiBase => new($"{server.Url}/api/v3/");

    /// <summary>Requests received, as <c>GET /path?query</c> after <c>/api/v3</c>, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    public int NotModified => Volatile.Read(ref notModified);

    /// <summary>The next request whose path contains <paramref name="pathPart"/> gets this answer instead.</summary>
    public void Fail(string pathPart, int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        faults.Enqueue(new Fault(pathPart, status, body, headers ?? new Dictionary<string, string>()));

    /// <summary>Answers whose path contains <paramref name="pathPart"/> leave out <paramref name="field"/> wherever it occurs.</summary>
    public void Omit(string pathPart, string field) => omitted[pathPart] = field;

    public void ClearRequests()
    {
        lock (log)
        {
            log.Clear();
        }

        Interlocked.Exchange(ref notModified, 0);
    }

    public void Dispose() => server.Dispose();

    private ResponseMessage Answer(IRequestMessage request)
    {
        var path = request.Path["/api/v3".Length..];
        var query = Parameters(request.RawQuery);
        lock (log)
        {
            log.Add($"GET {path}{(query.Count > 0 ? "?" + string.Join('&', query.Select(p => $"{p.Key}={p.Value}")) : string.Empty)}");
        }

        if (TakeFault(path) is { } fault)
        {
            return fault;
        }

        var repo = RepoPath().Match(path);
        if (!repo.Success)
        {
            return Json(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""");
        }

        var route = repo.Groups["rest"].Value;
        lock (Repository)
        {
            var (status, body, pageCount) = Route(route, query);
            body = WithoutOmitted(path, body);
            var response = Json(status, body);
            if (pageCount > 1)
            {
                response.AddHeader("Link", Link(route, query, pageCount));
            }

            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..32]}\"";
            response.AddHeader("ETag", etag);
            if (status == 200 && request.Headers?.TryGetValue("If-None-Match", out var tags) == true && tags.Contains(etag))
            {
                Interlocked.Increment(ref notModified);
                response = new ResponseMessage { StatusCode = 304, Headers = new Dictionary<string, WireMockList<string>>() };
                response.AddHeader("ETag", etag);
            }
            else
            {
                Interlocked.Decrement(ref remaining);
            }

            response.AddHeader("X-RateLimit-Limit", "5000");
            response.AddHeader("X-RateLimit-Remaining", Volatile.Read(ref remaining).ToString(CultureInfo.InvariantCulture));
            response.AddHeader("X-RateLimit-Reset", "1798761600");
            response.AddHeader("X-RateLimit-Resource", "core");
            return response;
        }
    }

    private string WithoutOmitted(string path, string body)
    {
        var fields = omitted.Where(o => path.Contains(o.Key, StringComparison.Ordinal)).Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        if (fields.Count == 0)
        {
            return body;
        }

        var node = JsonNode.Parse(body)!;
        Strip(node);
        return node.ToJsonString();

        void Strip(JsonNode? at)
        {
            switch (at)
            {
                case JsonObject item:
                    foreach (var field in fields)
                    {
                        item.Remove(field);
                    }

                    foreach (var (_, child) in item)
                    {
                        Strip(child);
                    }

                    break;
                case JsonArray items:
                    foreach (var child in items)
                    {
                        Strip(child);
                    }

                    break;
            }
        }
    }

    private (int Status, string Body, int Pages) Route(string route, Dictionary<string, string> query)
    {
        Match match;
        if (route == "deployments")
        {
            var environment = query.GetValueOrDefault("environment");
            var all = Repository.Deployments.Where(d => environment is null || d.Environment == environment).OrderByDescending(d => d.Id).Select(DeploymentJson);
            return Page(all, query);
        }

        if ((match = StatusesRoute().Match(route)).Success)
        {
            var deployment = Repository.Deployments.Single(d => d.Id == long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            return Page(deployment.Statuses.OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Select(s => StatusJson(deployment, s)), query);
        }

        if ((match = CompareRoute().Match(route)).Success)
        {
            return Compare(match.Groups["base"].Value, match.Groups["head"].Value, query);
        }

        if ((match = CommitPullsRoute().Match(route)).Success)
        {
            var sha = match.Groups[1].Value;
            return (200, new JsonArray(Repository.Pulls.Where(p => p.MergeCommitSha == sha).Select(PullJson).ToArray<JsonNode?>()).ToJsonString(), 1);
        }

        if ((match = CommitRoute().Match(route)).Success)
        {
            return Repository.Find(match.Groups[1].Value) is { } commit ? (200, CommitJson(commit).ToJsonString(), 1) : NotFound();
        }

        if ((match = PullCommitsRoute().Match(route)).Success)
        {
            var pull = Repository.Pulls.Single(p => p.Number == int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            return Page(pull.Commits.Select(CommitJson), query);
        }

        if (route == "issues")
        {
            return Issues(query);
        }

        if ((match = WorkflowRunsRoute().Match(route)).Success)
        {
            var runs = Repository.Runs.Where(r => r.Workflow == match.Groups[1].Value).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(RunJson).ToList();
            var (status, body, pages) = Page(runs, query);
            return (status, new JsonObject { ["total_count"] = runs.Count, ["workflow_runs"] = JsonNode.Parse(body) }.ToJsonString(), pages);
        }

        if ((match = RunRoute().Match(route)).Success)
        {
            return Repository.Runs.FirstOrDefault(r => r.Id == long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)) is { } run
                ? (200, RunJson(run).ToJsonString(), 1)
                : NotFound();
        }

        return NotFound();
    }

    private (int, string, int) Compare(string @base, string head, Dictionary<string, string> query)
    {
        var from = Repository.Main.FindIndex(c => c.Sha == @base);
        var to = Repository.Main.FindIndex(c => c.Sha == head);
        if (from < 0 || to < 0)
        {
            return NotFound();
        }

        var commits = to > from ? Repository.Main.GetRange(from + 1, to - from).Select(CommitJson).ToList() : [];
        var (_, page, pages) = Page(commits, query);
        var body = new JsonObject
        {
            ["url"] = $"https://api.github.com/repos/{Owner}/{Name}/compare/{@base}...{head}",
            ["status"] = to > from ? "ahead" : to == from ? "identical" : "behind",
            ["ahead_by"] = Math.Max(0, to - from),
            ["behind_by"] = Math.Max(0, from - to),
            ["total_commits"] = commits.Count,
            ["base_commit"] = CommitJson(Repository.Main[from]),
            ["merge_base_commit"] = CommitJson(Repository.Main[Math.Min(from, to)]),
            ["commits"] = JsonNode.Parse(page),
            ["files"] = new JsonArray(),
        };
        return (200, body.ToJsonString(), pages);
    }

    private (int, string, int) Issues(Dictionary<string, string> query)
    {
        var labels = query.GetValueOrDefault("labels")?.Split(',') ?? [];
        var since = query.TryGetValue("since", out var text) ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
        var issues = Repository.Issues
            .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)) && i.UpdatedAt >= since)
            .OrderBy(i => i.UpdatedAt)
            .Select(IssueJson);
        return Page(issues, query);
    }

    private static (int, string, int) Page(IEnumerable<JsonNode> items, Dictionary<string, string> query)
    {
        var all = items.ToList();
        var perPage = query.TryGetValue("per_page", out var size) ? int.Parse(size, CultureInfo.InvariantCulture) : 30;
        var page = query.TryGetValue("page", out var number) ? int.Parse(number, CultureInfo.InvariantCulture) : 1;
        var pages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        return (200, new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).ToArray<JsonNode?>()).ToJsonString(), pages);
    }

    private static (int, string, int) NotFound() => (404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""", 1);

    // GitHub's Link URLs name the repository by id and repeat the query with the page changed.
    private string Link(string route, Dictionary<string, string> query, int last)
    {
        var page = query.TryGetValue("page", out var number) ? int.Parse(number, CultureInfo.InvariantCulture) : 1;
        var rest = string.Join('&', query.Where(p => p.Key != "page").Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return LoopbackServer.Links(page, last, n => $"{server.Url}/api/v3/repositories/{RepositoryId}/{route}?{rest}{(rest.Length > 0 ? "&" : string.Empty)}page={n}");
    }

    private static JsonNode DeploymentJson(FakeDeployment deployment)
    {
        var node = DeploymentShape.DeepClone();
        var api = $"https://api.github.com/repos/{Owner}/{Name}";
        node["id"] = deployment.Id;
        node["url"] = $"{api}/deployments/{deployment.Id}";
        node["sha"] = deployment.Sha;
        node["ref"] = "main";
        node["environment"] = deployment.Environment;
        node["original_environment"] = deployment.Environment;
        node["payload"] = JsonNode.Parse(deployment.Payload);
        node["created_at"] = Iso(deployment.CreatedAt);
        node["updated_at"] = Iso(deployment.Statuses.Count > 0 ? deployment.Statuses.Max(s => s.At) : deployment.CreatedAt);
        node["statuses_url"] = $"{api}/deployments/{deployment.Id}/statuses";
        node["repository_url"] = api;
        return node;
    }

    private static JsonNode StatusJson(FakeDeployment deployment, FakeStatus status)
    {
        var node = StatusShape.DeepClone();
        var api = $"https://api.github.com/repos/{Owner}/{Name}";
        node["id"] = status.Id;
        node["url"] = $"{api}/deployments/{deployment.Id}/statuses/{status.Id}";
        node["state"] = status.State;
        node["environment"] = deployment.Environment;
        node["created_at"] = Iso(status.At);
        node["updated_at"] = Iso(status.At);
        node["deployment_url"] = $"{api}/deployments/{deployment.Id}";
        node["repository_url"] = api;
        return node;
    }

    private static JsonNode CommitJson(FakeCommit commit)
    {
        var node = CommitShape.DeepClone();
        var api = $"https://api.github.com/repos/{Owner}/{Name}";
        node["sha"] = commit.Sha;
        node["url"] = $"{api}/commits/{commit.Sha}";
        node["html_url"] = $"https://github.com/{Owner}/{Name}/commit/{commit.Sha}";
        node["commit"]!["author"]!["date"] = Iso(commit.AuthoredAt);
        node["commit"]!["committer"]!["date"] = Iso(commit.CommittedAt);
        node["commit"]!["message"] = commit.Message;
        node["parents"] = commit.Parent is { } parent ? new JsonArray(new JsonObject { ["url"] = $"{api}/commits/{parent}", ["sha"] = parent }) : new JsonArray();
        return node;
    }

    private static JsonNode PullJson(FakePull pull)
    {
        var node = PullShape.DeepClone();
        node["number"] = pull.Number;
        node["state"] = "closed";
        node["merged_at"] = Iso(pull.MergedAt);
        node["closed_at"] = Iso(pull.MergedAt);
        node["merge_commit_sha"] = pull.MergeCommitSha;
        return node;
    }

    private static JsonNode IssueJson(FakeIssue issue)
    {
        var node = IssueShape.DeepClone();
        var label = node["labels"]![0]!;
        node["number"] = issue.Number;
        node["id"] = 5_000_000 + issue.Number;
        node["labels"] = new JsonArray(issue.Labels.Select(name =>
        {
            var copy = label.DeepClone();
            copy["name"] = name;
            return copy;
        }).ToArray<JsonNode?>());
        node["state"] = issue.ClosedAt is null ? "open" : "closed";
        node["created_at"] = Iso(issue.CreatedAt);
        node["updated_at"] = Iso(issue.UpdatedAt);
        node["closed_at"] = issue.ClosedAt is { } closed ? Iso(closed) : null;
        if (issue.IsPullRequest)
        {
            node["pull_request"] = new JsonObject { ["url"] = $"https://api.github.com/repos/{Owner}/{Name}/pulls/{issue.Number}" };
        }

        return node;
    }

    private static JsonNode RunJson(FakeRun run)
    {
        var node = RunShape.DeepClone();
        node["id"] = run.Id;
        node["name"] = run.Workflow;
        node["path"] = $".github/workflows/{run.Workflow}";
        node["head_sha"] = run.HeadSha;
        node["status"] = run.Status;
        node["conclusion"] = run.Conclusion;
        node["created_at"] = Iso(run.CreatedAt);
        node["run_started_at"] = Iso(run.CreatedAt);
        node["updated_at"] = Iso(run.UpdatedAt);
        return node;
    }

    private ResponseMessage? TakeFault(string path)
    {
        if (!faults.TryPeek(out var fault) || !path.Contains(fault.PathPart, StringComparison.Ordinal) || !faults.TryDequeue(out fault))
        {
            return null;
        }

        var response = Json(fault.Status, fault.Body);
        foreach (var (name, value) in fault.Headers)
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    private static ResponseMessage Json(int status, string json) => LoopbackServer.Answer(status, json);

    private static Dictionary<string, string> Parameters(string? rawQuery) => LoopbackServer.Parameters(rawQuery);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex($@"^/(repos/{Owner}/{Name}|repositories/{RepositoryIdText})/(?<rest>.+)$")]
    private static partial Regex RepoPath();

    private const string RepositoryIdText = "1000";

    [GeneratedRegex(@"^deployments/(\d+)/statuses$")]
    private static partial Regex StatusesRoute();

    [GeneratedRegex(@"^compare/(?<base>[0-9a-f]+)\.\.\.(?<head>[0-9a-f]+)$")]
    private static partial Regex CompareRoute();

    [GeneratedRegex(@"^commits/([0-9a-f]+)/pulls$")]
    private static partial Regex CommitPullsRoute();

    [GeneratedRegex(@"^commits/([0-9a-f]+)$")]
    private static partial Regex CommitRoute();

    [GeneratedRegex(@"^pulls/(\d+)/commits$")]
    private static partial Regex PullCommitsRoute();

    [GeneratedRegex(@"^actions/workflows/([^/]+)/runs$")]
    private static partial Regex WorkflowRunsRoute();

    [GeneratedRegex(@"^actions/runs/(\d+)$")]
    private static partial Regex RunRoute();

    private sealed record Fault(string PathPart, int Status, string Body, IReadOnlyDictionary<string, string> Headers);
}
