namespace Lockstep.Core.Slo;

/// <summary>
/// What the Prometheus rules of one SLO need: its id (the <c>slo_id</c> label), its objective as a fraction (0.995
/// for 99.5%), its rolling window in days, and the PromQL selectors of the good and the total event counters.
/// </summary>
public sealed record PrometheusRuleSlo(string Id, double Objective, int WindowDays, string GoodQuery, string TotalQuery);
