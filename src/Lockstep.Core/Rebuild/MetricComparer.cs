using Lockstep.Core.Contracts;

namespace Lockstep.Core.Rebuild;

/// <summary>
/// Compares every metric of two report cards, overall and per slice: equal when |rebuilt − registered| ≤ the
/// tolerance (absolute); a metric on one side only is a difference; a value that is not finite cannot be compared.
/// </summary>
internal static class MetricComparer
{
    public static void Compare(ReportCard registered, ReportCard rebuilt, double tolerance, List<RebuildDifference> differences, List<string> cannotTell)
    {
        CompareSet(null, registered.Metrics, rebuilt.Metrics, tolerance, differences, cannotTell);
        foreach (var slice in registered.Slices.Keys.Union(rebuilt.Slices.Keys).Order(StringComparer.Ordinal))
        {
            CompareSet(slice, Metrics(registered, slice), Metrics(rebuilt, slice), tolerance, differences, cannotTell);
        }
    }

    private static IReadOnlyDictionary<string, double> Metrics(ReportCard card, string slice) =>
        card.Slices.TryGetValue(slice, out var metrics) ? metrics : new Dictionary<string, double>();

    private static void CompareSet(
        string? slice, IReadOnlyDictionary<string, double> registered, IReadOnlyDictionary<string, double> rebuilt, double tolerance, List<RebuildDifference> differences, List<string> cannotTell)
    {
        foreach (var name in registered.Keys.Union(rebuilt.Keys).Order(StringComparer.Ordinal))
        {
            var label = slice is null ? $"metric '{name}'" : $"metric '{name}' [{slice}]";
            var (hasRegistered, registeredValue) = (registered.TryGetValue(name, out var a), a);
            var (hasRebuilt, rebuiltValue) = (rebuilt.TryGetValue(name, out var b), b);
            if (hasRegistered && !double.IsFinite(registeredValue) || hasRebuilt && !double.IsFinite(rebuiltValue))
            {
                var side = hasRegistered && !double.IsFinite(registeredValue) ? ("registered", registeredValue) : ("rebuilt", rebuiltValue);
                cannotTell.Add($"{label}: {Numbers.Format(side.Item2)} in the {side.Item1} card");
                continue;
            }

            if (!hasRegistered || !hasRebuilt)
            {
                var (registeredText, rebuiltText) = (hasRegistered ? Numbers.Format(registeredValue) : null, hasRebuilt ? Numbers.Format(rebuiltValue) : null);
                differences.Add(Difference(name, slice, registeredText, rebuiltText, null, $"{label}: {RebuildComparer.Values(registeredText, rebuiltText)}"));
                continue;
            }

            var delta = rebuiltValue - registeredValue;
            if (Math.Abs(delta) > tolerance)
            {
                var texts = Numbers.Distinct(registeredValue, rebuiltValue);
                differences.Add(Difference(name, slice, texts[0], texts[1], delta,
                    $"{label}: {texts[0]} registered, {texts[1]} rebuilt ({Scientific(Numbers.WithSign(delta))}, tolerance {Scientific(Numbers.Format(tolerance))})"));
            }
        }
    }

    private static RebuildDifference Difference(string name, string? slice, string? registered, string? rebuilt, double? delta, string message) => new()
    {
        Kind = RebuildDifferenceKind.Metric,
        Subject = name,
        Slice = slice,
        Registered = registered,
        Rebuilt = rebuilt,
        Delta = delta,
        Message = message,
    };

    /// <summary><c>1E-09</c> as <c>1e-9</c>: exponents as a command line writes them.</summary>
    internal static string Scientific(string number)
    {
        var e = number.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return number;
        }

        var exponent = number[(e + 1)..];
        var sign = exponent[0] is '-' or '+' ? (exponent[0] == '-' ? "-" : string.Empty) : string.Empty;
        var digits = exponent.TrimStart('-', '+').TrimStart('0');
        return $"{number[..e]}e{sign}{(digits.Length == 0 ? "0" : digits)}";
    }
}
