using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep dashboard</c>: one static HTML page of both signal families from a history folder.</summary>
public static class DashboardCommand
{
    public static readonly Option<string> History = new("--history") { Description = "The history folder that lockstep record writes.", Required = true, HelpName = "dir" };

    public static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "Write the page here (one self-contained HTML file).",
        DefaultValueFactory = _ => Path.Combine("site", "index.html"),
        HelpName = "file",
    };

    public static readonly Option<string?> Policy = new("--policy", "-p") { Description = "Read the dora: section (lanes, window, attribution) from this policy; defaults apply without it.", HelpName = "file" };

    public static readonly Option<DateTimeOffset?> AsOf = new("--as-of") { Description = "The end of the period shown, ISO 8601 (default: now, UTC).", HelpName = "time", CustomParser = TimeParsing.Parse };

    public static readonly Option<string?> Budget = new("--budget") { Description = "Add the error budgets of this lockstep budget --json report, a panel per family (software, model).", HelpName = "file" };

    public static readonly Option<int> WindowDays = new("--window-days")
    {
        Description = "How many days the charts cover, ending with the as-of day (1 to 3660). Over 120 days, the charts are drawn per week.",
        DefaultValueFactory = _ => 90,
        HelpName = "days",
    };

    static DashboardCommand() => WindowDays.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() is < 1 or > 3660)
        {
            result.AddError("--window-days must be between 1 and 3660");
        }
    });

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("dashboard", """
            Draw the dashboard: one self-contained HTML page (no script, nothing fetched when it opens) with both
            signal families from a history folder. Delivery for the code and model lanes side by side: the DORA
            table as lockstep dora computes it, deployment frequency, lead time median and P95, the model lane's
            stage strip, the rolling change failure rate, time to restore, and which lane is the wider gap. Model
            quality: the gate verdicts, PSI per feature with the rollback line, each gated metric per model version
            with the change its gate allows, and feature freshness. A table with the same numbers sits under every
            chart. Open it from a CI artifact, GitHub Pages or a file share.

            Examples:
              lockstep dashboard --history .lockstep/history
              lockstep dashboard --history .lockstep/history --policy lockstep.yml --out site/index.html --window-days 365
              lockstep dashboard --history history --as-of 2026-11-24T18:00:00Z --out dashboard.html
              lockstep dashboard --history .lockstep/history --budget budget.json --out site/index.html
            """)
        {
            History, Out, Policy, AsOf, WindowDays, Budget,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var cli = context();
            var settings = new DashboardSettings(
                parseResult.GetValue(History)!,
                parseResult.GetValue(Out)!,
                parseResult.GetValue(Policy),
                parseResult.GetValue(AsOf) ?? cli.Clock.GetUtcNow(),
                parseResult.GetValue(WindowDays))
            {
                BudgetPath = parseResult.GetValue(Budget),
            };
            return await DashboardRun.ExecuteAsync(settings, cli, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

public sealed record DashboardSettings(string HistoryPath, string OutPath, string? PolicyPath, DateTimeOffset AsOf, int WindowDays)
{
    public string? BudgetPath { get; init; }
}
