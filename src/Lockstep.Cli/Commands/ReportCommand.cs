using System.CommandLine;
using Lockstep.Core.Dora;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep report</c>: the pull request comment from a gate result and a DORA report.</summary>
public static class ReportCommand
{
    public static readonly Option<string> Gate = new("--gate") { Description = "The gate result (lockstep.gate-result/v1 JSON, from lockstep gate --out).", Required = true, HelpName = "file" };

    public static readonly Option<string?> Dora = new("--dora") { Description = "The DORA report (lockstep.dora/v1 JSON, from lockstep dora --json): adds the two-lane table, charts and events.", HelpName = "file" };

    public static readonly Option<string?> PrEvent = new("--pr-event") { Description = "A GitHub pull_request event payload (in Actions: $GITHUB_EVENT_PATH): adds the PR's lead time so far, counted from when it was opened.", HelpName = "file" };

    public static readonly Option<string?> PrCommits = new("--pr-commits")
    {
        Description = "The PR's commits, so its lead time starts at the first commit: GitHub's pulls/{number}/commits response (e.g. from gh api) or an array of {sha, authored_at, committed_at}.",
        HelpName = "file",
    };

    public static readonly Option<string> Lane = new("--lane")
    {
        Description = "The lane this PR touches, whose lead times the PR is compared with: code or model.",
        DefaultValueFactory = _ => "model",
    };

    public static readonly Option<DateTimeOffset?> AsOf = new("--as-of") { Description = "The time the PR's lead time runs to, ISO 8601 (default: now, UTC).", HelpName = "time", CustomParser = TimeParsing.Parse };

    public static readonly Option<bool> Plain = new("--plain") { Description = "No Mermaid charts and no HTML, for surfaces that render neither." };

    public static readonly Option<string?> DashboardUrl = new("--dashboard-url")
    {
        Description = "The published dashboard (lockstep dashboard), linked from the delivery section: an absolute http or https address.",
        HelpName = "url",
    };

    public static readonly Option<string?> Out = new("--out", "-o") { Description = "Write the markdown here (atomically) instead of printing it.", HelpName = "file" };

    static ReportCommand() => Lane.AcceptOnlyFromAmong("code", "model");

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("report", """
            Render the pull request comment: the gate verdict and table, the PR's lead time against its lane's median
            and P95, the two-lane DORA table with changes and levels, Mermaid charts (deployments per day, the model
            lane's stage strip, the rolling change failure rate) and the events behind the numbers, kept under
            GitHub's 65,536-character limit.

            Examples:
              lockstep report --gate result.json --dora dora.json --pr-event "$GITHUB_EVENT_PATH" --out pr-comment.md
              lockstep report --gate result.json --dora dora.json --pr-event "$GITHUB_EVENT_PATH" --pr-commits commits.json --lane code
              lockstep report --gate result.json --dora dora.json --lane code --plain
              lockstep report --gate result.json --dora dora.json --dashboard-url https://octo-org.github.io/model-repo/
            """)
        {
            Gate, Dora, PrEvent, PrCommits, Lane, AsOf, Plain, DashboardUrl, Out,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            var settings = new ReportRunSettings(
                parseResult.GetValue(Gate)!,
                parseResult.GetValue(Dora),
                parseResult.GetValue(PrEvent),
                parseResult.GetValue(Lane) == "code" ? Core.Dora.Lane.Code : Core.Dora.Lane.Model,
                parseResult.GetValue(AsOf) ?? cli.Clock.GetUtcNow(),
                parseResult.GetValue(Plain),
                parseResult.GetValue(Out))
            {
                PrCommitsPath = parseResult.GetValue(PrCommits),
                DashboardUrl = parseResult.GetValue(DashboardUrl),
            };
            return ReportRun.Execute(settings, cli);
        });
        return command;
    }
}

public sealed record ReportRunSettings(string GatePath, string? DoraPath, string? PrEventPath, Lane Lane, DateTimeOffset AsOf, bool Plain, string? OutPath)
{
    public string? PrCommitsPath { get; init; }

    /// <summary>The published dashboard's address as given; checked when the report runs.</summary>
    public string? DashboardUrl { get; init; }
}
