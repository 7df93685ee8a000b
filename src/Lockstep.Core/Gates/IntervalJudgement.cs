using System.Globalization;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Gates;

/// <summary>
/// Collects how each bound of a gate with <c>confidence:</c> stands (broken, open, kept) and turns them into the
/// gate's status: any broken bound fails the gate; else any open one makes it inconclusive; else it passes.
/// </summary>
internal sealed class IntervalJudgement(double level, double? rows)
{
    private readonly List<string> breaches = [];
    private readonly List<string> open = [];
    private readonly List<GateLimit> limits = [];
    private long? moreRows;

    /// <summary>The normal quantile for a two-sided interval at the level.</summary>
    public double Z { get; } = Metrics.NormalDistribution.Quantile((1 + level) / 2);

    public string Level { get; } = Numbers.Percent(level);

    public string WithinText => $"within bounds at {Level} confidence";

    /// <summary>[low, high], signed for changes.</summary>
    public static string Text(ValueInterval interval, bool signed) => signed
        ? $"[{Numbers.WithSign(interval.Low)}, {Numbers.WithSign(interval.High)}]"
        : $"[{Numbers.Format(interval.Low)}, {Numbers.Format(interval.High)}]";

    /// <param name="boundary">Where the estimate must lie at least (<paramref name="atLeast"/>) or at most.</param>
    /// <param name="limit">The boundary as a value of the metric, for the outcome's limit.</param>
    /// <param name="fixedError">The part of the standard error more candidate rows leave as it is.</param>
    public void Judge(Estimate estimate, double boundary, bool atLeast, double limit, string subject, string bound, double fixedError = 0)
    {
        var standing = IntervalDecision.Judge(estimate.Interval(Z), boundary, atLeast);
        limits.Add(new GateLimit(limit, standing == IntervalStanding.Beyond));
        var side = atLeast ? "below" : "above";
        if (standing == IntervalStanding.Beyond)
        {
            breaches.Add($"{subject} at {Level} lies wholly {side} {bound}");
        }
        else if (standing == IntervalStanding.Straddling)
        {
            open.Add($"{subject} at {Level} straddles {bound}; {Settling(IntervalDecision.RowFactor(estimate, boundary, Z, fixedError))}");
        }
    }

    /// <summary>A PSI above <paramref name="max"/> breaks it when a feature above it is significant at the level, and is open otherwise.</summary>
    /// <param name="above">The features whose PSI lies above the max.</param>
    public void JudgePsi(double max, IReadOnlyList<PsiEvidence> above)
    {
        var significant = above.Where(f => f.PValue < 1 - level).ToList();
        limits.Add(new GateLimit(max, significant.Count > 0));
        if (significant.Count > 0)
        {
            breaches.Add(string.Join("; ", significant.Select(f => $"{Psi(f, max)} and significant at {Level} (p = {Numbers.Format(f.PValue)})")));
        }
        else if (above.Count > 0)
        {
            open.Add(string.Join("; ", above.Select(f => $"{Psi(f, max)} but not significant at {Level} (p = {Numbers.Format(f.PValue)}): it may be sampling noise{PsiSettling(f)}")));
        }
    }

    private static string Psi(PsiEvidence feature, double max)
    {
        var text = Numbers.Distinct(feature.Psi, max);
        return $"the PSI of '{feature.Feature}', {text[0]}, is above the maximum {text[1]}";
    }

    /// <summary>The rows it takes for the PSI to reach significance: its null scale falls as 1/rows on both sides.</summary>
    private static string PsiSettling(PsiEvidence feature) =>
        feature.MinDetectable / feature.Psi is > 1 and var factor
            ? $"; about {factor.ToString("0.#", CultureInfo.InvariantCulture)}× the rows on each side would settle it"
            : string.Empty;

    public GateOutcome Decide(GateOutcome outcome, GateDefinition gate, string? note = null)
    {
        outcome = outcome with { Limit = GateLimit.Binding(limits, outcome.Candidate) };
        var blocking = gate.Action == RunbookAction.Warn ? GateStatus.Warn : GateStatus.Fail;
        if (breaches.Count > 0)
        {
            return outcome with { Status = blocking, Why = string.Join("; ", breaches), Inconclusive = false };
        }

        if (open.Count > 0)
        {
            var status = gate.Inconclusive == InconclusiveRule.Fail ? blocking : GateStatus.Warn;
            return outcome with { Status = status, Why = "inconclusive: " + string.Join("; ", open), Inconclusive = true, MoreRows = moreRows };
        }

        return outcome with { Status = GateStatus.Pass, Why = note ?? WithinText, Inconclusive = false };
    }

    /// <summary>A gate that breaks a bound before it can compare anything, such as a change bound with no baseline.</summary>
    public GateOutcome Breach(GateOutcome outcome, GateDefinition gate, string why)
    {
        breaches.Add(why);
        return Decide(outcome, gate);
    }

    private string Settling(double? factor)
    {
        if (factor is not { } f)
        {
            return "more rows alone would not settle it";
        }

        if (rows is not { } n)
        {
            return $"about {f.ToString("0.#", CultureInfo.InvariantCulture)}× the labelled rows would settle it";
        }

        var total = (long)Math.Ceiling(n * f);
        var more = Math.Max(1, total - (long)n);
        moreRows = Math.Max(moreRows ?? 0, more);
        return $"about {more.ToString("N0", CultureInfo.InvariantCulture)} more labelled rows ({total.ToString("N0", CultureInfo.InvariantCulture)} in all) would settle it";
    }
}
