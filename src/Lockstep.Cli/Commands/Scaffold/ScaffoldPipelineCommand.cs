using System.CommandLine;
using Lockstep.Cli.Io;
using Lockstep.Scaffolding;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep scaffold pipeline</c>: GitHub workflows and/or azure-pipelines.yml, and deploy/serve.sh.</summary>
public static class ScaffoldPipelineCommand
{
    public static readonly Option<string> Ci = ScaffoldOptions.Ci(null);

    public static readonly Option<string> Stages = new("--stages")
    {
        Description = $"The stages, comma-separated: {string.Join(", ", PipelineStages.All)} (default: all). validate is the pull request check; retrain adds the scheduled monitor and the retraining its alerts start; drill adds the quarterly disaster-recovery drill.",
        DefaultValueFactory = _ => string.Join(",", PipelineStages.All),
        HelpName = "list",
    };

    public static readonly Option<string> ModelName = new("--model-name") { Description = "The model's name; the pipelines carry its slug (lower case, no spaces).", DefaultValueFactory = _ => "model", HelpName = "name" };

    public static readonly Option<string> TrainingProject = new("--training-project")
    {
        Description = "The training project's folder; run with `-- --out DIR` it must write DIR/model.zip and DIR/report-card.json.",
        DefaultValueFactory = _ => "src/Model.Training",
        HelpName = "dir",
    };

    public static readonly Option<string> Data = new("--data") { Description = "The training data: the reference for drift.", DefaultValueFactory = _ => "data/dataset.csv", HelpName = "file" };

    public static readonly Option<string> Policy = new("--policy") { Description = "The gate policy the pipelines gate with.", DefaultValueFactory = _ => "lockstep.yml", HelpName = "file" };

    public static readonly Option<int> CanaryPercent = ScaffoldOptions.CanaryPercent();

    public static readonly Option<string> Out = new("--out", "-o") { Description = "The repository root to write into.", DefaultValueFactory = _ => ".", HelpName = "dir" };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("pipeline", """
            Write the CI pipelines: the pull request check (build, test, train and evaluate, drift, gate, comment) and
            delivery on main (train, gate against production, register, shadow, canary, promote or roll back on the gate),
            the scheduled monitor (lockstep monitor: drift, freshness and quality alerts as an incident issue or work item)
            and the retraining its alerts start (a pull request with the retrained model's card), and the quarterly
            disaster-recovery drill (the production model rebuilt from its commit without the feature store, the model
            registry or the training cluster, checked with lockstep rebuild-check and timed), as GitHub workflows, Azure
            pipelines or both, plus deploy/serve.sh, the script the pipelines reach your serving platform through.

            Examples:
              lockstep scaffold pipeline --ci github --model-name ChurnModel --training-project src/ChurnModel.Training
              lockstep scaffold pipeline --ci both --canary-percent 10
              lockstep scaffold pipeline --ci azure --stages train,evaluate,register,promote --out ../churn
              lockstep scaffold pipeline --ci github --stages validate,train,evaluate,promote,drill
            """)
        {
            Ci, Stages, ModelName, TrainingProject, Data, Policy, CanaryPercent, Out, ScaffoldOptions.Force,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            var options = new PipelineOptions
            {
                Ci = CiTargets.Parse(parseResult.GetValue(Ci)!),
                Stages = PipelineStages.Parse(parseResult.GetValue(Stages)!, "--stages"),
                ModelName = parseResult.GetValue(ModelName)!,
                TrainingProject = parseResult.GetValue(TrainingProject)!,
                Data = parseResult.GetValue(Data)!,
                Policy = parseResult.GetValue(Policy)!,
                CanaryPercent = parseResult.GetValue(CanaryPercent),
            };
            var files = GeneratedOutput.ScaffolderFor(cli).Pipelines(options);
            return GeneratedOutput.Write(parseResult.GetValue(Out)!, files, parseResult.GetValue(ScaffoldOptions.Force), cli);
        });
        return command;
    }
}
