using System.Net;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// Octokit's <see cref="IResponseCache"/> over the cache file: <see cref="CachingHttpClient"/> sends the stored ETag
/// as <c>If-None-Match</c> and, on a 304, answers with what is stored here. Only polled requests are kept
/// (<paramref name="keep"/>): answers that never change are remembered as facts instead, without their bodies.
/// Answers not asked for again in a run are dropped when it ends, so the file does not grow.
/// </summary>
internal sealed class ResponseStore(Dictionary<string, StoredResponse> responses, Func<Uri, bool> keep) : IResponseCache
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public Task<CachedResponse.V1> GetAsync(IRequest request)
    {
        var key = Key(request);
        lock (responses)
        {
            if (!responses.TryGetValue(key, out var stored))
            {
                return Task.FromResult<CachedResponse.V1>(null!);
            }

            used.Add(key);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ETag"] = stored.ETag };
            if (stored.Link is { } link)
            {
                headers["Link"] = link;
            }

            var info = new ApiInfo(new Dictionary<string, Uri>(), [], [], stored.ETag, null);
            return Task.FromResult(new CachedResponse.V1(stored.Body, headers, info, HttpStatusCode.OK, stored.ContentType));
        }
    }

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        var key = Key(request);
        if (cachedResponse.Body is string body && Header(cachedResponse, "ETag") is { } etag && keep(Address(request)))
        {
            lock (responses)
            {
                responses[key] = new StoredResponse { ETag = etag, ContentType = cachedResponse.ContentType, Link = Header(cachedResponse, "Link"), Body = body };
                used.Add(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Drops the answers this run did not ask for, and those that will not be asked for again.</summary>
    public void DropUnused(Func<Uri, bool> askedAgain)
    {
        lock (responses)
        {
            foreach (var key in responses.Keys.Where(key => !used.Contains(key) || !askedAgain(new Uri(key[..key.IndexOf(' ', StringComparison.Ordinal)]))).ToList())
            {
                responses.Remove(key);
            }
        }
    }

    private static string? Header(CachedResponse.V1 response, string name) =>
        response.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static Uri Address(IRequest request) => new(request.BaseAddress, request.Endpoint);

    // The media type is part of the answer: the same address asked with another Accept is another answer.
    private static string Key(IRequest request) =>
        $"{Address(request).AbsoluteUri} {(request.Headers.TryGetValue("Accept", out var accept) ? accept : string.Empty)}";
}
