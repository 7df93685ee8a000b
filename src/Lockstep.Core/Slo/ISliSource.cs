namespace Lockstep.Core.Slo;

/// <summary>
/// A source of SLI samples (file, history, Prometheus …): for an SLO whose <see cref="SloDefinition.Sli"/> it reads,
/// the good and total counts of every event or aggregate in a period. A new source implements this and is added to
/// the sources <c>lockstep budget</c> is given; the budget arithmetic does not change.
/// </summary>
public interface ISliSource
{
    /// <summary>Whether this source reads the SLO's <c>sli:</c>.</summary>
    bool Reads(SliSpec spec);

    /// <summary>The samples with after &lt; time ≤ until. Bad data is an <see cref="InputException"/> naming where it is.</summary>
    Task<IReadOnlyList<SliSample>> ReadAsync(SloDefinition slo, DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken);
}
