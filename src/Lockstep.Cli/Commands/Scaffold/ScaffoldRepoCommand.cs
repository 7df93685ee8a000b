using System.CommandLine;
using Lockstep.Cli.Io;
using Lockstep.Scaffolding;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep scaffold repo</c>: the starter repository, the same files as <c>dotnet new lockstep-ml</c>.</summary>
public static class ScaffoldRepoCommand
{
    public static readonly Option<string> Name = new("--name", "-n") { Description = "The model's name, a C# identifier: it names the projects and namespaces.", Required = true };

    public static readonly Option<string> Task = ScaffoldOptions.Task();

    public static readonly Option<string> Ci = ScaffoldOptions.Ci("github");

    public static readonly Option<int> CanaryPercent = ScaffoldOptions.CanaryPercent();

    public static readonly Option<string?> Out = new("--out", "-o") { Description = "The folder to write the repository into (default: a folder named after the model).", HelpName = "dir" };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("repo", """
            Write a starter repository that is gated from its first pull request: a training project on Lockstep.Sdk and
            ML.NET with pinned synthetic data, its tests, lockstep.yml, RUNBOOK.md, MODEL_CARD.md and the pipelines.
            The same files as `dotnet new lockstep-ml` with the same options.

            Examples:
              lockstep scaffold repo --name ChurnModel
              lockstep scaffold repo --name SpendForecast --task regression --ci both --canary-percent 10 --out spend
            """)
        {
            Name, Task, Ci, CanaryPercent, Out, ScaffoldOptions.Force,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            var options = new RepositoryOptions
            {
                Name = parseResult.GetValue(Name)!,
                Task = parseResult.GetValue(Task)!,
                Ci = CiTargets.Parse(parseResult.GetValue(Ci)!),
                CanaryPercent = parseResult.GetValue(CanaryPercent),
            };
            var files = RepositoryScaffold.Render(GeneratedOutput.ScaffolderFor(cli), options);
            return GeneratedOutput.Write(parseResult.GetValue(Out) ?? options.Name, files, parseResult.GetValue(ScaffoldOptions.Force), cli);
        });
        return command;
    }
}
