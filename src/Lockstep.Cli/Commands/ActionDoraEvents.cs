using Lockstep.Core.Platform;
using Lockstep.GitHub;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The action's <c>dora-source: github</c>: the repository's delivery events read from GitHub into the workspace
/// (the one folder a container action shares with the job's other steps, where actions/cache finds the cache file),
/// for the comment's DORA section. GitHub failing is a warning and a comment without DORA, never a change of verdict.
/// </summary>
public static class ActionDoraEvents
{
    /// <summary>The events file's path, or null when the events do not come from GitHub or could not be read.</summary>
    public static async Task<string?> FromGitHubAsync(ActionInputs inputs, CliContext context, IRunnerContext runner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runner);
        if (!inputs.DoraFromGitHub)
        {
            return null;
        }

        var workspace = context.Resolve(context.Variable("GITHUB_WORKSPACE") ?? ".");
        var path = Path.Combine(workspace, ".lockstep", "reports", $"{inputs.ReportId}-events.jsonl");
        var cache = inputs.DoraCache ?? Path.Combine(workspace, ".lockstep", "cache", "github.json");
        var settings = new EventsGitHubSettings(context.Variable("GITHUB_REPOSITORY"), null, path, cache, inputs.Policy, context.Variable("GITHUB_API_URL"));
        if (await EventsGitHubRun.ExecuteAsync(settings, inputs.Token, context, ct).ConfigureAwait(false) == ExitCodes.Pass)
        {
            return path;
        }

        runner.Annotate(new Annotation(
            AnnotationLevel.Warning,
            "The delivery history could not be read from GitHub (see the log); the comment has no DORA section this time.",
            Title: "Lockstep could not read DORA events from GitHub"));
        return null;
    }
}
