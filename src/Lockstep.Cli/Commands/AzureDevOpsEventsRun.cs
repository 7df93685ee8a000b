using Lockstep.AzureDevOps;
using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;

namespace Lockstep.Cli.Commands;

/// <summary>Reads delivery events from an Azure DevOps project and writes them as <c>lockstep.events/v1</c> JSON Lines.</summary>
public static class AzureDevOpsEventsRun
{
    /// <summary>Where the token is read from, in order: never from an option, so it stays out of command lines.</summary>
    public static readonly IReadOnlyList<string> TokenVariables = ["AZURE_DEVOPS_TOKEN", "SYSTEM_ACCESSTOKEN"];

    /// <exception cref="AzureDevOpsException">Azure DevOps refused or kept failing.</exception>
    public static async Task<IReadOnlyList<DeliveryEvent>> FetchAsync(
        AzureDevOpsSettings settings, DeliverySourceSettings delivery, string outPath, CliContext context, CancellationToken ct)
    {
        using var source = new AzureDevOpsDeliverySource(settings);
        var events = await source.ReadAsync(delivery, ct).ConfigureAwait(false);
        AtomicFiles.WriteAll([(outPath, EventsWriter.Write(events))], context);
        context.Out.WriteLine(
            $"wrote {outPath}: {events.OfType<Deployment>().Count()} deployments, {events.OfType<Incident>().Count()} incidents ({source.Requests} requests to Azure DevOps)");
        return events;
    }

    /// <summary>The token from <see cref="TokenVariables"/>, or none.</summary>
    public static string? Token(CliContext context) =>
        TokenVariables.Select(context.Variable).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    public static async Task<int> ExecuteAsync(AzureDevOpsEventsSettings settings, CliContext context, CancellationToken ct)
    {
        var collection = settings.CollectionUri ?? context.Variable("SYSTEM_COLLECTIONURI");
        var project = settings.Project ?? context.Variable("SYSTEM_TEAMPROJECT");
        if (string.IsNullOrWhiteSpace(collection) || !Uri.TryCreate(collection, UriKind.Absolute, out var collectionUri))
        {
            throw new InputException("--collection-uri", null, null, "missing: pass the collection address (https://dev.azure.com/<organization>/) or run where SYSTEM_COLLECTIONURI is set");
        }

        if (string.IsNullOrWhiteSpace(project))
        {
            throw new InputException("--project", null, null, "missing: pass the project or run where SYSTEM_TEAMPROJECT is set");
        }

        if (Token(context) is not { } token)
        {
            throw new InputException("AZURE_DEVOPS_TOKEN", null, null, "missing: set AZURE_DEVOPS_TOKEN (a personal access token) or map SYSTEM_ACCESSTOKEN: $(System.AccessToken)");
        }

        var azure = new AzureDevOpsSettings { CollectionUri = collectionUri, Project = project, Credential = AzureDevOpsCredential.FromToken(token), Retry = RetryNotes.Told(context) };
        try
        {
            await FetchAsync(azure, settings.Delivery with { Since = context.Clock.GetUtcNow().AddDays(-settings.Days) }, settings.OutPath, context, ct)
                .ConfigureAwait(false);
            return ExitCodes.Pass;
        }
        catch (AzureDevOpsException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }
    }
}

public sealed record AzureDevOpsEventsSettings(string OutPath, DeliverySourceSettings Delivery, int Days, string? CollectionUri, string? Project);
