using Lockstep.Core.Policy;
using Scriban.Runtime;

namespace Lockstep.Scaffolding.Models;

/// <summary>
/// The runbook's decision tree from a policy: the gates ordered by the severity of their action (rollback, page,
/// block, warn) and, within one action, by their order in the policy — the order in which the verdict picks them.
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
        };
    }

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
