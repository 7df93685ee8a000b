using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep budget</c>: the error budgets of the policy's SLOs.</summary>
public static class BudgetCommand
{
    public static readonly Option<string?> Policy = new("--policy", "-p") { Description = "The policy whose slos: list to measure.", HelpName = "file" };

    public static readonly Option<string[]> OpenSlo = new("--openslo")
    {
        Description = "Also measure the SLOs of an OpenSLO v1 file (kind: SLO and SLI); repeatable.",
        HelpName = "file",
    };

    public static readonly Option<string?> History = HistoryOption.Create("The history folder written by lockstep record, for SLOs with `source: history`.", required: false);

    public static readonly Option<DateTimeOffset?> AsOf = new("--as-of") { Description = "End of every SLO's rolling window, ISO 8601 (default: now, UTC).", HelpName = "time", CustomParser = TimeParsing.Parse };

    public static readonly Option<string?> Json = new("--json") { Description = "Write the budget report (lockstep.budget/v1 JSON) here; lockstep gate --budget reads it.", HelpName = "file" };

    public static readonly Option<string?> Markdown = new("--markdown", "-m") { Description = "Write the budget table (software and model SLOs side by side) as markdown here.", HelpName = "file" };

    public static readonly Option<bool> Review = new("--review")
    {
        Description = "Write the weekly error-budget review instead: both families side by side, the budget burned this week against the week before, the SLOs out of budget and the lane's deployments and incidents of the week (from --history) that burned them. --markdown takes it.",
    };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("budget", """
            Measure the error budget of every SLO in the policy's slos: list at --as-of: the SLI over the rolling window,
            the budget consumed and remaining (as a fraction and in events or time), and the burn rates with the SRE
            workbook's multiwindow alerts (1h & 5m at 14.4x, 6h & 30m at 6x, 3d & 6h at 1x). Definitions: docs/budgets.md.

            Examples:
              lockstep budget --policy lockstep.yml --as-of 2026-11-29T00:00:00Z
              lockstep budget --policy lockstep.yml --history .lockstep/history --json budget.json --markdown budget.md
              lockstep budget --openslo slos.openslo.yaml --history .lockstep/history --json budget.json
              lockstep budget --policy lockstep.yml --history .lockstep/history --review --markdown review.md
              lockstep gate --candidate candidate.json --policy lockstep.yml --budget budget.json
            """)
        {
            Policy, OpenSlo, History, AsOf, Json, Markdown, Review,
        };
        command.Subcommands.Add(BudgetRulesCommand.Create(context));

        command.Validators.Add(result =>
        {
            if (result.GetValue(Policy) is null && result.GetValue(OpenSlo) is not { Length: > 0 })
            {
                result.AddError("give the SLOs with --policy <file> (its slos: list), --openslo <file>, or both");
            }
        });

        command.SetAction((parseResult, cancellationToken) =>
        {
            var cli = context();
            var settings = new BudgetSettings(
                parseResult.GetValue(Policy),
                parseResult.GetValue(OpenSlo) ?? [],
                parseResult.GetValue(History),
                parseResult.GetValue(AsOf) ?? cli.Clock.GetUtcNow(),
                parseResult.GetValue(Json),
                parseResult.GetValue(Markdown))
            {
                Review = parseResult.GetValue(Review),
            };
            return BudgetRun.ExecuteAsync(settings, cli, cancellationToken);
        });
        return command;
    }
}

public sealed record BudgetSettings(string? PolicyPath, IReadOnlyList<string> OpenSloPaths, string? HistoryPath, DateTimeOffset AsOf, string? JsonPath, string? MarkdownPath)
{
    /// <summary>Write the weekly review (to --markdown and standard output) instead of the budget report.</summary>
    public bool Review { get; init; }
}
