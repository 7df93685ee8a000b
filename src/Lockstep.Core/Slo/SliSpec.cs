namespace Lockstep.Core.Slo;

/// <summary>Where an SLO's good and total counts come from (<c>sli:</c>).</summary>
public abstract record SliSpec
{
    /// <summary>The <c>source:</c> name: <c>file</c>, <c>history</c> or <c>prometheus</c>.</summary>
    public abstract string Source { get; }
}

/// <summary>A CSV or Parquet file with the columns <c>timestamp, good, total</c>.</summary>
/// <param name="Path">Relative to the policy file's folder.</param>
public sealed record FileSli(string Path) : SliSpec
{
    public override string Source => "file";
}

/// <summary>
/// Metric facts of a history folder (<c>lockstep record</c>): each fact of <see cref="Metric"/> (and
/// <see cref="MetricSlice"/>) is one event, good when its value is within <see cref="Min"/> and <see cref="Max"/>.
/// </summary>
public sealed record HistorySli(string Metric, string? MetricSlice, double? Min, double? Max) : SliSpec
{
    public override string Source => "history";

    public bool IsGood(double value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}

/// <summary>Two PromQL queries over <c>query_range</c>: the good and the total event counts.</summary>
public sealed record PrometheusSli(string Good, string Total, string? Url, IReadOnlyDictionary<string, string> Headers) : SliSpec
{
    public override string Source => "prometheus";
}
