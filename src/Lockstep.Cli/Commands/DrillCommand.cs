using System.CommandLine;
using Lockstep.Core.Dora;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep drill</c>: record disaster-recovery drills as drill incidents in an events file.</summary>
public static class DrillCommand
{
    public static Option<string> ScenarioOption() => new Option<string>("--scenario")
    {
        Description = $"The plane the drill loses: {DrillScenarios.Expected}.",
        HelpName = "scenario",
        Required = true,
    }.AcceptOnlyFromAmong([.. DrillScenarios.All]);

    public static Option<string> EventsOption() => new("--events")
    {
        Description = "The lockstep.events/v1 JSON Lines file to record the drill in (start creates it when missing).",
        HelpName = "file",
        Required = true,
    };

    public static Option<string?> IdOption(string description) => new("--id") { Description = description, HelpName = "id" };

    public static Option<DateTimeOffset?> AtOption(string description) =>
        new("--at") { Description = description, HelpName = "time", CustomParser = TimeParsing.Parse };

    public static Command Create(Func<CliContext> context) => new("drill", """
        Record disaster-recovery drills (losing the feature store, the model registry or the training cluster) as
        drill incidents in an events file. lockstep dora reports their time to restore per scenario, apart from
        incidents, and never counts them in the change failure rate or the time to restore.

        Examples:
          lockstep drill start --scenario feature-store --events events.jsonl
          lockstep drill end --scenario feature-store --events events.jsonl
          lockstep drill run --scenario model-registry --events events.jsonl -- ./rebuild-model.sh
        """)
    {
        DrillStartCommand.Create(context),
        DrillEndCommand.Create(context),
        DrillRunCommand.Create(context),
    };
}

/// <summary><c>lockstep drill start</c>.</summary>
public static class DrillStartCommand
{
    public static readonly Option<string> Scenario = DrillCommand.ScenarioOption();

    public static readonly Option<string> Events = DrillCommand.EventsOption();

    public static readonly Option<string> Lane = LaneOption();

    public static Option<string> LaneOption() => new Option<string>("--lane")
    {
        Description = "The lane the drill belongs to: model or code (default: model).",
        HelpName = "lane",
        DefaultValueFactory = _ => "model",
    }.AcceptOnlyFromAmong("model", "code");

    public static readonly Option<string?> Id = DrillCommand.IdOption("The drill's incident id (default: drill-<scenario>-<start time>).");

    public static readonly Option<DateTimeOffset?> At = DrillCommand.AtOption("When the drill started, ISO 8601 (default: now, UTC).");

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("start", """
            Append an open drill incident of the scenario to the events file. Refused (exit 2) while a drill of the
            same scenario and lane is open, or when the id is taken. The file is written at once or not at all.

            Examples:
              lockstep drill start --scenario model-registry --events events.jsonl
              lockstep drill start --scenario training-cluster --events events.jsonl --lane model --id DR-2026-Q4-3 --at 2026-12-01T09:00:00Z
            """)
        {
            Scenario, Events, Lane, Id, At,
        };
        command.SetAction(parseResult =>
        {
            var cli = context();
            var lane = parseResult.GetValue(Lane) == "code" ? Core.Dora.Lane.Code : Core.Dora.Lane.Model;
            return DrillRun.Start(
                new DrillSettings(parseResult.GetValue(Scenario)!, parseResult.GetValue(Events)!, parseResult.GetValue(Id), parseResult.GetValue(At) ?? cli.Clock.GetUtcNow()),
                lane,
                cli);
        });
        return command;
    }
}

/// <summary><c>lockstep drill end</c>.</summary>
public static class DrillEndCommand
{
    public static readonly Option<string> Scenario = DrillCommand.ScenarioOption();

    public static readonly Option<string> Events = DrillCommand.EventsOption();

    public static readonly Option<string?> Id = DrillCommand.IdOption("The open drill to end, when more than one of the scenario is open.");

    public static readonly Option<DateTimeOffset?> At = DrillCommand.AtOption("When service was restored, ISO 8601 (default: now, UTC).");

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("end", """
            Resolve the open drill of the scenario: its line in the events file gets resolved_at, the rest of the file
            is kept as it is. Exit 2 when no drill of the scenario is open. The file is written at once or not at all.

            Examples:
              lockstep drill end --scenario model-registry --events events.jsonl
              lockstep drill end --scenario training-cluster --events events.jsonl --id DR-2026-Q4-3 --at 2026-12-01T11:30:00Z
            """)
        {
            Scenario, Events, Id, At,
        };
        command.SetAction(parseResult =>
        {
            var cli = context();
            return DrillRun.End(
                new DrillSettings(parseResult.GetValue(Scenario)!, parseResult.GetValue(Events)!, parseResult.GetValue(Id), parseResult.GetValue(At) ?? cli.Clock.GetUtcNow()),
                cli);
        });
        return command;
    }
}

/// <param name="At">When the drill started (start) or was restored (end).</param>
public sealed record DrillSettings(string Scenario, string EventsPath, string? Id, DateTimeOffset At);
