using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Policy;
using Lockstep.GitHub;
using Lockstep.GitHub.Deliveries;
using Lockstep.Http;

namespace Lockstep.Cli.Commands;

/// <summary>
/// Reads the policy's lanes, loads the cache, reads the delivery history from GitHub, writes the events and the cache
/// (the cache also when GitHub fails half-way, so the next run goes on from there, but not when nothing was read),
/// and prints the requests used.
/// </summary>
public static class EventsGitHubRun
{
    public static async Task<int> ExecuteAsync(EventsGitHubSettings settings, string? token, CliContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        // The cache is read and rewritten by design; --out must be neither it nor the policy.
        OutputPaths.RefuseInputs(context, [("--out", settings.OutPath)], [("--cache", settings.CachePath), ("--policy", settings.PolicyPath)]);
        var (owner, name) = Repository(settings.Repository);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InputException("environment", null, "GITHUB_TOKEN", "missing: set it to a token that can read the repository's deployments, issues and pull requests");
        }

        var dora = new DoraSettings();
        var doraSource = "default dora settings";
        if (settings.PolicyPath is { } policyPath)
        {
            var policyFile = InputFile.Read(policyPath, context);
            dora = PolicyReader.ReadDora(policyFile.Text, policyFile.DisplayPath);
            doraSource = policyFile.DisplayPath;
        }

        var api = ApiAddress(settings.ApiUrl);
        var cache = LoadCache(settings.CachePath, api, $"{owner}/{name}", context);
        using var progress = new RequestProgressDisplay(context);
        var source = new GitHubDeliverySettings
        {
            ApiBaseAddress = api,
            Token = token,
            Owner = owner,
            Repository = name,
            Since = (settings.Since ?? new Since(null, 3 * dora.WindowDays)).From(context.Clock.GetUtcNow()),
            Dora = dora,
            DoraSource = doraSource,
            Progress = progress.Report,
            Retry = RetryNotes.ToldTo(new HttpRetryPolicy { Clock = context.Clock }, progress.Note),
        };

        DeliveryHistory history;
        try
        {
            history = await GitHubDeliverySource.ReadAsync(source, cache, ct).ConfigureAwait(false);
        }
        catch (GitHubSourceException e) when (!progress.AnythingRead)
        {
            // GitHub could not be reached or refused from the first request: there is nothing to keep and no
            // requests worth summing up, so the cache file is left as it was and the error is the only line.
            progress.Abandon();
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (GitHubSourceException e)
        {
            progress.Done();
            AtomicFiles.WriteAll([(settings.CachePath, DeliveryCacheJson.Serialize(cache))], context);
            context.Error.WriteLine($"error: {e.Message}");
            context.Error.WriteLine($"kept what was read in {settings.CachePath}: run again to go on from there");
            return ExitCodes.InputError;
        }

        progress.Done();
        AtomicFiles.WriteAll([(settings.OutPath, EventsWriter.Write(history.Events)), (settings.CachePath, DeliveryCacheJson.Serialize(cache))], context);
        foreach (var note in history.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }

        var deployments = history.Events.Count(e => e is Deployment);
        context.Out.WriteLine($"wrote {settings.OutPath}: {deployments:N0} deployments, {history.Events.Count - deployments:N0} incidents since {source.Since.UtcDateTime:yyyy-MM-dd HH:mm}Z");
        return ExitCodes.Pass;
    }

    private static (string Owner, string Name) Repository(string? repository) =>
        repository?.Split('/') is [{ Length: > 0 } owner, { Length: > 0 } name]
            ? (owner, name)
            : throw new InputException("--repo", null, null, repository is null
                ? "missing: name the repository as owner/name (or set GITHUB_REPOSITORY)"
                : $"expected owner/name, got '{repository}'");

    private static Uri ApiAddress(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return GitHubHostSettings.PublicApi;
        }

        return Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var address) && address.Scheme is "https" or "http"
            ? address
            : throw new InputException("--api-url", null, null, $"expected an http(s) address such as https://github.example.com/api/v3, got '{url}'");
    }

    /// <summary>The cache file's contents when there is one; a cache that cannot be used is noted and replaced.</summary>
    private static DeliveryCache LoadCache(string path, Uri api, string repository, CliContext context)
    {
        string? json = null;
        var fullPath = context.Resolve(path);
        if (File.Exists(fullPath))
        {
            try
            {
                json = File.ReadAllText(fullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"note: {path}: cannot read the cache ({e.Message}); starting afresh");
            }
        }

        var cache = DeliveryCacheJson.Load(json, api, repository, out var note);
        if (note is not null)
        {
            context.Error.WriteLine($"note: {path}: {note}");
        }

        return cache;
    }
}
