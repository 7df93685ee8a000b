using Lockstep.Core.Alerts;
using Lockstep.Core.Dora;
using Lockstep.Core.Policy;
using Scriban.Runtime;

namespace Lockstep.Scaffolding.Models;

/// <summary>
/// The runbook's decision tree from a policy: the gates ordered by the severity of their action (rollback, page,
/// block, warn) and, within one action, by their order in the policy — the order in which the verdict picks them;
/// for the alerts, the gates of each cause and the label that makes an incident issue one of the model lane's.
/// </summary>
public static class RunbookModel
{
    public static ScriptObject Create(GatePolicy policy, string policyPath)
    {
        var steps = policy.Gates
            .Select((gate, index) => (gate, index))
            .OrderByDescending(pair => pair.gate.Action)
            .ThenBy(pair => pair.index)
            .Select((pair, index) => Step(pair.gate, index + 1))
            .ToList();

        var actions = new ScriptArray(policy.Gates.Select(g => g.Action).Distinct().OrderDescending().Select(action => new ScriptObject
        {
            ["kind"] = action.ToString().ToLowerInvariant(),
            ["words"] = GateWords.Action(action),
        }));

        return new ScriptObject
        {
            ["policy_path"] = policyPath,
            ["first_model"] = policy.FirstModel == FirstModelRule.Allow ? "allow" : "fail",
            ["steps"] = new ScriptArray(steps),
            ["actions"] = actions,
            ["alert_gates"] = AlertGates(policy),
            ["incident_labels"] = new ScriptArray(policy.Dora.IncidentLabels.TryGetValue(Lane.Model, out var labels) ? labels : []),
        };
    }

    /// <summary>
    /// Per cause (drift, freshness, quality), the ids of the gates whose failure raises its alert, in policy order: a
    /// broken <c>warn</c> gate is a warning, not an alert.
    /// </summary>
    private static ScriptObject AlertGates(GatePolicy policy)
    {
        var causes = new ScriptObject();
        foreach (var cause in Enum.GetValues<AlertCause>())
        {
            causes[cause.ToString().ToLowerInvariant()] = new ScriptArray(policy.Gates
                .Where(g => g.Action != RunbookAction.Warn && CauseOf(g.Metric) == cause)
                .Select(g => g.Id));
        }

        return causes;
    }

    /// <summary>
    /// Drift and freshness gates by their metric family; the other gates are about the model's quality on labelled
    /// serving data, except latency, which the serving platform measures and the monitor does not.
    /// </summary>
    private static AlertCause? CauseOf(string metric) =>
        metric.StartsWith("drift.", StringComparison.Ordinal) ? AlertCause.Drift
        : metric.StartsWith("freshness.", StringComparison.Ordinal) ? AlertCause.Freshness
        : metric.StartsWith("latency.", StringComparison.Ordinal) ? null
        : AlertCause.Quality;

    private static ScriptObject Step(GateDefinition gate, int number) => new()
    {
        ["number"] = number,
        ["id"] = gate.Id,
        ["question"] = GateWords.Question(gate),
        ["action"] = gate.Action.ToString().ToLowerInvariant(),
        ["action_words"] = GateWords.Action(gate.Action),
        ["message"] = gate.Message ?? string.Empty,
        ["optional"] = gate.Optional,
        ["line"] = gate.Line,
    };
}
