using Lockstep.Core.Slo;

namespace Lockstep.History;

/// <summary>
/// The <c>history</c> SLI source: the metric facts of a history folder (<c>lockstep record</c>) for the SLO's metric
/// (and <c>metric_slice</c>), each one event, good when its value is within the SLO's <c>min</c>/<c>max</c>.
/// </summary>
public sealed class HistorySliSource(string directory) : ISliSource
{
    public bool Reads(SliSpec spec) => spec is HistorySli;

    public async Task<IReadOnlyList<SliSample>> ReadAsync(SloDefinition slo, DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var sli = (HistorySli)slo.Sli;
        var snapshot = await HistoryReader.ReadAsync(directory, after, until, cancellationToken).ConfigureAwait(false);
        return snapshot.Metrics
            .Where(f => f.At > after && f.Metric == sli.Metric && f.Slice == sli.MetricSlice)
            .Select(f => new SliSample(f.At, sli.IsGood(f.Value) ? 1 : 0, 1))
            .ToList();
    }
}
