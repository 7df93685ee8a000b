using Lockstep.Core.Policy;

namespace Lockstep.Core.Gates;

/// <summary>Runs every gate of a policy and reduces the outcomes to one verdict and one action.</summary>
public static class GateEvaluator
{
    public static GateResult Evaluate(
        GatePolicy policy, CardInput candidate, CardInput? baseline, IReadOnlyList<InputDigest>? inputs = null)
    {
        var outcomes = policy.Gates
            .Select(gate => GateCheck.Evaluate(gate, policy.FirstModel, candidate, baseline))
            .ToList();

        return new GateResult
        {
            Verdict = VerdictOf(outcomes),
            Action = ActionOf(outcomes),
            Gates = outcomes,
            Inputs = inputs ?? [],
        };
    }

    /// <summary>Any gate that could not decide makes the verdict <c>error</c>: never a pass.</summary>
    internal static Verdict VerdictOf(IReadOnlyList<GateOutcome> outcomes)
    {
        if (outcomes.Any(o => o.Status == GateStatus.Error))
        {
            return Verdict.Error;
        }

        if (outcomes.Any(o => o.Status == GateStatus.Fail))
        {
            return Verdict.Fail;
        }

        return outcomes.Any(o => o.Status == GateStatus.Warn) ? Verdict.Warn : Verdict.Pass;
    }

    /// <summary>
    /// The first failing gate with the highest-severity action (rollback &gt; page &gt; block &gt; warn). A gate that
    /// warns, whatever its action, asks for a warning's care: an inconclusive gate never pages anyone.
    /// </summary>
    internal static ActionToTake? ActionOf(IReadOnlyList<GateOutcome> outcomes)
    {
        GateOutcome? chosen = null;
        foreach (var outcome in outcomes.Where(o => o.Status is GateStatus.Fail or GateStatus.Warn))
        {
            if (chosen is null || Severity(outcome) > Severity(chosen))
            {
                chosen = outcome;
            }
        }

        return chosen is null ? null : new ActionToTake(Severity(chosen), chosen.Id, MessageOf(chosen));
    }

    private static RunbookAction Severity(GateOutcome outcome) => outcome.Status == GateStatus.Warn ? RunbookAction.Warn : outcome.Action;

    /// <summary>The gate's message; for an inconclusive gate, what would settle it, since its message speaks of a broken bound.</summary>
    private static string? MessageOf(GateOutcome outcome) => outcome.Inconclusive != true
        ? outcome.Message
        : outcome.MoreRows is { } rows
            ? $"inconclusive: about {rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more labelled rows would settle it"
            : "inconclusive: its interval straddles the bound";
}
