using Lockstep.Core.Policy;

namespace Lockstep.Core.Gates;

/// <summary>Decides one gate: value bounds on the candidate, change bounds against the baseline.</summary>
internal static class GateCheck
{
    /// <summary>Why a gate passes whose change bounds were skipped for a first model.</summary>
    internal const string FirstModelAllowed = "no baseline: change bounds skipped (first_model: allow)";

    /// <summary>Why change bounds with nothing to compare with break under <c>first_model: fail</c>.</summary>
    internal const string NoBaseline = "no baseline to compare with; to accept a first model on its value bounds, set `first_model: allow` in the policy";

    public static GateOutcome Evaluate(GateDefinition gate, FirstModelRule firstModel, CardInput candidate, CardInput? baseline)
    {
        var outcome = new GateOutcome
        {
            Id = gate.Id,
            Metric = gate.Metric,
            Slice = gate.Slice,
            Action = gate.Action,
            Message = gate.Message,
            Optional = gate.Optional,
            Line = gate.Line,
            Status = GateStatus.Error,
            Bound = DescribeBounds(gate, null),
            Why = string.Empty,
        };

        var candidateReading = candidate.Read(gate.Metric, gate.Slice);
        if (Unusable(candidateReading, gate, candidate, "candidate") is { } candidateProblem)
        {
            return outcome with { Status = candidateProblem.Status, Why = candidateProblem.Why };
        }

        var value = candidateReading.Value!.Value;
        outcome = outcome with { Candidate = value };
        if (gate.Confidence is not null)
        {
            return ConfidentGateCheck.Evaluate(gate, firstModel, candidate, baseline, outcome, value);
        }

        var breaches = new List<string>();
        var limits = new List<GateLimit>();
        CheckValueBounds(gate, value, breaches, limits);

        if (!gate.HasChangeBounds)
        {
            return Decide(WithBaselineForContext(outcome, gate, baseline, value), gate, breaches, limits);
        }

        if (baseline is null)
        {
            if (firstModel == FirstModelRule.Allow)
            {
                return Decide(outcome, gate, breaches, limits, breaches.Count == 0 ? FirstModelAllowed : null);
            }

            breaches.Add(NoBaseline);
            return Decide(outcome, gate, breaches, limits);
        }

        var baselineReading = baseline.Read(gate.Metric, gate.Slice);
        if (Unusable(baselineReading, gate, baseline, "baseline") is { } baselineProblem)
        {
            return outcome with { Status = baselineProblem.Status, Why = baselineProblem.Why };
        }

        var reference = baselineReading.Value!.Value;
        outcome = WithBaselineForContext(outcome, gate, baseline, value) with { Bound = DescribeBounds(gate, reference) };

        if (reference == 0 && (gate.MaxRegression?.IsRelative == true || gate.MinImprovement?.IsRelative == true))
        {
            return outcome with
            {
                Status = GateStatus.Error,
                Why = $"{baselineReading.Where}: the baseline is exactly 0, so a relative bound cannot be applied; use an absolute amount",
            };
        }

        CheckChangeBounds(gate, value, reference, breaches, limits);
        return Decide(outcome, gate, breaches, limits);
    }

    /// <summary>A value-only gate still shows the baseline and the delta when the baseline has the metric.</summary>
    internal static GateOutcome WithBaselineForContext(GateOutcome outcome, GateDefinition gate, CardInput? baseline, double value)
    {
        var reading = baseline?.Read(gate.Metric, gate.Slice);
        if (reading is not { IsFinite: true, Value: { } reference })
        {
            return outcome;
        }

        var delta = value - reference;
        return outcome with { Baseline = reference, Delta = delta, RelativeDelta = reference == 0 ? null : delta / Math.Abs(reference) };
    }

    internal static (GateStatus Status, string Why)? Unusable(MetricReading reading, GateDefinition gate, CardInput card, string role)
    {
        if (reading.IsMissing)
        {
            var near = card.Nearest(gate.Metric, gate.Slice) is { } name ? $" (did you mean '{name}'?)" : string.Empty;
            return gate.Optional
                ? (GateStatus.Skipped, $"{reading.Where}: not in the {role}; optional gate skipped")
                : (GateStatus.Error, $"{reading.Where}: the {role} has no metric '{gate.Metric}'{SliceText(gate)}{near}");
        }

        return reading.IsFinite
            ? null
            : (GateStatus.Error, $"{reading.Where}: the {role}'s '{gate.Metric}' is {Numbers.Format(reading.Value!.Value)}, expected a finite number");
    }

    private static void CheckValueBounds(GateDefinition gate, double value, List<string> breaches, List<GateLimit> limits)
    {
        if (gate.Min is { } min)
        {
            CheckValueBound(value, min, Tolerance.AtLeast(value, min), "below the minimum", breaches, limits);
        }

        if (gate.Max is { } max)
        {
            CheckValueBound(value, max, Tolerance.AtMost(value, max), "above the maximum", breaches, limits);
        }
    }

    private static void CheckValueBound(double value, double bound, bool within, string side, List<string> breaches, List<GateLimit> limits)
    {
        limits.Add(new GateLimit(bound, !within));
        if (!within)
        {
            var text = Numbers.Distinct(value, bound);
            breaches.Add($"{text[0]} is {side} {text[1]}");
        }
    }

    private static void CheckChangeBounds(GateDefinition gate, double value, double reference, List<string> breaches, List<GateLimit> limits)
    {
        var worse = gate.HigherIsBetter ? "lower" : "higher";

        if (gate.MaxRegression is { } regression)
        {
            var limit = RegressionLimit(gate, regression, reference);
            var withinLimit = gate.HigherIsBetter ? Tolerance.AtLeast(value, limit) : Tolerance.AtMost(value, limit);
            limits.Add(new GateLimit(limit, !withinLimit));
            if (!withinLimit)
            {
                var text = Numbers.Distinct(value, reference, limit);
                breaches.Add(
                    $"{text[0]} is {Numbers.Format(Math.Abs(value - reference))} {worse} than the baseline {text[1]}; " +
                    $"a regression of at most {regression} is allowed (limit {text[2]})");
            }
        }

        if (gate.MinImprovement is { } improvement)
        {
            var target = ImprovementTarget(gate, improvement, reference);
            var reached = gate.HigherIsBetter ? Tolerance.AtLeast(value, target) : Tolerance.AtMost(value, target);
            limits.Add(new GateLimit(target, !reached));
            if (!reached)
            {
                var text = Numbers.Distinct(value, reference, target);
                breaches.Add($"{text[0]} does not improve on the baseline {text[1]} by {improvement} (target {text[2]})");
            }
        }
    }

    private static GateOutcome Decide(GateOutcome outcome, GateDefinition gate, List<string> breaches, List<GateLimit> limits, string? note = null)
    {
        outcome = outcome with { Limit = GateLimit.Binding(limits, outcome.Candidate) };
        if (breaches.Count == 0)
        {
            return outcome with { Status = GateStatus.Pass, Why = note ?? "within bounds" };
        }

        var status = gate.Action == RunbookAction.Warn ? GateStatus.Warn : GateStatus.Fail;
        return outcome with { Status = status, Why = string.Join("; ", breaches) };
    }

    internal static double RegressionLimit(GateDefinition gate, ChangeAmount regression, double reference) =>
        reference - ((gate.HigherIsBetter ? 1 : -1) * regression.Around(reference));

    internal static double ImprovementTarget(GateDefinition gate, ChangeAmount improvement, double reference) =>
        reference + ((gate.HigherIsBetter ? 1 : -1) * improvement.Around(reference));

    internal static string DescribeBounds(GateDefinition gate, double? reference)
    {
        var parts = new List<string>();
        if (gate.Min is { } min)
        {
            parts.Add($"≥ {Numbers.Format(min)}");
        }

        if (gate.Max is { } max)
        {
            parts.Add($"≤ {Numbers.Format(max)}");
        }

        var towards = gate.HigherIsBetter ? "≥" : "≤";
        if (gate.MaxRegression is { } regression)
        {
            var limit = reference is { } r ? $" ({towards} {Numbers.Format(RegressionLimit(gate, regression, r))})" : string.Empty;
            parts.Add($"regression ≤ {regression}{limit}");
        }

        if (gate.MinImprovement is { } improvement)
        {
            var target = reference is { } r ? $" ({towards} {Numbers.Format(ImprovementTarget(gate, improvement, r))})" : string.Empty;
            parts.Add($"improvement ≥ {improvement}{target}");
        }

        var bounds = string.Join(", ", parts);
        return gate.Confidence is { } level ? $"{bounds} at {Numbers.Percent(level)} confidence" : bounds;
    }

    private static string SliceText(GateDefinition gate) => gate.Slice is null ? string.Empty : $" in slice '{gate.Slice}'";
}
