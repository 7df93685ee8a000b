using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep drill run</c>: start a drill, run the restore, and end the drill when the restore succeeds.</summary>
public static class DrillRunCommand
{
    public static readonly Option<string> Scenario = DrillCommand.ScenarioOption();

    public static readonly Option<string> Events = DrillCommand.EventsOption();

    public static readonly Option<string> Lane = DrillStartCommand.LaneOption();

    public static readonly Option<string?> Id = DrillCommand.IdOption("The drill's incident id (default: drill-<scenario>-<start time>).");

    public static readonly Argument<string[]> Restore = new("command")
    {
        Description = "The restore to run and time, after --: the program and its arguments.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("run", """
            Start a drill of the scenario, run the restore command (its output passes through), and end the drill
            when the command exits 0. When it fails, the drill stays open (a restore that failed restored nothing)
            and lockstep exits 1; when it cannot be started, nothing is written and lockstep exits 2.

            Examples:
              lockstep drill run --scenario model-registry --events events.jsonl -- ./rebuild-model.sh
              lockstep drill run --scenario training-cluster --events events.jsonl --id DR-2026-Q4-3 -- dotnet run --project train
            """)
        {
            Scenario, Events, Lane, Id, Restore,
        };
        command.SetAction(parseResult =>
        {
            var cli = context();
            var lane = parseResult.GetValue(Lane) == "code" ? Core.Dora.Lane.Code : Core.Dora.Lane.Model;
            var settings = new DrillSettings(parseResult.GetValue(Scenario)!, parseResult.GetValue(Events)!, parseResult.GetValue(Id), cli.Clock.GetUtcNow());
            return DrillRestoreRun.Execute(settings, lane, parseResult.GetValue(Restore)!, cli);
        });
        return command;
    }
}
