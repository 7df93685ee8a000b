namespace Lockstep.Core.History;

/// <summary>The three kinds of facts a history folder keeps, one partition tree each (<c>kind=gate</c>, …).</summary>
public enum FactKind
{
    /// <summary>Gate outcomes, one per gate of a recorded gate result.</summary>
    Gate,

    /// <summary>Metric values: report cards (with slices), drift and freshness reports.</summary>
    Metric,

    /// <summary>Delivery events (<c>lockstep.events/v1</c>), one row per version of an event.</summary>
    Delivery,
}
