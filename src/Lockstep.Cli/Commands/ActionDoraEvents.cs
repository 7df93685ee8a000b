using Lockstep.Core.Platform;
using Lockstep.GitHub;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The action's <c>dora-source: github</c>: the repository's delivery events read from GitHub into the runner's temp
/// directory, for the comment's DORA section. GitHub failing is a warning and a comment without DORA, never a
/// change of verdict.
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

        var path = Path.Combine(context.Variable("RUNNER_TEMP") ?? Path.GetTempPath(), $"lockstep-{inputs.ReportId}-events.jsonl");
        var settings = new EventsGitHubSettings(context.Variable("GITHUB_REPOSITORY"), null, path, inputs.DoraCache, inputs.Policy, context.Variable("GITHUB_API_URL"));
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
