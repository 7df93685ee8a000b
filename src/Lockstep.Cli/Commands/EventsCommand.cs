using System.CommandLine;
using Lockstep.AzureDevOps;
using Lockstep.Core.Dora;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep events</c>: writes the delivery events file <c>lockstep dora</c> reads, from a platform's records (<c>azure-devops</c> here, <c>github</c> in <see cref="EventsGitHubCommand"/>).</summary>
public static class EventsCommand
{
    public static readonly Option<string> Out = new("--out", "-o") { Description = "Write the events (lockstep.events/v1 JSON Lines) here.", Required = true, HelpName = "file" };

    public static readonly Option<string[]> CodeEnvironment = Names("--code-environment", "An Azure Pipelines environment whose deployment records are code deployments (repeatable).", "name");

    public static readonly Option<string[]> ModelEnvironment = Names("--model-environment", "An Azure Pipelines environment whose deployment records are model deployments (repeatable).", "name");

    public static readonly Option<string[]> CodePipeline = Names("--code-pipeline", "A pipeline whose completed runs are code deployments (repeatable).", "name");

    public static readonly Option<string[]> ModelPipeline = Names("--model-pipeline", "A pipeline whose completed runs are model deployments (repeatable).", "name");

    public static readonly Option<string?> CodeIncidentTag = new("--code-incident-tag") { Description = "Work items with this tag are code incidents.", HelpName = "tag" };

    public static readonly Option<string?> ModelIncidentTag = new("--model-incident-tag") { Description = "Work items with this tag are model incidents.", HelpName = "tag" };

    public static readonly Option<string?> IncidentType = new("--incident-type") { Description = "Only work items of this type are incidents (for example Bug).", HelpName = "type" };

    public static readonly Option<int> Days = DaysOption();

    public static readonly Option<string?> CollectionUri = new("--collection-uri") { Description = "The collection address (default: SYSTEM_COLLECTIONURI).", HelpName = "url" };

    public static readonly Option<string?> Project = new("--project") { Description = "The project (default: SYSTEM_TEAMPROJECT).", HelpName = "name" };

    public static Command Create(Func<CliContext> context) => new("events", """
        Write delivery events (lockstep.events/v1) from a platform's deployment records, for lockstep dora.

        Examples:
          lockstep events azure-devops --code-environment production --out events.jsonl
          lockstep events github --repo octo-org/model-repo --since 90d --out events.jsonl
        """)
    {
        AzureDevOps(context),
        EventsGitHubCommand.Create(context),
    };

    private static Command AzureDevOps(Func<CliContext> context)
    {
        var command = new Command("azure-devops", """
            Read deployments, their commits and pull requests, and incidents from an Azure DevOps project and write them
            as delivery events: deployments from the deployment records of Azure Pipelines environments, or from the
            completed runs of named pipelines; incidents from work items with a tag. The token comes from
            AZURE_DEVOPS_TOKEN (a personal access token) or SYSTEM_ACCESSTOKEN. See docs/azure-devops.md.

            Examples:
              lockstep events azure-devops --code-environment production --model-environment model-serving --out events.jsonl
              lockstep events azure-devops --code-pipeline deploy-web --model-pipeline deploy-model \
                --code-incident-tag incident --model-incident-tag model-incident --incident-type Bug --days 120 --out events.jsonl
              lockstep dora --events events.jsonl --policy lockstep.yml
            """)
        {
            Out, CodeEnvironment, ModelEnvironment, CodePipeline, ModelPipeline, CodeIncidentTag, ModelIncidentTag, IncidentType, Days, CollectionUri, Project,
        };
        command.Validators.Add(result =>
        {
            var delivery = Delivery(result);
            if (delivery.ReadsAnything is false)
            {
                result.AddError("name at least one --code-environment, --model-environment, --code-pipeline, --model-pipeline or incident tag");
            }
            else if (delivery.SharedIncidentTag is { } shared)
            {
                result.AddError($"--model-incident-tag: '{shared}' is --code-incident-tag too: a work item with it would be an incident of both lanes; give each lane its own tag");
            }
        });
        command.SetAction((parseResult, ct) => AzureDevOpsEventsRun.ExecuteAsync(
            new AzureDevOpsEventsSettings(parseResult.GetValue(Out)!, Delivery(parseResult), parseResult.GetValue(Days), parseResult.GetValue(CollectionUri), parseResult.GetValue(Project)),
            context(),
            ct));
        return command;
    }

    private static DeliverySourceSettings Delivery(System.CommandLine.Parsing.CommandResult result) => new()
    {
        Since = DateTimeOffset.MinValue,
        Environments = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = result.GetValue(CodeEnvironment) ?? [], [Lane.Model] = result.GetValue(ModelEnvironment) ?? [] },
        Pipelines = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = result.GetValue(CodePipeline) ?? [], [Lane.Model] = result.GetValue(ModelPipeline) ?? [] },
        IncidentTags = new[] { (Lane.Code, result.GetValue(CodeIncidentTag)), (Lane.Model, result.GetValue(ModelIncidentTag)) }
            .Where(t => t.Item2 is not null).ToDictionary(t => t.Item1, t => t.Item2!),
        IncidentType = result.GetValue(IncidentType),
    };

    private static DeliverySourceSettings Delivery(ParseResult result) => Delivery(result.CommandResult);

    private static Option<int> DaysOption()
    {
        var days = new Option<int>("--days") { Description = "How many days back to read (default 90).", DefaultValueFactory = _ => 90, HelpName = "n" };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3660)
            {
                result.AddError("--days must be from 1 to 3660");
            }
        });
        return days;
    }

    private static Option<string[]> Names(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };
}
