using Scriban.Runtime;

namespace Lockstep.Scaffolding.Models;

/// <summary>What the pipeline templates read: the stages, what each runs after, and the options as plain values.</summary>
public static class PipelineModel
{
    /// <summary>The GitHub Action the pull request check runs.</summary>
    public const string Action = "lockstep-ml/lockstep@v1";

    /// <summary>The .NET SDK the pipelines install.</summary>
    public const string DotnetVersion = "10.0.x";

    public static ScriptObject Create(PipelineOptions options)
    {
        var stages = new ScriptObject();
        foreach (var stage in PipelineStages.All)
        {
            stages[stage] = options.Stages.Contains(stage);
        }

        var needs = new ScriptObject();
        foreach (var (stage, previous) in PipelineStages.Needs(options.Stages))
        {
            needs[stage] = previous;
        }

        return new ScriptObject
        {
            ["stages"] = stages,
            ["needs"] = needs,
            ["delivery"] = options.Stages.Contains("train"),
            ["chain"] = string.Join(" → ", PipelineStages.Chain.Where(options.Stages.Contains)),
            ["model_slug"] = ModelSlug.From(options.ModelName),
            ["training_project"] = options.TrainingProject,
            ["data"] = options.Data,
            ["policy"] = options.Policy,
            ["canary_percent"] = options.CanaryPercent,
            ["action"] = Action,
            ["dotnet_version"] = DotnetVersion,
            ["lockstep_version"] = LockstepVersion.Current,
        };
    }
}
