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

    /// <summary>The first failing gate with the highest-severity action (rollback &gt; page &gt; block &gt; warn).</summary>
    internal static ActionToTake? ActionOf(IReadOnlyList<GateOutcome> outcomes)
    {
        GateOutcome? chosen = null;
        foreach (var outcome in outcomes.Where(o => o.Status is GateStatus.Fail or GateStatus.Warn))
        {
            if (chosen is null || outcome.Action > chosen.Action)
            {
                chosen = outcome;
            }
        }

        return chosen is null ? null : new ActionToTake(chosen.Action, chosen.Id, chosen.Message);
    }
}
