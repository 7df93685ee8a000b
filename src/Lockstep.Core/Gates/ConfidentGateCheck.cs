using Lockstep.Core.Metrics;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Gates;

/// <summary>
/// Decides a gate with <c>confidence:</c>. Each bound is judged by an interval at that level: it fails only when the
/// whole interval lies beyond the bound, passes when the interval lies within it, and is inconclusive when it
/// straddles it. A PSI's max is judged by its significance instead: above the max and significant fails.
/// </summary>
internal static class ConfidentGateCheck
{
    public static GateOutcome Evaluate(
        GateDefinition gate, FirstModelRule firstModel, CardInput candidate, CardInput? baseline, GateOutcome outcome, double value)
    {
        var level = gate.Confidence!.Value;
        var judgement = new IntervalJudgement(level, IntervalEvidence.Rows(candidate, gate.Slice));
        outcome = outcome with { Confidence = level };
        try
        {
            if (gate.Min is not null || gate.Max is not null)
            {
                outcome = PsiBounds.IsPsi(gate.Metric)
                    ? JudgePsi(gate, candidate, value, outcome, judgement)
                    : JudgeValue(gate, candidate, value, outcome, judgement);
            }

            if (!gate.HasChangeBounds)
            {
                return judgement.Decide(GateCheck.WithBaselineForContext(outcome, gate, baseline, value), gate);
            }

            var evidence = IntervalEvidence.Paired(candidate, gate.Metric, gate.Slice, value);
            if (evidence is null && baseline is null)
            {
                return firstModel == FirstModelRule.Allow
                    ? judgement.Decide(outcome, gate, GateCheck.FirstModelAllowed)
                    : judgement.Breach(outcome, gate, GateCheck.NoBaseline);
            }

            if (evidence is null)
            {
                var reading = baseline!.Read(gate.Metric, gate.Slice);
                if (GateCheck.Unusable(reading, gate, baseline, "baseline") is { } problem)
                {
                    return outcome with { Status = problem.Status, Why = problem.Why };
                }

                evidence = Unpaired(gate, candidate, baseline, value, reading.Value!.Value);
            }

            if (evidence.Reference == 0 && (gate.MaxRegression?.IsRelative == true || gate.MinImprovement?.IsRelative == true))
            {
                throw new GateProblem("the baseline is exactly 0, so a relative bound cannot be applied; use an absolute amount");
            }

            var changed = JudgeChange(gate, evidence, outcome, judgement);
            return judgement.Decide(changed, gate, evidence.Paired ? $"{judgement.WithinText}, paired with the baseline model on the same rows" : null);
        }
        catch (GateProblem problem)
        {
            return outcome with { Status = GateStatus.Error, Why = problem.Message };
        }
    }

    private static GateOutcome JudgeValue(GateDefinition gate, CardInput candidate, double value, GateOutcome outcome, IntervalJudgement judgement)
    {
        var error = IntervalEvidence.StandardError(candidate, gate.Metric, gate.Slice)
            ?? throw new GateProblem(
                $"{candidate.Read($"{gate.Metric}.se", gate.Slice).Where}: missing; with confidence, min and max are judged by the candidate's " +
                "interval, which needs its standard error (lockstep eval --bootstrap)");
        var estimate = new Estimate(value, error);
        var interval = estimate.Interval(judgement.Z);
        var subject = $"{Numbers.Format(value)} {IntervalJudgement.Text(interval, signed: false)}";
        if (gate.Min is { } min)
        {
            judgement.Judge(estimate, min, atLeast: true, min, subject, $"the minimum {Numbers.Format(min)}");
        }

        if (gate.Max is { } max)
        {
            judgement.Judge(estimate, max, atLeast: false, max, subject, $"the maximum {Numbers.Format(max)}");
        }

        return outcome with { CandidateInterval = interval };
    }

    /// <summary>
    /// A PSI above its max fails only when it is significant: one this size could otherwise be sampling noise. For
    /// <c>drift.psi.max</c>, each feature above the max is judged, and one significant feature fails the gate.
    /// </summary>
    private static GateOutcome JudgePsi(GateDefinition gate, CardInput candidate, double psi, GateOutcome outcome, IntervalJudgement judgement)
    {
        var above = IntervalEvidence.PsiAbove(candidate, gate.Metric, gate.Slice, psi, gate.Max!.Value);
        judgement.JudgePsi(gate.Max.Value, above);
        return above.Count > 0 ? outcome with { PValue = above.Min(f => f.PValue) } : outcome;
    }

    private static ChangeEvidence Unpaired(GateDefinition gate, CardInput candidate, CardInput baseline, double value, double reference)
    {
        var candidateError = IntervalEvidence.StandardError(candidate, gate.Metric, gate.Slice)
            ?? throw new GateProblem(
                $"{candidate.Source}: no '{gate.Metric}.delta.se' and no '{gate.Metric}.se'; with confidence, a change is judged by its interval: " +
                "compare with the production model on the same rows (lockstep eval --baseline-score) or give both cards standard errors (lockstep eval --bootstrap)");
        var baselineError = IntervalEvidence.StandardError(baseline, gate.Metric, gate.Slice)
            ?? throw new GateProblem(
                $"{baseline.Read($"{gate.Metric}.se", gate.Slice).Where}: missing; an unpaired change needs the baseline's standard error too " +
                "(evaluate the baseline with lockstep eval --bootstrap)");
        var combined = Math.Sqrt((candidateError * candidateError) + (baselineError * baselineError));
        return new ChangeEvidence(reference, new Estimate(value - reference, combined), baselineError, Paired: false);
    }

    private static GateOutcome JudgeChange(GateDefinition gate, ChangeEvidence evidence, GateOutcome outcome, IntervalJudgement judgement)
    {
        var (reference, change) = (evidence.Reference, evidence.Change);
        var interval = change.Interval(judgement.Z);
        var subject = $"the change {Numbers.WithSign(change.Value)} {IntervalJudgement.Text(interval, signed: true)}";
        var sign = gate.HigherIsBetter ? 1 : -1;
        if (gate.MaxRegression is { } regression)
        {
            var allowed = -sign * regression.Around(reference);
            judgement.Judge(
                change, allowed, gate.HigherIsBetter, GateCheck.RegressionLimit(gate, regression, reference), subject,
                $"the allowed change {Numbers.WithSign(allowed)} (regression ≤ {regression})", evidence.FixedError);
        }

        if (gate.MinImprovement is { } improvement)
        {
            var required = sign * improvement.Around(reference);
            judgement.Judge(
                change, required, gate.HigherIsBetter, GateCheck.ImprovementTarget(gate, improvement, reference), subject,
                $"the required change {Numbers.WithSign(required)} (improvement ≥ {improvement})", evidence.FixedError);
        }

        return outcome with
        {
            Baseline = reference,
            Delta = change.Value,
            RelativeDelta = reference == 0 ? null : change.Value / Math.Abs(reference),
            DeltaInterval = interval,
            PValue = change.StandardError > 0 ? NormalDistribution.TwoSidedPValue(change.Value / change.StandardError) : null,
            Bound = GateCheck.DescribeBounds(gate, reference),
        };
    }
}
