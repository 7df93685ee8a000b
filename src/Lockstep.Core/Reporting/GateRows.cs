using System.Globalization;
using System.Text.RegularExpressions;
using Lockstep.Core.Gates;

namespace Lockstep.Core.Reporting;

/// <summary>
/// How the comment's gate table reads: failures first (fail, error, warn, then pass and skipped, in policy order
/// within each), computed limits at the candidate's precision, and no baseline for drift metrics.
/// </summary>
internal static partial class GateRows
{
    public static IEnumerable<GateOutcome> InReadingOrder(IEnumerable<GateOutcome> gates) => gates.OrderBy(g => g.Status switch
    {
        GateStatus.Fail => 0,
        GateStatus.Error => 1,
        GateStatus.Warn => 2,
        GateStatus.Pass => 3,
        _ => 4,
    });

    /// <summary>
    /// A drift metric (PSI, share of drifted features) already compares the candidate's data with the reference data;
    /// the baseline model's value of it is no baseline, so the table shows none.
    /// </summary>
    public static bool HasBaseline(GateOutcome gate) =>
        !(gate.Metric.StartsWith("drift.", StringComparison.Ordinal) || gate.Metric.StartsWith("psi", StringComparison.Ordinal));

    /// <summary>
    /// The bound with each limit computed from the baseline (the numbers in parentheses, e.g. <c>(≥ 0.83614)</c>) at the
    /// candidate's decimals, <c>(≥ 0.836)</c> next to <c>0.812</c>, with more only where the two would read the same.
    /// Bounds the policy states are shown as written.
    /// </summary>
    public static string Bound(GateOutcome gate)
    {
        if (gate.Candidate is not { } candidate || !double.IsFinite(candidate))
        {
            return gate.Bound;
        }

        var decimals = Decimals(Numbers.Format(candidate));
        return ComputedLimit().Replace(gate.Bound, m =>
        {
            var limit = double.Parse(m.Groups["limit"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var places = decimals;
            while (places < 15 && Round(limit, places) == Round(candidate, places) && limit != candidate)
            {
                places++;
            }

            var text = Math.Round(limit, places, MidpointRounding.AwayFromZero).ToString("0." + new string('#', Math.Max(places, 0)), CultureInfo.InvariantCulture);
            return $"({m.Groups["towards"].Value} {text})";
        });
    }

    private static double Round(double value, int places) => Math.Round(value, places, MidpointRounding.AwayFromZero);

    private static int Decimals(string formatted) =>
        formatted.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 && !formatted.Contains('E', StringComparison.OrdinalIgnoreCase)
            ? formatted.Length - dot - 1
            : 0;

    [GeneratedRegex(@"\((?<towards>[≥≤]) (?<limit>-?[0-9][0-9.]*(?:E[-+]?[0-9]+)?)\)")]
    private static partial Regex ComputedLimit();
}
