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

    /// <summary>The candidate's value, with its interval (<c>0.812 [0.801, 0.823]</c>) or, for a PSI judged by significance, its p-value.</summary>
    public static string Candidate(GateOutcome gate, string none)
    {
        if (gate.Candidate is not { } value)
        {
            return none;
        }

        var text = Numbers.Format(value);
        if (gate.CandidateInterval is { } interval)
        {
            var places = IntervalPlaces(interval);
            text += $" [{Rounded(interval.Low, places)}, {Rounded(interval.High, places)}]";
        }

        return gate.PValue is { } p && gate.DeltaInterval is null ? $"{text} (p = {PValue(p)})" : text;
    }

    /// <summary>
    /// The change, with its interval and p-value when it was judged by them; relative too when asked and the baseline
    /// is not 0.
    /// </summary>
    public static string Delta(GateOutcome gate, string none, bool withRelative)
    {
        if (gate.Delta is not { } delta)
        {
            return none;
        }

        var text = withRelative && gate.RelativeDelta is { } relative ? $"{Numbers.WithSign(delta)} ({Numbers.PercentWithSign(relative)})" : Numbers.WithSign(delta);
        if (gate.DeltaInterval is { } interval)
        {
            var places = IntervalPlaces(interval);
            text += $" [{Signed(Rounded(interval.Low, places))}, {Signed(Rounded(interval.High, places))}]";
        }

        return gate.DeltaInterval is not null && gate.PValue is { } p ? $"{text}, p = {PValue(p)}" : text;
    }

    /// <summary>
    /// An interval's ends to two significant digits of its half-width, as <c>0.812 [0.801, 0.823]</c> reads: more would
    /// be noise, fewer would hide where the bound lies.
    /// </summary>
    private static int? IntervalPlaces(ValueInterval interval)
    {
        var halfWidth = (interval.High - interval.Low) / 2;
        return halfWidth > 0 && double.IsFinite(halfWidth) ? Math.Clamp((int)Math.Ceiling(-Math.Log10(halfWidth)) + 1, 0, 15) : null;
    }

    private static string Rounded(double value, int? places) => places is { } p
        ? Math.Round(value, p, MidpointRounding.AwayFromZero).ToString("0." + new string('#', p), CultureInfo.InvariantCulture)
        : Numbers.Format(value);

    private static string Signed(string text) => text.StartsWith('-') ? "−" + text[1..] : "+" + text;

    /// <summary>A p-value to three significant digits: 0.134, 0.00021, 1.3e-13.</summary>
    private static string PValue(double p) => p.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>The status in words: <c>fail (page)</c> names the action, <c>inconclusive</c> replaces warn or fail.</summary>
    public static string Status(GateOutcome gate)
    {
        var name = gate.Inconclusive == true ? "inconclusive" : ActionWords.Name(gate.Status);
        return gate.Status is GateStatus.Fail ? $"{name} ({ActionWords.Name(gate.Action)})" : name;
    }

    private static double Round(double value, int places) => Math.Round(value, places, MidpointRounding.AwayFromZero);

    private static int Decimals(string formatted) =>
        formatted.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 && !formatted.Contains('E', StringComparison.OrdinalIgnoreCase)
            ? formatted.Length - dot - 1
            : 0;

    [GeneratedRegex(@"\((?<towards>[≥≤]) (?<limit>-?[0-9][0-9.]*(?:E[-+]?[0-9]+)?)\)")]
    private static partial Regex ComputedLimit();
}
