namespace Lockstep.Core.Gates;

/// <summary>A change from the baseline with its standard error, as a gate with <c>confidence:</c> judges it.</summary>
/// <param name="Reference">The baseline's value the change is measured from.</param>
/// <param name="FixedError">The part of the error that more candidate rows leave as it is: the unpaired baseline's.</param>
/// <param name="Paired">True when both models were scored on the same rows (<c>lockstep eval --baseline-score</c>).</param>
internal sealed record ChangeEvidence(double Reference, Estimate Change, double FixedError, bool Paired);

/// <summary>
/// Reads the figures a gate with <c>confidence:</c> needs next to its metric M: <c>M.se</c>; the paired
/// <c>M.delta</c>, <c>M.delta.se</c> and <c>M.baseline</c>; <c>rows</c>; and each PSI's
/// <c>drift.psi_p_value.&lt;feature&gt;</c> and <c>drift.psi_min_detectable.&lt;feature&gt;</c>. A figure that is
/// there but unusable is a problem; one that is absent is null.
/// </summary>
internal static class IntervalEvidence
{
    private const string PsiPrefix = "drift.psi.";

    /// <summary>The metric's standard error from a card, or null when the card has none.</summary>
    /// <exception cref="GateProblem">The standard error is there but negative or not finite.</exception>
    public static double? StandardError(CardInput card, string metric, string? slice) => ErrorAt(card, $"{metric}.se", slice);

    /// <summary>The paired change the candidate card carries, or null when it has no <c>M.delta.se</c>.</summary>
    /// <exception cref="GateProblem">The paired figures are incomplete or not finite.</exception>
    public static ChangeEvidence? Paired(CardInput candidate, string metric, string? slice, double value)
    {
        if (ErrorAt(candidate, $"{metric}.delta.se", slice) is not { } error)
        {
            return null;
        }

        var delta = Finite(candidate, $"{metric}.delta", slice)
            ?? throw new GateProblem($"{candidate.Read($"{metric}.delta", slice).Where}: missing, though '{metric}.delta.se' is there; expected the paired change");
        var reference = Finite(candidate, $"{metric}.baseline", slice) ?? value - delta;
        return new ChangeEvidence(reference, new Estimate(delta, error), 0, Paired: true);
    }

    /// <summary>The labelled rows behind the card's figures (<c>rows</c>), or null when it does not say.</summary>
    public static double? Rows(CardInput card, string? slice) => Finite(card, Evaluation.BootstrapMetrics.Rows, slice) is > 0 and var rows ? rows : null;

    /// <summary>
    /// The features whose PSI lies above <paramref name="max"/>: for <c>drift.psi.&lt;feature&gt;</c> that feature, for
    /// <c>drift.psi.max</c> every <c>drift.psi.&lt;feature&gt;</c> of the card above it.
    /// </summary>
    /// <exception cref="GateProblem">Such a feature has no p-value, or the card names none though its max is above.</exception>
    public static IReadOnlyList<PsiEvidence> PsiAbove(CardInput card, string metric, string? slice, double psi, double max)
    {
        var above = FeaturePsis(card, metric, slice, psi)
            .Where(f => !Tolerance.AtMost(f.Psi, max))
            .OrderBy(f => f.Feature, StringComparer.Ordinal)
            .Select(f => new PsiEvidence(f.Feature, f.Psi, PsiPValue(card, f.Feature, slice), Finite(card, $"drift.psi_min_detectable.{f.Feature}", slice)))
            .ToList();
        return above.Count > 0 || Tolerance.AtMost(psi, max)
            ? above
            : throw new GateProblem($"{card.Source}: '{metric}' is above {Numbers.Format(max)} but no drift.psi.<feature> is, so its significance cannot be read");
    }

    private const string MaxPsi = "drift.psi.max";

    /// <summary>The PSI of each feature the metric stands for: its own feature's, or for <c>drift.psi.max</c> every feature's in the card.</summary>
    private static IEnumerable<(string Feature, double Psi)> FeaturePsis(CardInput card, string metric, string? slice, double psi)
    {
        if (metric != MaxPsi)
        {
            return metric.StartsWith(PsiPrefix, StringComparison.Ordinal) ? [(metric[PsiPrefix.Length..], psi)] : [];
        }

        return MetricsOf(card, slice)
            .Where(pair => pair.Key.StartsWith(PsiPrefix, StringComparison.Ordinal) && pair.Key != MaxPsi && double.IsFinite(pair.Value))
            .Select(pair => (pair.Key[PsiPrefix.Length..], pair.Value));
    }

    private static double PsiPValue(CardInput card, string feature, string? slice) =>
        Finite(card, $"drift.psi_p_value.{feature}", slice)
        ?? throw new GateProblem(
            $"{card.Read($"drift.psi_p_value.{feature}", slice).Where}: missing; with confidence, a PSI's max is judged by its " +
            "significance, which needs the p-value lockstep drift writes");

    private static IReadOnlyDictionary<string, double> MetricsOf(CardInput card, string? slice) =>
        slice is null ? card.Card.Metrics : card.Card.Slices.TryGetValue(slice, out var metrics) ? metrics : new Dictionary<string, double>();

    private static double? ErrorAt(CardInput card, string name, string? slice)
    {
        var reading = card.Read(name, slice);
        if (reading.IsMissing)
        {
            return null;
        }

        return reading.IsFinite && reading.Value >= 0
            ? reading.Value
            : throw new GateProblem($"{reading.Where}: {Numbers.Format(reading.Value!.Value)}, expected a standard error (finite, 0 or more)");
    }

    private static double? Finite(CardInput card, string name, string? slice) =>
        card.Read(name, slice) is { IsFinite: true, Value: var value } ? value : null;
}

/// <summary>A feature's PSI with its p-value under "no shift" and the smallest PSI its sample sizes tell from noise.</summary>
internal sealed record PsiEvidence(string Feature, double Psi, double PValue, double? MinDetectable);

/// <summary>A figure a gate needs is there but unusable: the gate errors with this sentence.</summary>
internal sealed class GateProblem(string why) : Exception(why);
