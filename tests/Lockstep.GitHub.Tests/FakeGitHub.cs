using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lockstep.Tests.Shared;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lockstep.GitHub.Tests;

/// <summary>
/// A WireMock.Net server on loopback playing the GitHub Enterprise REST API for one pull request's issue comments:
/// list (paginated with <c>Link</c> headers), create and update, with faults queued per method.
/// </summary>
internal sealed partial class FakeGitHub : IDisposable
{
    public const string Owner = "octo-org";
    public const string Repo = "model-repo";
    public const int Number = 7;
    public const string Bot = "github-actions[bot]";
    private const int RepositoryId = 1000;

    private static readonly string CommentTemplate = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "issue-comment.json"));

    private readonly WireMockServer server;
    private readonly List<StoredComment> comments = [];
    private readonly ConcurrentQueue<Fault> faults = new();
    private long nextId = 1_000_000;

    public FakeGitHub()
    {
        server = LoopbackServer.Start();
        var list = new RegexMatcher($@"^/api/v3/(repos/{Owner}/{Repo}|repositories/{RepositoryId})/issues/{Number}/comments$");
        server.Given(Request.Create().WithPath(list).UsingGet()).RespondWith(Response.Create().WithCallback(List));
        server.Given(Request.Create().WithPath($"/api/v3/repos/{Owner}/{Repo}/issues/{Number}/comments").UsingPost())
            .RespondWith(Response.Create().WithCallback(Create));
        server.Given(Request.Create().WithPath(new RegexMatcher($@"^/api/v3/repos/{Owner}/{Repo}/issues/comments/\d+$")).UsingPatch())
            .RespondWith(Response.Create().WithCallback(Update));
        MapCheckRuns();
    }

    /// <summary>The Enterprise-style API base address Octokit is pointed at.</summary>
    public Uri ApiBase => new($"{server.Url}/api/v3/");

    /// <summary>Comments left on the pull request, oldest first.</summary>
    public IReadOnlyList<StoredComment> Comments
    {
        get
        {
            lock (comments)
            {
                return [.. comments];
            }
        }
    }

    /// <summary>Requests received, as <c>METHOD /path?query</c>.</summary>
    public IReadOnlyList<string> Requests =>
        server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Path}{Query(e.RequestMessage.RawQuery)}").ToList();

    /// <summary>Compares the requests received as lines, so a failure shows them whole.</summary>
    public void AssertRequests(IReadOnlyList<string> expected) => LoopbackServer.AssertRequests(expected, Requests);

    /// <summary>The <c>body</c> sent with each create or update, in order.</summary>
    public IReadOnlyList<string> SentBodies =>
        server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Where(e => e.RequestMessage.Method is "POST" or "PATCH" && e.RequestMessage.Path.Contains("/comments", StringComparison.Ordinal))
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!["body"]!.GetValue<string>()).ToList();

    public IReadOnlyList<string> AuthorizationHeaders => LoopbackServer.AuthorizationHeaders(server);

    /// <summary>Removes the comment right after the next listing, as if someone deleted it while the run was deciding.</summary>
    public long? DeleteAfterNextListing { get; set; }

    public StoredComment Seed(string body, string login = Bot)
    {
        lock (comments)
        {
            var comment = new StoredComment(nextId++, body, login);
            comments.Add(comment);
            return comment;
        }
    }

    /// <summary>
    /// The next request with this method gets this answer instead of the normal one; with <paramref name="afterStoring"/>,
    /// a create is carried out first, as when GitHub stored it and the answer was lost.
    /// </summary>
    public void Fail(string method, int status, string? fixture = null, IReadOnlyDictionary<string, string>? headers = null, string? body = null, bool afterStoring = false) =>
        faults.Enqueue(new Fault(method, status, body ?? (fixture is null ? """{"message":"Server Error"}""" : ReadFixture(fixture)), headers ?? new Dictionary<string, string>(), afterStoring));

    public void Dispose() => server.Dispose();

    private ResponseMessage List(IRequestMessage request)
    {
        if (TakeFault("GET") is { } fault)
        {
            return fault;
        }

        var parameters = Parameters(request.RawQuery);
        var perPage = parameters.TryGetValue("per_page", out var size) ? int.Parse(size, CultureInfo.InvariantCulture) : 30;
        var page = parameters.TryGetValue("page", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1;
        var all = Comments;
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(Json).ToArray<JsonNode?>());
        var response = Answer(200, items.ToJsonString());
        if (last > 1)
        {
            response.AddHeader("Link", LinkHeader(page, last, perPage));
        }

        if (DeleteAfterNextListing is { } id)
        {
            DeleteAfterNextListing = null;
            lock (comments)
            {
                comments.RemoveAll(c => c.Id == id);
            }
        }

        return response;
    }

    private ResponseMessage Create(IRequestMessage request)
    {
        if (TakeFault("POST", out var stored) is { } fault)
        {
            if (stored)
            {
                Seed(BodyOf(request));
            }

            return fault;
        }

        var comment = Seed(BodyOf(request));
        return Answer(201, Json(comment).ToJsonString());
    }

    private ResponseMessage Update(IRequestMessage request)
    {
        if (TakeFault("PATCH") is { } fault)
        {
            return fault;
        }

        var id = long.Parse(request.Path.Split('/')[^1], CultureInfo.InvariantCulture);
        lock (comments)
        {
            var index = comments.FindIndex(c => c.Id == id);
            if (index < 0)
            {
                return Answer(404, ReadFixture("not-found.json"));
            }

            comments[index] = comments[index] with { Body = BodyOf(request) };
            return Answer(200, Json(comments[index]).ToJsonString());
        }
    }

    private ResponseMessage? TakeFault(string method) => TakeFault(method, out _);

    private ResponseMessage? TakeFault(string method, out bool afterStoring)
    {
        afterStoring = false;
        if (!faults.TryPeek(out var fault) || fault.Method != method || !faults.TryDequeue(out fault))
        {
            return null;
        }

        afterStoring = fault.AfterStoring;
        var response = Answer(fault.Status, fault.Body);
        foreach (var (name, value) in fault.Headers)
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    private JsonNode Json(StoredComment comment)
    {
        var node = JsonNode.Parse(CommentTemplate)!;
        var api = $"{server.Url}/api/v3/repos/{Owner}/{Repo}";
        node["id"] = comment.Id;
        node["node_id"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"IC_{comment.Id}"));
        node["url"] = $"{api}/issues/comments/{comment.Id}";
        node["html_url"] = HtmlUrl(comment.Id).AbsoluteUri;
        node["issue_url"] = $"{api}/issues/{Number}";
        node["body"] = comment.Body;
        node["user"]!["login"] = comment.Login;
        node["user"]!["type"] = comment.Login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User";
        node["reactions"]!["url"] = $"{api}/issues/comments/{comment.Id}/reactions";
        return node;
    }

    public static Uri HtmlUrl(long id) => new($"https://github.example.com/{Owner}/{Repo}/pull/{Number}#issuecomment-{id}");

    // GitHub's Link URLs name the repository by id (see the paginate-issues recording).
    private string LinkHeader(int page, int last, int perPage) =>
        LoopbackServer.Links(page, last, n => $"{server.Url}/api/v3/repositories/{RepositoryId}/issues/{Number}/comments?per_page={perPage}&page={n}");

    private static ResponseMessage Answer(int status, string json) => LoopbackServer.Answer(status, json);

    private static string BodyOf(IRequestMessage request) =>
        JsonNode.Parse(request.Body!)!["body"]!.GetValue<string>();

    private static Dictionary<string, string> Parameters(string? rawQuery) => LoopbackServer.Parameters(rawQuery);

    private static string Query(string? rawQuery) =>
        string.IsNullOrEmpty(rawQuery) ? string.Empty : rawQuery.StartsWith('?') ? rawQuery : "?" + rawQuery;

    private static string ReadFixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private sealed record Fault(string Method, int Status, string Body, IReadOnlyDictionary<string, string> Headers, bool AfterStoring);
}

internal sealed record StoredComment(long Id, string Body, string Login);
