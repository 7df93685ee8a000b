using System.Diagnostics.CodeAnalysis;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// The REST calls the delivery source makes, through Octokit's <see cref="CachingHttpClient"/> (conditional requests
/// against the cache file), the shared retry stack and a <see cref="RequestCounter"/> under it (so retries count).
/// Listings are read a page at a time by their <c>Link</c> headers, so a caller can stop early.
/// </summary>
internal sealed class GitHubApi : IDisposable
{
    public const int PageSize = 100;

    // Octokit's serializer creates a listing's items and sets their properties by reflection: a type read through
    // these methods keeps its constructors and properties in a trimmed, ahead-of-time-compiled build.
    private const DynamicallyAccessedMemberTypes Deserialized = DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties;

    private readonly Connection connection;
    private readonly CachingHttpClient http;
    private readonly GitHubClient client;
    private readonly GitHubExchange exchange;
    private readonly string owner;
    private readonly string name;

    public GitHubApi(GitHubDeliverySettings settings, DeliveryCache cache)
    {
        Counter = new RequestCounter(settings.Progress) { InnerHandler = HttpMessageHandlerFactory.CreateDefault() };
        Store = new ResponseStore(cache.Responses, IsPolled);
        var resilience = GitHubClientFactory.Resilience(settings.Retry);
        http = new CachingHttpClient(GitHubClientFactory.Adapter(resilience, Counter), Store);
        connection = GitHubClientFactory.Connect(settings.ApiBaseAddress, settings.Token, http);
        client = new GitHubClient(connection);
        exchange = new GitHubExchange(resilience, settings.Token, GitHubAdvice.Deliveries);
        owner = settings.Owner;
        name = settings.Repository;
    }

    public RequestCounter Counter { get; }

    /// <summary><c>owner/name</c>, for messages.</summary>
    public string Repository => $"{owner}/{name}";

    public ResponseStore Store { get; }

    /// <summary>A route under the repository, its parts escaped.</summary>
    public Uri Route(params string[] parts) =>
        new($"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}/{string.Join('/', parts.Select(Uri.EscapeDataString))}", UriKind.Relative);

    /// <summary>A request as messages name it: <c>GET /repos/owner/name/…</c>.</summary>
    public string Request(params string[] parts) => $"GET /{Route(parts)}";

    /// <summary>One page of a listing whose body is a JSON array, and the next page's address if there is one.</summary>
    public Task<(IReadOnlyList<T> Items, Uri? Next)> PageAsync<[DynamicallyAccessedMembers(Deserialized)] T>(Uri address, IDictionary<string, string>? parameters, string what, CancellationToken ct) =>
        PageAsync<List<T>, T>(address, parameters, page => page, what, ct);

    /// <summary>One page of a listing whose items are wrapped in an object (workflow runs).</summary>
    public async Task<(IReadOnlyList<T> Items, Uri? Next)> PageAsync<[DynamicallyAccessedMembers(Deserialized)] TPage, T>(
        Uri address, IDictionary<string, string>? parameters, Func<TPage, IReadOnlyList<T>?> items, string what, CancellationToken ct)
    {
        var response = await exchange.RunAsync(what, () => connection.Get<TPage>(address, parameters ?? new Dictionary<string, string>(), null, ct), ct).ConfigureAwait(false);
        var next = response.HttpResponse.ApiInfo.Links.TryGetValue("next", out var link) ? link : null;
        return (response.Body is { } body ? items(body) ?? [] : [], next);
    }

    /// <summary>Every page of a listing, following <c>Link: rel="next"</c> to the end.</summary>
    public async Task<List<T>> AllAsync<[DynamicallyAccessedMembers(Deserialized)] T>(Uri address, IDictionary<string, string>? parameters, string what, CancellationToken ct)
    {
        var all = new List<T>();
        for (Uri? next = address; next is not null; parameters = null)
        {
            var (items, following) = await PageAsync<T>(next, parameters, what, ct).ConfigureAwait(false);
            all.AddRange(items);
            next = following;
        }

        return all;
    }

    public Task<IReadOnlyList<DeploymentStatus>> StatusesAsync(long deployment, CancellationToken ct) =>
        exchange.RunAsync($"statuses of deployment {deployment} not read", () => client.Repository.Deployment.Status.GetAll(owner, name, deployment, new ApiOptions { PageSize = PageSize }), ct);

    /// <summary>
    /// The commits of <c>base...head</c>: Octokit reads every page of the comparison by its <c>Link</c> headers.
    /// Null when GitHub does not know one of the SHAs (a commit force-pushed away).
    /// </summary>
    public Task<CompareResult?> CompareAsync(string @base, string head, CancellationToken ct) =>
        exchange.RunAsync(
            $"commits between {Short(@base)} and {Short(head)} not read",
            () => OrNullIfNotFound(() => client.Repository.Commit.Compare(owner, name, @base, head, new ApiOptions { PageSize = PageSize })),
            ct);

    /// <summary>One commit; null when GitHub does not know it.</summary>
    public Task<GitHubCommit?> CommitAsync(string sha, CancellationToken ct) =>
        exchange.RunAsync($"commit {Short(sha)} not read", () => OrNullIfNotFound(() => client.Repository.Commit.Get(owner, name, sha)), ct);

    /// <summary>The pull requests that contain a commit, merged or open; none when GitHub does not know the commit.</summary>
    public async Task<IReadOnlyList<CommitPullRequest>> PullRequestsOfAsync(string sha, CancellationToken ct) =>
        await exchange.RunAsync($"pull requests of commit {Short(sha)} not read", () => OrNullIfNotFound(() => client.Repository.Commit.PullRequests(owner, name, sha)), ct)
            .ConfigureAwait(false) ?? [];

    public Task<WorkflowRun> RunAsync(long id, CancellationToken ct) =>
        exchange.RunAsync($"workflow run {id} not read", () => client.Actions.Workflows.Runs.Get(owner, name, id), ct);

    public void Dispose() => http.Dispose();

    private static async Task<T?> OrNullIfNotFound<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    internal static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    // Listings and statuses change and are asked again on every run; comparisons, commits and pull requests do not,
    // and the source keeps what it needs of them as facts.
    private static bool IsPolled(Uri address)
    {
        var path = address.AbsolutePath.TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        return last is "deployments" or "statuses" or "issues" or "runs" || path.Contains("/actions/runs/", StringComparison.Ordinal);
    }
}
