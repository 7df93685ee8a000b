using System.Globalization;
using Lockstep.Core.Policy;
using Lockstep.Core.Reporting;

namespace Lockstep.Scaffolding.Models;

/// <summary>A gate in words: the question a runbook asks ("Is drift.psi.max above 0.25?") and what answering yes means.</summary>
public static class GateWords
{
    public static string Question(GateDefinition gate) => $"Is {Subject(gate)} {string.Join(" or ", Conditions(gate))}?";

    /// <summary>The metric, and its slice when it has one: <c>auc</c> for <c>region=EU</c>.</summary>
    public static string Subject(GateDefinition gate) =>
        gate.Slice is { } slice ? $"{gate.Metric} for {slice}" : gate.Metric;

    /// <summary>Each bound as the condition that breaks it.</summary>
    public static IReadOnlyList<string> Conditions(GateDefinition gate)
    {
        var conditions = new List<string>();
        if (gate.Max is { } max)
        {
            conditions.Add($"above {Number(max)}");
        }

        if (gate.Min is { } min)
        {
            conditions.Add($"below {Number(min)}");
        }

        if (gate.MaxRegression is { } regression)
        {
            conditions.Add($"worse than production by more than {regression}");
        }

        if (gate.MinImprovement is { } improvement)
        {
            conditions.Add($"better than production by less than {improvement}");
        }

        return conditions;
    }

    public static string Action(RunbookAction action) => ActionWords.Imperative(action);

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
