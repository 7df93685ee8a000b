using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep dora</c>: two-lane DORA metrics from delivery events.</summary>
public static class DoraCommand
{
    public static readonly Option<string> Events = new("--events") { Description = "Delivery events, lockstep.events/v1 JSON Lines.", Required = true, HelpName = "file" };

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
            """)
        {
            Events, Policy, AsOf, Json, Markdown,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            var settings = new DoraRunSettings(
                parseResult.GetValue(Events)!,
                parseResult.GetValue(Policy),
                parseResult.GetValue(AsOf) ?? cli.Clock.GetUtcNow(),
                parseResult.GetValue(Json))
            {
                MarkdownPath = parseResult.GetValue(Markdown),
            };
            return DoraRun.Execute(settings, cli);
        });
        return command;
    }
}

public sealed record DoraRunSettings(string EventsPath, string? PolicyPath, DateTimeOffset AsOf, string? JsonPath)
{
    public string? MarkdownPath { get; init; }
}
