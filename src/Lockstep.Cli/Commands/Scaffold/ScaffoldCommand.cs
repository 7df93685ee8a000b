using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep scaffold</c>: the policy, runbook, pipelines or a whole starter repository, from the built-in templates.</summary>
public static class ScaffoldCommand
{
    public static Command Create(Func<CliContext> context) => new("scaffold", """
        Generate files from Lockstep's Scriban templates: pipeline, policy, runbook, or a whole starter repository.
        A .lockstep/templates folder in the working directory overrides a built-in template of the same name. Every
        file written is recorded in .lockstep/generated.json; a generated file edited since is not overwritten
        without --force, and text inside lockstep:keep regions is always kept.

        Examples:
          lockstep scaffold policy
          lockstep scaffold runbook --policy lockstep.yml
          lockstep scaffold pipeline --ci both --model-name ChurnModel --training-project src/ChurnModel.Training
          lockstep scaffold repo --name ChurnModel --ci github
        """)
    {
        ScaffoldPipelineCommand.Create(context),
        ScaffoldPolicyCommand.Create(context),
        ScaffoldRunbookCommand.Create(context),
        ScaffoldRepoCommand.Create(context),
    };
}
