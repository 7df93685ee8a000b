using Lockstep.AzureDevOps;
using Lockstep.Cli.Commands;
using Lockstep.Core;
using Lockstep.Core.Platform;
using Lockstep.Core.Policy;
using Lockstep.GitHub;

namespace Lockstep.Cli.Io;

/// <summary>
/// The alert sink <c>--alert github|azure-devops</c> names, set up from the runner's environment and the policy's
/// <c>monitor:</c> section, and the link to the run that measured the alert. What is missing is bad input (exit 2).
/// </summary>
public static class AlertSinkSelection
{
    public const string GitHub = "github";
    public const string AzureDevOps = "azure-devops";

    public static IReadOnlyList<string> Kinds { get; } = [GitHub, AzureDevOps];

    /// <summary>The sink; an <see cref="AzureDevOpsAlertSink"/> holds an HTTP client and is disposable.</summary>
    /// <exception cref="InputException">An unknown kind, a variable the sink needs is not set, or the policy lacks the retraining pipeline.</exception>
    public static IAlertSink Create(string kind, GatePolicy policy, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(context);
        return kind switch
        {
            GitHub => CreateGitHub(policy, context),
            AzureDevOps => CreateAzureDevOps(policy, context),
            _ => throw new InputException("--alert", null, null, $"expected one of {string.Join(", ", Kinds)}, got '{kind}'"),
        };
    }

    /// <summary>The CI run of this monitor: a GitHub Actions run or an Azure Pipelines build; null outside CI.</summary>
    public static string? RunUrl(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return GitHubActionCheck.RunUrl(context)?.AbsoluteUri ?? AzurePipelinesContext.FromEnvironment(context.Environment)?.BuildUrl?.AbsoluteUri;
    }

    private static GitHubAlertSink CreateGitHub(GatePolicy policy, CliContext context)
    {
        var token = Required(context, "GITHUB_TOKEN", "pass the workflow's token: `env: GITHUB_TOKEN: ${{ github.token }}`");
        var repository = Required(context, "GITHUB_REPOSITORY", "run in GitHub Actions, or set it to owner/name");
        if (repository.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name])
        {
            throw new InputException("GITHUB_REPOSITORY", null, null, $"expected owner/name, got '{repository}'");
        }

        context.Runner.MaskSecret(token);
        var monitor = policy.Monitor;
        return new GitHubAlertSink(
            new GitHubHostSettings { Token = token, ApiBaseAddress = GitHubActionRun.ApiBase(context), Retry = RetryNotes.Told(context) },
            new GitHubAlertTarget(owner, name, monitor.GitHub.EventType, monitor.IssueLabels(policy.Dora)));
    }

    private static AzureDevOpsAlertSink CreateAzureDevOps(GatePolicy policy, CliContext context)
    {
        var target = Target(policy);
        var pipelines = AzurePipelinesContext.FromEnvironment(context.Environment)
            ?? throw new InputException("SYSTEM_COLLECTIONURI", null, null, "missing: run in Azure Pipelines, or set SYSTEM_COLLECTIONURI and SYSTEM_TEAMPROJECT");
        var token = AzureDevOpsEventsRun.Token(context)
            ?? throw new InputException("SYSTEM_ACCESSTOKEN", null, null, "missing: map it in the step (`env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)`) or set AZURE_DEVOPS_TOKEN");
        context.Runner.MaskSecret(token);
        return new AzureDevOpsAlertSink(
            new AzureDevOpsSettings
            {
                CollectionUri = pipelines.CollectionUri,
                Project = pipelines.Project,
                Credential = AzureDevOpsCredential.FromToken(token),
                Retry = RetryNotes.Told(context),
            },
            target);

        static AzureDevOpsAlertTarget Target(GatePolicy policy)
        {
            var settings = policy.Monitor.AzureDevOps;
            var pipeline = settings.Pipeline
                ?? throw new InputException(policy.Source, null, "monitor.azure_devops.pipeline", "missing: name the retraining pipeline (or its id) that --alert azure-devops queues");
            return new AzureDevOpsAlertTarget(pipeline, settings.Branch, settings.WorkItemType, policy.Monitor.WorkItemTags(policy.Dora), settings.ResolvedState);
        }
    }

    private static string Required(CliContext context, string variable, string how) =>
        context.Variable(variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new InputException(variable, null, null, $"missing: {how}");
}
