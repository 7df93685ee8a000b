using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Lockstep.Http;
using Lockstep.Prometheus.Api;

namespace Lockstep.Prometheus;

/// <summary>
/// The Prometheus HTTP API's range query (<c>GET /api/v1/query_range</c>) over <see cref="HttpClient"/> with the
/// shared retry stack (<see cref="HttpResilience"/>: 5xx, timeouts and network failures retried, 429 waits
/// <c>Retry-After</c>). Every failure is one <see cref="PrometheusException"/> line naming the address, the status,
/// Prometheus' own <c>errorType</c> and <c>error</c>, and the query; header values never appear in it.
/// </summary>
public sealed class PrometheusClient : IDisposable
{
    private readonly HttpClient http;
    private readonly PrometheusSettings settings;

    public PrometheusClient(PrometheusSettings settings, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        var resilience = new HttpResilience(settings.Retry);
        http = new HttpClient(resilience.Handler(transport ?? new SocketsHttpHandler())) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var version = typeof(PrometheusClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Lockstep", version));
        foreach (var header in settings.Headers)
        {
            if (!http.DefaultRequestHeaders.TryAddWithoutValidation(header.Name, header.Value))
            {
                throw new ArgumentException($"prometheus header {header.Name} cannot be sent on a request", nameof(settings));
            }
        }
    }

    /// <summary>
    /// The series of <paramref name="query"/> evaluated at <paramref name="start"/>, start + step, … up to
    /// <paramref name="end"/>, as Prometheus answers them (a series without a value at a time has no point there).
    /// </summary>
    public async Task<IReadOnlyList<PrometheusSeries>> QueryRangeAsync(
        string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var uri = RangeUri(query, start, end, step);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var attempts = request.Options.TryGetValue(HttpResilience.Record, out var record) ? record.Attempts : 1;
            throw Failure($"no answer after {attempts} {(attempts == 1 ? "attempt" : "attempts")} ({OneLine(e.Message).TrimEnd('.')})", query, e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var body = Parse(text);
            var status = $"{(int)response.StatusCode}";
            if (body is { Status: "error" })
            {
                throw Failure($"{status} {body.ErrorType}: {OneLine(body.Error ?? "no error message")}", query);
            }

            if (!response.IsSuccessStatusCode || body is null)
            {
                throw Failure(body is null && response.IsSuccessStatusCode
                    ? $"{status} an answer that is not the HTTP API's JSON"
                    : $"{status} {response.ReasonPhrase}", query);
            }

            if (body.Data is not { ResultType: "matrix", Result: { } result })
            {
                throw Failure($"{status} a {body.Data?.ResultType ?? "missing"} result where a range query answers a matrix", query);
            }

            return [.. result.Select(s => new PrometheusSeries(s.Metric ?? new Dictionary<string, string>(), s.Values ?? []))];
        }
    }

    public void Dispose() => http.Dispose();

    internal Uri RangeUri(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step)
    {
        var parts = new[]
        {
            ("query", query),
            ("start", Seconds(start.ToUnixTimeMilliseconds())),
            ("end", Seconds(end.ToUnixTimeMilliseconds())),
            ("step", Seconds((long)step.TotalMilliseconds)),
        }.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}");
        var root = settings.Address.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{root}/api/v1/query_range?{string.Join('&', parts)}");
    }

    private static string Seconds(long milliseconds) => (milliseconds / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    private static QueryResponse? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, PrometheusJson.Default.QueryResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private PrometheusException Failure(string what, string query, Exception? inner = null)
    {
        var message = $"prometheus {settings.Shown}: {what} for query {OneLine(query)}";
        // The whole value, then its credential without the scheme ("Bearer <token>"), wherever it appears.
        foreach (var secret in settings.Headers.SelectMany(h => new[] { h.Value, h.Value[(h.Value.IndexOf(' ', StringComparison.Ordinal) + 1)..] }))
        {
            if (secret.Trim().Length > 0)
            {
                message = message.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return inner is null ? new PrometheusException(message) : new PrometheusException(message, inner);
    }
}
