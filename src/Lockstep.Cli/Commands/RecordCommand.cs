using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep record</c>: adds the facts of gate results, report cards, drift and freshness reports and delivery events to a history folder.</summary>
public static class RecordCommand
{
    public static readonly Option<string?> History = HistoryOption.Create("The history folder (Hive-style Parquet: kind=…/month=…/part-….parquet); created when missing.", required: true);

    public static readonly Option<DateTimeOffset?> At = new("--at")
    {
        Description = "The time of facts whose input carries none (a gate result without its card, a drift report), ISO 8601 (default: now, UTC).",
        HelpName = "time",
        CustomParser = TimeParsing.Parse,
    };

    public static readonly Option<string?> Model = new("--model") { Description = "The model name for inputs that name none (gate results without their card, drift and freshness reports); with --version.", HelpName = "name" };

    public static readonly Option<string?> Version = new("--version") { Description = "The model version that goes with --model.", HelpName = "v" };

    public static readonly Argument<string[]> Files = new("files")
    {
        Description = "Gate results, report cards, drift and freshness reports (by their schema) and delivery events (lockstep.events/v1 JSON Lines).",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("record", """
            Add the facts of the given files to a history folder: one per gate outcome, per card metric and slice metric,
            per drift and freshness metric, per delivery event. Every fact has a content id, so recording the same file
            twice adds nothing; each recording writes new files only, so concurrent recordings lose nothing. All inputs
            and the affected parts of the history are read and checked before anything is written. See docs/history.md.

            Examples:
              lockstep record --history .lockstep/history result.json candidate.json events.jsonl
              lockstep record --history .lockstep/history --model churn --version 1.4.0 --at 2026-11-26T06:00:00Z drift.json freshness.json
            """)
        {
            History, At, Model, Version, Files,
        };

        command.Validators.Add(result =>
        {
            if ((result.GetValue(Model) is null) != (result.GetValue(Version) is null))
            {
                result.AddError("--model and --version go together: give both or neither");
            }
        });

        command.SetAction((parseResult, cancellationToken) =>
        {
            var cli = context();
            var settings = new RecordSettings(
                parseResult.GetValue(History)!,
                parseResult.GetValue(Files) ?? [],
                parseResult.GetValue(At),
                parseResult.GetValue(Model),
                parseResult.GetValue(Version));
            return RecordRun.ExecuteAsync(settings, cli, cancellationToken);
        });
        return command;
    }
}

/// <param name="At">The time of facts whose input carries none; null for now.</param>
public sealed record RecordSettings(string HistoryPath, IReadOnlyList<string> Files, DateTimeOffset? At = null, string? Model = null, string? Version = null);
