using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lockstep.Http;

namespace Lockstep.AzureDevOps.Rest;

/// <summary>
/// The Azure DevOps REST API of one project over <see cref="HttpClient"/> with the shared retry stack
/// (<see cref="HttpResilience"/>: 429 waits <c>Retry-After</c>): typed JSON in and out, continuation-token paging, and every failure as an
/// <see cref="AzureDevOpsException"/> whose message names the permission the call needs. One request at a time.
/// </summary>
internal sealed class AzureDevOpsClient : IDisposable
{
    public const string ApiVersion = "7.1";

    /// <summary>Environments and their deployment records are only published as a preview (environments 7.2 OpenAPI).</summary>
    public const string EnvironmentsApiVersion = "7.2-preview.1";

    private const string ContinuationHeader = "x-ms-continuationtoken";

    private readonly HttpClient http;
    private readonly AzureDevOpsSettings settings;
    private readonly HttpResilience resilience;

    public AzureDevOpsClient(AzureDevOpsSettings settings, HttpMessageHandler? transport = null)
    {
        this.settings = settings;
        resilience = new HttpResilience(settings.Retry);
        http = new HttpClient(resilience.Handler(transport ?? new SocketsHttpHandler())) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = settings.Credential.Header;
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var version = typeof(AzureDevOpsClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Lockstep", version));
    }

    /// <summary>Requests sent (not counting retries).</summary>
    public int Requests { get; private set; }

    public AzureDevOpsSettings Settings => settings;

    /// <summary><c>{collection}{project}/_apis/{path}?{query}&amp;api-version=…</c>, values escaped, empty ones left out.</summary>
    public Uri Api(string path, IEnumerable<(string Name, string? Value)>? query = null, string apiVersion = ApiVersion)
    {
        var parts = (query ?? []).Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}")
            .Append($"api-version={apiVersion}");
        return new Uri(settings.CollectionUri, $"{Uri.EscapeDataString(settings.Project)}/_apis/{path}?{string.Join('&', parts)}");
    }

    /// <summary>The web address of a page of the project, such as a build's results.</summary>
    public Uri Web(string path) => new(settings.CollectionUri, $"{Uri.EscapeDataString(settings.Project)}/{path}");

    public async Task<T> GetAsync<T>(Uri uri, JsonTypeInfo<T> type, string permission, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Get, uri, null, type, permission, repeatable: true, ct).ConfigureAwait(false)).Body;

    public async Task<TResponse> SendAsync<TBody, TResponse>(
        HttpMethod method, Uri uri, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, string permission, bool repeatable, CancellationToken ct)
    {
        var content = new StringContent(JsonSerializer.Serialize(body, bodyType), Encoding.UTF8, "application/json");
        return (await SendAsync(method, uri, content, responseType, permission, repeatable, ct).ConfigureAwait(false)).Body;
    }

    /// <summary>Creates or edits a work item: a JSON Patch document, which Azure DevOps takes only as <c>application/json-patch+json</c>.</summary>
    public async Task<WorkItem> PatchWorkItemAsync(HttpMethod method, Uri uri, IReadOnlyList<JsonPatchOperation> operations, string permission, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(operations, AzureDevOpsJson.Default.IReadOnlyListJsonPatchOperation);
        var content = new StringContent(json, Encoding.UTF8, "application/json-patch+json");
        return (await SendAsync(method, uri, content, AzureDevOpsJson.Default.WorkItem, permission, repeatable: false, ct).ConfigureAwait(false)).Body;
    }

    /// <summary>
    /// Every item of a list, following <c>x-ms-continuationtoken</c> from page to page; <paramref name="enough"/>
    /// may stop early after a page (lists that come newest first).
    /// </summary>
    public async Task<List<T>> GetAllAsync<T>(
        Func<string?, Uri> page, JsonTypeInfo<ListOf<T>> type, string permission, CancellationToken ct, Func<IReadOnlyList<T>, bool>? enough = null)
    {
        var all = new List<T>();
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var (body, next) = await SendAsync(HttpMethod.Get, page(token), null, type, permission, repeatable: true, ct).ConfigureAwait(false);
            var items = body.Value ?? [];
            all.AddRange(items);
            if (enough?.Invoke(items) == true)
            {
                break;
            }

            // A token seen before would loop forever; Azure DevOps never sends one, but a proxy might.
            token = next is { Length: > 0 } && seen.Add(next) ? next : null;
        }
        while (token is not null);

        return all;
    }

    /// <summary>Runs an exchange that creates something again, after a backoff out of the run's budget, when the create may have been stored.</summary>
    public Task<T> RepeatAsync<T>(Func<Task<T>> exchange, CancellationToken ct) =>
        resilience.RepeatAsync(exchange, e => e is AzureDevOpsException { Failure: AzureDevOpsFailure.MayHaveFailed }, ct);

    public void Dispose() => http.Dispose();

    private async Task<(T Body, string? Continuation)> SendAsync<T>(
        HttpMethod method, Uri uri, HttpContent? content, JsonTypeInfo<T> type, string permission, bool repeatable, CancellationToken ct)
    {
        Requests++;
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Options.Set(HttpResilience.Repeatable, repeatable);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw Redacted(AzureDevOpsFault.FromException(e, RecordOf(request).Attempts, repeatable));
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || AzureDevOpsFault.IsSignInPage(response))
            {
                var record = RecordOf(request);
                throw Redacted(AzureDevOpsFault.FromResponse(response, text, permission, record.Attempts, record.RefusedWait, resilience.Policy));
            }

            var continuation = response.Headers.TryGetValues(ContinuationHeader, out var values) ? values.FirstOrDefault() : null;
            return (Parse(text, type, method, uri), continuation);
        }
    }

    private static ExchangeRecord RecordOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(HttpResilience.Record, out var record) ? record : new ExchangeRecord(1, null);

    private T Parse<T>(string text, JsonTypeInfo<T> type, HttpMethod method, Uri uri)
    {
        try
        {
            return JsonSerializer.Deserialize(text, type) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw Redacted(new AzureDevOpsException(
                $"Azure DevOps answered {method} {uri.AbsolutePath} with a body Lockstep cannot read ({e.Message.Split('.')[0]}).", AzureDevOpsFailure.Refused));
        }
    }

    private AzureDevOpsException Redacted(AzureDevOpsException e) =>
        new(settings.Credential.Redact(e.Message), e.Failure);
}
