using System.Globalization;
using System.Text.Json.Nodes;
using Lockstep.Tests.Shared;
using WireMock;
using WireMock.Matchers;
using WireMock.Server;

namespace Lockstep.GitHub.Tests;

/// <summary>
/// A WireMock.Net server on loopback playing the GitHub Enterprise REST API of one repository's issues and its
/// <c>repository_dispatch</c>: list (filtered by label and state, paginated with <c>Link</c> headers), create, edit,
/// comment, dispatch; faults queued per route.
/// </summary>
internal sealed class FakeGitHubIssues : IDisposable
{
    public const string Owner = "octo-org";
    public const string Repo = "model-repo";

    private static readonly string Repository = $"/api/v3/repos/{Owner}/{Repo}";

    private readonly WireMockServer server;
    private readonly FaultedRoutes routes;
    private readonly List<JsonObject> issues = [];
    private readonly List<JsonObject> dispatches = [];
    private int nextNumber = 100;

    public FakeGitHubIssues()
    {
        server = LoopbackServer.Start();
        routes = new FaultedRoutes(server);
        Route("list", "GET", new ExactMatcher($"{Repository}/issues"), List);
        Route("create", "POST", new ExactMatcher($"{Repository}/issues"), Create);
        Route("update", "PATCH", new RegexMatcher($@"^{Repository}/issues/\d+$"), Update);
        Route("comment", "POST", new RegexMatcher($@"^{Repository}/issues/\d+/comments$"), Comment);
        Route("dispatch", "POST", new ExactMatcher($"{Repository}/dispatches"), Dispatch);
    }

    public Uri ApiBase => new($"{server.Url}/api/v3/");

    /// <summary>Every issue, with its labels, state, state reason, body and the comments made on it.</summary>
    public IReadOnlyList<JsonObject> Issues
    {
        get
        {
            lock (issues)
            {
                return issues.Select(i => i.DeepClone().AsObject()).ToList();
            }
        }
    }

    /// <summary>The bodies of the <c>repository_dispatch</c> requests GitHub accepted.</summary>
    public IReadOnlyList<JsonObject> Dispatches
    {
        get
        {
            lock (dispatches)
            {
                return dispatches.Select(d => d.DeepClone().AsObject()).ToList();
            }
        }
    }

    /// <summary>Requests received, as <c>METHOD /path</c>.</summary>
    public IReadOnlyList<string> Requests =>
        server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Path}").ToList();

    /// <summary>An issue left by someone else or an earlier run.</summary>
    public int Seed(string title, string body, IEnumerable<string> labels, string state = "open", bool pullRequest = false)
    {
        lock (issues)
        {
            var issue = NewIssue(nextNumber++, title, body, labels, state);
            if (pullRequest)
            {
                issue["pull_request"] = new JsonObject { ["url"] = $"{server.Url}{Repository}/pulls/{issue["number"]}" };
            }

            issues.Add(issue);
            return issue["number"]!.GetValue<int>();
        }
    }

    /// <summary>The next request to this route (list, create, update, comment, dispatch) gets this answer; with <paramref name="afterStoring"/>, carried out first.</summary>
    public void Fail(string route, int status, string? body = null, IReadOnlyDictionary<string, string>? headers = null, bool afterStoring = false) =>
        routes.Fail(route, status, body ?? """{"message":"Server Error"}""", headers, afterStoring);

    public static string HtmlUrl(int number) => $"https://github.example.com/{Owner}/{Repo}/issues/{number}";

    public void Dispose() => server.Dispose();

    private ResponseMessage List(IRequestMessage request)
    {
        var parameters = LoopbackServer.Parameters(request.RawQuery);
        var perPage = parameters.TryGetValue("per_page", out var size) ? int.Parse(size, CultureInfo.InvariantCulture) : 30;
        var page = parameters.TryGetValue("page", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1;
        var state = parameters.GetValueOrDefault("state") ?? "open";
        var labels = (parameters.GetValueOrDefault("labels") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        List<JsonObject> matching;
        lock (issues)
        {
            matching = issues
                .Where(i => state == "all" || i["state"]!.GetValue<string>() == state)
                .Where(i => labels.All(l => i["labels"]!.AsArray().Any(x => string.Equals(x!["name"]!.GetValue<string>(), l, StringComparison.OrdinalIgnoreCase))))
                .ToList();
        }

        var last = Math.Max(1, (matching.Count + perPage - 1) / perPage);
        var items = new JsonArray(matching.Skip((page - 1) * perPage).Take(perPage).Select(i => (JsonNode?)Visible(i)).ToArray());
        var query = $"state={state}&labels={string.Join(',', labels)}&per_page={perPage}";
        var response = LoopbackServer.Answer(200, items.ToJsonString());
        if (last > 1)
        {
            response.AddHeader("Link", LoopbackServer.Links(page, last, n => $"{server.Url}{Repository}/issues?{query}&page={n}"));
        }

        return response;
    }

    private ResponseMessage Create(IRequestMessage request)
    {
        var sent = Body(request);
        lock (issues)
        {
            var labels = sent["labels"]?.AsArray().Select(l => l!.GetValue<string>()) ?? [];
            var issue = NewIssue(nextNumber++, sent["title"]!.GetValue<string>(), sent["body"]?.GetValue<string>() ?? string.Empty, labels, "open");
            issues.Add(issue);
            return LoopbackServer.Answer(201, Visible(issue).ToJsonString());
        }
    }

    private ResponseMessage Update(IRequestMessage request) => WithIssue(request.Path.Split('/')[^1], issue =>
    {
        var sent = Body(request);
        foreach (var key in new[] { "body", "title", "state", "state_reason" })
        {
            if (sent[key] is { } value)
            {
                issue[key] = value.DeepClone();
            }
        }

        if (sent["state"]?.GetValue<string>() == "closed")
        {
            issue["closed_at"] = "2026-12-05T07:00:00Z";
        }

        return LoopbackServer.Answer(200, Visible(issue).ToJsonString());
    });

    private ResponseMessage Comment(IRequestMessage request) => WithIssue(request.Path.Split('/')[^2], issue =>
    {
        var sent = Body(request);
        var comments = issue["comments_made"]!.AsArray();
        comments.Add(sent["body"]!.GetValue<string>());
        var id = 5_000_000 + comments.Count;
        return LoopbackServer.Answer(201, new JsonObject
        {
            ["id"] = id,
            ["body"] = sent["body"]!.GetValue<string>(),
            ["html_url"] = $"{issue["html_url"]!.GetValue<string>()}#issuecomment-{id}",
            ["user"] = new JsonObject { ["login"] = "github-actions[bot]", ["id"] = 41898282, ["type"] = "Bot" },
            ["created_at"] = "2026-12-05T06:00:00Z",
            ["updated_at"] = "2026-12-05T06:00:00Z",
        }.ToJsonString());
    });

    private ResponseMessage Dispatch(IRequestMessage request)
    {
        var type = request.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (type is null || !type.StartsWith("application/json", StringComparison.Ordinal))
        {
            return LoopbackServer.Answer(415, $$"""{"message":"Unsupported media type {{type}}"}""");
        }

        var sent = Body(request);
        if (sent["event_type"] is null)
        {
            return LoopbackServer.Answer(422, """{"message":"Invalid request.\n\n\"event_type\" wasn't supplied."}""");
        }

        lock (dispatches)
        {
            dispatches.Add(sent);
        }

        return LoopbackServer.Answer(204, string.Empty);
    }

    private ResponseMessage WithIssue(string number, Func<JsonObject, ResponseMessage> answer)
    {
        lock (issues)
        {
            var issue = issues.FirstOrDefault(i => i["number"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture) == number);
            return issue is null ? LoopbackServer.Answer(404, """{"message":"Not Found"}""") : answer(issue);
        }
    }

    private JsonObject NewIssue(int number, string title, string body, IEnumerable<string> labels, string state) => new()
    {
        ["id"] = 9_000_000 + number,
        ["number"] = number,
        ["title"] = title,
        ["body"] = body,
        ["state"] = state,
        ["state_reason"] = null,
        ["url"] = $"{server.Url}{Repository}/issues/{number}",
        ["html_url"] = HtmlUrl(number),
        ["labels"] = new JsonArray(labels.Select((l, i) => (JsonNode?)new JsonObject { ["id"] = 700 + i, ["name"] = l, ["color"] = "d73a4a" }).ToArray()),
        ["user"] = new JsonObject { ["login"] = "github-actions[bot]", ["id"] = 41898282, ["type"] = "Bot" },
        ["comments"] = 0,
        ["created_at"] = "2026-12-05T06:00:00Z",
        ["updated_at"] = "2026-12-05T06:00:00Z",
        ["closed_at"] = null,
        ["comments_made"] = new JsonArray(),
    };

    private static JsonObject Visible(JsonObject issue)
    {
        var copy = issue.DeepClone().AsObject();
        copy["comments"] = copy["comments_made"]!.AsArray().Count;
        copy.Remove("comments_made");
        return copy;
    }

    private static JsonObject Body(IRequestMessage request) => JsonNode.Parse(request.Body!)!.AsObject();

    private void Route(string name, string method, IStringMatcher path, Func<IRequestMessage, ResponseMessage> answer) => routes.Map(name, method, path, answer);
}
