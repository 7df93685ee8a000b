using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep dora</c>: two-lane DORA metrics from delivery events.</summary>
public static class DoraCommand
{
    public static readonly Option<string?> Events = new("--events") { Description = "Delivery events, lockstep.events/v1 JSON Lines (or --history).", HelpName = "file" };

    public static readonly Option<string?> History = HistoryOption.Create("Read the delivery events from a history folder written by lockstep record (or --events).", required: false);

    public static readonly Option<string?> Policy = new("--policy", "-p") { Description = "Read the dora: section (lanes, window, attribution) from this policy; defaults apply without it.", HelpName = "file" };

    public static readonly Option<DateTimeOffset?> AsOf = new("--as-of") { Description = "End of the current window, ISO 8601 (default: now, UTC).", HelpName = "time", CustomParser = TimeParsing.Parse };

    public static readonly Option<string?> Json = new("--json") { Description = "Write the DORA report (lockstep.dora/v1 JSON) here.", HelpName = "file" };

    public static readonly Option<string?> Markdown = new("--markdown", "-m") { Description = "Write the two-lane DORA table as markdown here.", HelpName = "file" };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("dora", """
            Compute the DORA metrics for both lanes, code and model: deployment frequency, lead time for changes
            (median, P95), change failure rate, time to restore (mean, median) and rework rate, over the trailing
            window against the window before it, with DORA 2024 levels and the model lane's stage strip.

            Examples:
              lockstep dora --events events.jsonl
              lockstep dora --events events.jsonl --policy lockstep.yml --as-of 2026-11-26T00:00:00Z --json dora.json
              lockstep dora --events events.jsonl --json dora.json --markdown dora.md
              lockstep dora --history .lockstep/history --policy lockstep.yml --json dora.json
            """)
        {
            Events, History, Policy, AsOf, Json, Markdown,
        };

        command.Validators.Add(result =>
        {
            if ((result.GetValue(Events) is null) == (result.GetValue(History) is null))
            {
                result.AddError("give the delivery events with exactly one of --events <file> and --history <dir>");
            }
        });

        command.SetAction(parseResult =>
        {
            var cli = context();
            var settings = new DoraRunSettings(
                parseResult.GetValue(Events),
                parseResult.GetValue(Policy),
                parseResult.GetValue(AsOf) ?? cli.Clock.GetUtcNow(),
                parseResult.GetValue(Json))
            {
                MarkdownPath = parseResult.GetValue(Markdown),
                HistoryPath = parseResult.GetValue(History),
            };
            return DoraRun.Execute(settings, cli);
        });
        return command;
    }
}

/// <param name="EventsPath">The events file; null when the events come from <see cref="HistoryPath"/>.</param>
public sealed record DoraRunSettings(string? EventsPath, string? PolicyPath, DateTimeOffset AsOf, string? JsonPath)
{
    public string? MarkdownPath { get; init; }

    /// <summary>A history folder to read the events from instead of an events file.</summary>
    public string? HistoryPath { get; init; }
}
