using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep events github</c>: delivery events (<c>lockstep.events/v1</c>) from a GitHub repository's history.</summary>
public static class EventsGitHubCommand
{
    public static readonly Option<string?> Repo = new("--repo") { Description = "The repository, owner/name (default: $GITHUB_REPOSITORY).", HelpName = "owner/name" };

    public static readonly Option<Since?> SinceOption = new("--since")
    {
        Description = "Read what happened since then: a number of days (90d) or an ISO 8601 time (default: three DORA windows, 90d with the default 30-day window).",
        HelpName = "days|time",
        CustomParser = TimeParsing.ParseSince,
    };

    public static readonly Option<string> Out = new("--out", "-o") { Description = "Write the events here (lockstep.events/v1 JSON Lines), atomically.", Required = true, HelpName = "file" };

    public static readonly Option<string> Cache = new("--cache")
    {
        Description = "The cache file kept between runs (restore and save it with actions/cache): a re-run asks GitHub only what may have changed.",
        HelpName = "file",
        DefaultValueFactory = _ => DefaultCache,
    };

    public static readonly Option<string?> Policy = new("--policy", "-p") { Description = "Read the lanes' environments, incident labels and deploy workflows from this policy's dora: section.", HelpName = "file" };

    public static readonly Option<string?> ApiUrl = new("--api-url") { Description = "The REST API's address (default: $GITHUB_API_URL, else https://api.github.com), for GitHub Enterprise Server.", HelpName = "url" };

    public const string DefaultCache = ".lockstep/cache/github.json";

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("github", """
            Read a GitHub repository's delivery history into events: deployments and their statuses in each lane's
            environments (or the runs of the lanes' deploy workflows), the commits each deployment brought (compare
            between consecutive deployments), the pull requests of squash merges, and issues labelled as incidents.
            The token comes from GITHUB_TOKEN (or GH_TOKEN) and is never printed. With the cache file of an earlier run
            only what may have changed is asked, conditionally; the requests used are printed. See docs/dora-sources.md.

            Examples:
              lockstep events github --repo octo-org/model-repo --since 90d --out events.jsonl
              lockstep events github --policy lockstep.yml --out events.jsonl --cache .lockstep/cache/github.json
              lockstep events github --out events.jsonl && lockstep dora --events events.jsonl --policy lockstep.yml
            """)
        {
            Repo, SinceOption, Out, Cache, Policy, ApiUrl,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var cli = context();
            var settings = new EventsGitHubSettings(
                parseResult.GetValue(Repo) ?? cli.Variable("GITHUB_REPOSITORY"),
                parseResult.GetValue(SinceOption),
                parseResult.GetValue(Out)!,
                parseResult.GetValue(Cache)!,
                parseResult.GetValue(Policy),
                parseResult.GetValue(ApiUrl) ?? cli.Variable("GITHUB_API_URL"));
            var token = cli.Variable("GITHUB_TOKEN") is { Length: > 0 } githubToken ? githubToken : cli.Variable("GH_TOKEN");
            return EventsGitHubRun.ExecuteAsync(settings, token, cli, cancellationToken);
        });
        return command;
    }
}

/// <summary>What <c>lockstep events github</c> was asked to do; the token travels apart, so that printing this never shows it.</summary>
public sealed record EventsGitHubSettings(string? Repository, Since? Since, string OutPath, string CachePath, string? PolicyPath, string? ApiUrl);
