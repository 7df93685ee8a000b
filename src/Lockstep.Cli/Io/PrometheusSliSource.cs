using Lockstep.Core;
using Lockstep.Core.Slo;
using Lockstep.Prometheus;

namespace Lockstep.Cli.Io;

/// <summary>
/// The <c>prometheus</c> SLI source of <c>lockstep budget</c>: the good and total events of every 5 minutes, read from the
/// Prometheus HTTP API (see <see cref="Lockstep.Prometheus.PrometheusSli"/>). The address is the SLO's <c>url</c>, else
/// <c>LOCKSTEP_PROMETHEUS_URL</c>; a header value written <c>$NAME</c> or <c>${NAME}</c> is read from the environment, so
/// no token sits in the policy.
/// </summary>
internal sealed class PrometheusSliSource(CliContext context) : ISliSource
{
    /// <summary>The step of the range queries: the shortest burn-rate window, so every lookback is whole steps.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    public const string AddressVariable = "LOCKSTEP_PROMETHEUS_URL";

    public bool Reads(SliSpec spec) => spec is Core.Slo.PrometheusSli;

    public async Task<IReadOnlyList<SliSample>> ReadAsync(SloDefinition slo, DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var spec = (Core.Slo.PrometheusSli)slo.Sli;
        var field = $"slos[{slo.Id}].sli";
        var address = spec.Url ?? context.Variable(AddressVariable)
            ?? throw new InputException("prometheus", null, field + ".url", $"no Prometheus address: give url: in the SLO or set {AddressVariable}");
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InputException("prometheus", null, field + ".url", $"'{address}' is not an http or https address");
        }

        var headers = spec.Headers.Select(h => new PrometheusHeader(h.Key, HeaderValue(h.Value, field + ".headers." + h.Key))).ToList();
        using var client = new PrometheusClient(new PrometheusSettings(uri) { Headers = headers, Retry = RetryNotes.Told(context) });
        try
        {
            var steps = await Lockstep.Prometheus.PrometheusSli.ReadAsync(client, spec.Good, spec.Total, after, until, Step, cancellationToken).ConfigureAwait(false);
            return [.. steps.Select(s => new SliSample(s.End, s.Good, s.Total))];
        }
        catch (PrometheusException e)
        {
            throw new InputException("prometheus", null, field, e.Message);
        }
    }

    private string HeaderValue(string value, string field)
    {
        var name = value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}') ? value[2..^1]
            : value.StartsWith('$') ? value[1..]
            : null;
        if (name is null)
        {
            return value;
        }

        return context.Variable(name) is { Length: > 0 } set
            ? set
            : throw new InputException("prometheus", null, field, $"the environment variable {name} is not set");
    }
}
