using Lockstep.Core;

namespace Lockstep.Scaffolding;

/// <summary>
/// The stages a pipeline scaffold can contain. <c>validate</c> is the pull request check; the delivery chain runs
/// in this order, each stage after the previous one that is included; <c>retrain</c> adds the drift alert stream:
/// the scheduled monitor and the retraining workflow or pipeline its alerts start; <c>drill</c> adds the quarterly
/// disaster-recovery drill, which rebuilds the model <c>promote</c> put in production.
/// </summary>
public static class PipelineStages
{
    public static IReadOnlyList<string> All { get; } = ["validate", "train", "evaluate", "register", "shadow", "canary", "promote", "retrain", "drill"];

    /// <summary>The delivery chain, in order.</summary>
    public static IReadOnlyList<string> Chain { get; } = ["train", "evaluate", "register", "shadow", "canary", "promote"];

    /// <summary>Parses <c>--stages</c>: names separated by commas, in any order; returns them in pipeline order.</summary>
    public static IReadOnlyList<string> Parse(string text, string option)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !All.Contains(n, StringComparer.Ordinal)).ToList();
        if (names.Length == 0 || unknown.Count > 0)
        {
            throw new InputException(option, null, null, $"unknown stage '{unknown.FirstOrDefault() ?? text}': expected a comma-separated list of {string.Join(", ", All)}");
        }

        var stages = All.Where(names.Contains).ToList();
        if (stages.Any(s => s != "validate" && s != "train") && !stages.Contains("train"))
        {
            throw new InputException(option, null, null, "every delivery stage needs 'train': it builds the model the later stages ship");
        }

        if (stages.Contains("drill") && !stages.Contains("promote"))
        {
            throw new InputException(option, null, null, "'drill' needs 'promote': the drill rebuilds the production model from the report card promote keeps");
        }

        return stages;
    }

    /// <summary>For each included stage of the chain, the included stage it runs after (empty for the first).</summary>
    public static IReadOnlyDictionary<string, string> Needs(IReadOnlyList<string> stages)
    {
        var needs = new Dictionary<string, string>(StringComparer.Ordinal);
        var previous = string.Empty;
        foreach (var stage in Chain.Where(stages.Contains))
        {
            needs[stage] = previous;
            previous = stage;
        }

        return needs;
    }
}
