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

namespace Lockstep.AzureDevOps.Tests;

/// <summary>
/// A WireMock.Net server on loopback playing an Azure DevOps collection: one pull request's comment threads (seeded
/// with others' threads from Answers/pull-request-threads.json), thread comment edits, thread status, pull request
/// statuses and the pull request itself, with faults queued per method. The delivery routes are in the other part.
/// </summary>
internal sealed partial class FakeAzureDevOps : IDisposable
{
    public const string Organization = "fabrikam";
    public const string Project = "Fabrikam-Fiber";
    public const string RepositoryId = "3411ebc1-d5aa-464f-9615-0b527bc66719";
    public const int PullRequestId = 22;

    private static readonly string PullRequestPath = $"/{Organization}/{Project}/_apis/git/repositories/{RepositoryId}/pullRequests/{PullRequestId}";

    private readonly WireMockServer server;
    private readonly List<JsonObject> threads = [];
    private readonly List<JsonObject> statuses = [];
    private readonly ConcurrentQueue<Fault> faults = new();
    private long nextThreadId = 200;

    public FakeAzureDevOps()
    {
        server = LoopbackServer.Start();
        foreach (var thread in AzureAnswers.Read("pull-request-threads.json")["value"]!.AsArray())
        {
            threads.Add(thread!.AsObject());
        }

        Route("GET", PullRequestPath + "/threads", ListThreads);
        Route("POST", PullRequestPath + "/threads", CreateThread);
        Route("PATCH", new RegexMatcher($@"^{PullRequestPath}/threads/\d+/comments/\d+$"), EditComment);
        Route("PATCH", new RegexMatcher($@"^{PullRequestPath}/threads/\d+$"), EditThread);
        Route("POST", PullRequestPath + "/statuses", PostStatus);
        Route("GET", PullRequestPath, _ => Answer(200, AzureAnswers.Read("pull-request.json").ToJsonString()));
        RouteDelivery();
    }

    /// <summary>The collection address, as in <c>System.CollectionUri</c>.</summary>
    public Uri CollectionUri => new($"{server.Url}/{Organization}/");

    /// <summary>Lockstep's threads: those whose first comment starts with the report marker.</summary>
    public IReadOnlyList<StoredThread> LockstepThreads => Threads.Where(t => t.Content.StartsWith("<!-- lockstep:report", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<StoredThread> Threads
    {
        get
        {
            lock (threads)
            {
                return threads.Select(t => new StoredThread(
                    t["id"]!.GetValue<long>(),
                    t["status"]?.GetValue<string>(),
                    t["comments"]![0]!["content"]?.GetValue<string>() ?? string.Empty,
                    t["comments"]!.AsArray().Count)).ToList();
            }
        }
    }

    /// <summary>The bodies of the pull request statuses posted, in order.</summary>
    public IReadOnlyList<JsonObject> Statuses
    {
        get
        {
            lock (statuses)
            {
                return [.. statuses];
            }
        }
    }

    /// <summary>Requests received, as <c>METHOD /path?query</c>, without the api-version parameter.</summary>
    public IReadOnlyList<string> Requests =>
        server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => $"{e.RequestMessage.Method} {Uri.UnescapeDataString(e.RequestMessage.Path)}{Query(e.RequestMessage.RawQuery)}").ToList();

    public IReadOnlyList<string> ApiVersions =>
        server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => Parameters(e.RequestMessage.RawQuery).GetValueOrDefault("api-version") ?? "(none)").ToList();

    public IReadOnlyList<string> AuthorizationHeaders => LoopbackServer.AuthorizationHeaders(server);

    public void AssertRequests(IReadOnlyList<string> expected) => LoopbackServer.AssertRequests(expected, Requests);

    /// <summary>Adds a thread whose first comment has this content, as an earlier run (or a person) would have left it.</summary>
    public long SeedThread(string content, string status = "active")
    {
        lock (threads)
        {
            var thread = NewThreadJson(nextThreadId++, content, status);
            threads.Add(thread);
            return thread["id"]!.GetValue<long>();
        }
    }

    public void DeleteThread(long id)
    {
        lock (threads)
        {
            threads.RemoveAll(t => t["id"]!.GetValue<long>() == id);
        }
    }

    public void SetThreadStatus(long id, string status)
    {
        lock (threads)
        {
            threads.Single(t => t["id"]!.GetValue<long>() == id)["status"] = status;
        }
    }

    /// <summary>The next request with this method gets this answer instead of the normal one.</summary>
    /// <remarks>With <paramref name="afterStoring"/>, the request is carried out first, as when the answer was lost after the server stored it.</remarks>
    public void Fail(string method, int status, string? body = null, IReadOnlyDictionary<string, string>? headers = null, string contentType = "application/json; charset=utf-8", bool afterStoring = false) =>
        faults.Enqueue(new Fault(method, status, body ?? $$"""{"$id":"1","message":"VS30063: fault {{status}}","typeKey":"Fault","errorCode":0,"eventId":0}""", headers ?? new Dictionary<string, string>(), contentType, afterStoring));

    public void Dispose() => server.Dispose();

    private ResponseMessage ListThreads(IRequestMessage request)
    {
        lock (threads)
        {
            var value = new JsonArray(threads.Select(t => (JsonNode?)t.DeepClone()).ToArray());
            return Answer(200, new JsonObject { ["value"] = value, ["count"] = value.Count }.ToJsonString());
        }
    }

    private ResponseMessage CreateThread(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body!)!;
        var comment = body["comments"]![0]!;
        if (comment["parentCommentId"]!.GetValue<int>() != 0 || CommentType(comment["commentType"]!) != "text")
        {
            return Answer(400, """{"message":"expected a text comment without a parent"}""");
        }

        lock (threads)
        {
            var thread = NewThreadJson(nextThreadId++, comment["content"]!.GetValue<string>(), ThreadStatus(body["status"]!));
            threads.Add(thread);
            return Answer(200, thread.ToJsonString());
        }
    }

    private ResponseMessage EditComment(IRequestMessage request)
    {
        var segments = request.Path.Split('/');
        var threadId = long.Parse(segments[^3], CultureInfo.InvariantCulture);
        var commentId = long.Parse(segments[^1], CultureInfo.InvariantCulture);
        lock (threads)
        {
            var comment = threads.FirstOrDefault(t => t["id"]!.GetValue<long>() == threadId)?["comments"]!.AsArray()
                .FirstOrDefault(c => c!["id"]!.GetValue<long>() == commentId);
            if (comment is null)
            {
                return Answer(404, $$"""{"message":"TF401181: The comment {{commentId}} could not be found."}""");
            }

            comment["content"] = JsonNode.Parse(request.Body!)!["content"]!.GetValue<string>();
            comment["lastUpdatedDate"] = "2026-11-25T10:00:00Z";
            return Answer(200, comment.ToJsonString());
        }
    }

    private ResponseMessage EditThread(IRequestMessage request)
    {
        var threadId = long.Parse(request.Path.Split('/')[^1], CultureInfo.InvariantCulture);
        lock (threads)
        {
            var thread = threads.FirstOrDefault(t => t["id"]!.GetValue<long>() == threadId);
            if (thread is null)
            {
                return Answer(404, $$"""{"message":"TF401180: The thread {{threadId}} could not be found."}""");
            }

            thread["status"] = ThreadStatus(JsonNode.Parse(request.Body!)!["status"]!);
            return Answer(200, thread.ToJsonString());
        }
    }

    private ResponseMessage PostStatus(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        var reply = AzureAnswers.Read("pull-request-status.json").AsObject();
        lock (statuses)
        {
            statuses.Add(body);
            reply["id"] = statuses.Count;
        }

        reply["state"] = body["state"]!.DeepClone();
        reply["description"] = body["description"]!.DeepClone();
        reply["context"] = body["context"]!.DeepClone();
        reply["targetUrl"] = body["targetUrl"]?.DeepClone();
        return Answer(200, reply.ToJsonString());
    }

    /// <summary>A thread as Answers/pull-request-thread.json answers a create, with this id, content and status.</summary>
    private JsonObject NewThreadJson(long id, string content, string status)
    {
        var thread = AzureAnswers.Read("pull-request-thread.json").AsObject();
        thread["id"] = id;
        thread["status"] = status;
        thread["comments"]![0]!["content"] = content;
        thread["comments"]![0]!["author"]!["displayName"] = $"{Project} Build Service ({Organization})";
        thread["_links"]!["self"]!["href"] = $"{server.Url}{PullRequestPath}/threads/{id}";
        return thread;
    }

    // Azure DevOps accepts enums as numbers (status 1, commentType 1) or names; Lockstep sends names.
    private static string ThreadStatus(JsonNode node) => node.GetValueKind() == System.Text.Json.JsonValueKind.Number
        ? node.GetValue<int>() switch { 1 => "active", 2 => "fixed", 4 => "closed", var n => n.ToString(CultureInfo.InvariantCulture) }
        : node.GetValue<string>();

    private static string CommentType(JsonNode node) => node.GetValueKind() == System.Text.Json.JsonValueKind.Number
        ? node.GetValue<int>() == 1 ? "text" : "other"
        : node.GetValue<string>();

    private void Route(string method, string path, Func<IRequestMessage, ResponseMessage> answer) =>
        Route(method, new ExactMatcher(path), answer);

    private void Route(string method, IStringMatcher path, Func<IRequestMessage, ResponseMessage> answer) =>
        server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithCallback(request => Answer(request, answer)));

    private ResponseMessage Answer(IRequestMessage request, Func<IRequestMessage, ResponseMessage> answer)
    {
        if (!faults.TryPeek(out var fault) || fault.Method != request.Method || !faults.TryDequeue(out fault))
        {
            return answer(request);
        }

        if (fault.AfterStoring)
        {
            answer(request);
        }

        var response = Answer(fault.Status, fault.Body, fault.ContentType);
        foreach (var (name, value) in fault.Headers)
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    private static ResponseMessage Answer(int status, string body, string contentType = "application/json; charset=utf-8", IReadOnlyDictionary<string, string>? headers = null) =>
        LoopbackServer.Answer(status, body, contentType, headers);

    private static Dictionary<string, string> Parameters(string? rawQuery) =>
        (rawQuery ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : string.Empty);

    private static string Query(string? rawQuery)
    {
        var kept = Parameters(rawQuery).Where(p => p.Key != "api-version").Select(p => $"{p.Key}={p.Value}").ToList();
        return kept.Count == 0 ? string.Empty : "?" + string.Join('&', kept);
    }

    private sealed record Fault(string Method, int Status, string Body, IReadOnlyDictionary<string, string> Headers, string ContentType, bool AfterStoring);
}

internal sealed record StoredThread(long Id, string? Status, string Content, int Comments);
