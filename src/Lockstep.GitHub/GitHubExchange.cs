using Lockstep.Http;

namespace Lockstep.GitHub;

/// <summary>
/// Runs GitHub calls over the shared retry stack (<see cref="HttpResilience"/>, which waits out server errors and
/// rate limits within the budget) and turns a final failure into one clear exception. A create is made safe here:
/// when it failed in a way that may have stored it, the whole exchange runs again, and the exchange looks for its
/// own before creating. Messages never carry the token, even if GitHub echoed it.
/// </summary>
internal sealed class GitHubExchange(HttpResilience resilience, string token, GitHubAdvice advice)
{
    /// <summary>What a 403 "Resource not accessible by integration" means for a comment: a read-only token, as on forks.</summary>
    public const string ReadOnlyTokenHint =
        "the token is read-only, as on pull requests from forks: post the report from a workflow triggered by workflow_run, which gets a write token.";

    public HttpRetryPolicy Policy => resilience.Policy;

    /// <param name="notPermittedHint">What a refusal means for this call; by default the advice's.</param>
    public async Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken ct, string? notPermittedHint = null)
    {
        ct.ThrowIfCancellationRequested();
        resilience.CancelWith(ct);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (GitHubFault.IsFailure(e) && !ct.IsCancellationRequested)
        {
            throw Explain(what, e, resilience.Last.Attempts, notPermittedHint);
        }
    }

    /// <summary>
    /// Runs an exchange that looks for its own object and creates it only when absent; runs it again, after a backoff
    /// out of the budget, when a create failed in a way that may have stored it.
    /// </summary>
    public Task<T> RunCreatingAsync<T>(string what, Func<Task<T>> exchange, CancellationToken ct, string? notPermittedHint = null) =>
        RunCreatingAsync(what, exchange, () => notPermittedHint, ct);

    /// <param name="notPermittedHint">What a refusal means, asked when it happens: for exchanges whose calls need different permissions.</param>
    public async Task<T> RunCreatingAsync<T>(string what, Func<Task<T>> exchange, Func<string?> notPermittedHint, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        resilience.CancelWith(ct);
        var runs = 0;
        try
        {
            return await resilience.RepeatAsync(
                () =>
                {
                    runs++;
                    return exchange();
                },
                e => GitHubFault.MayHaveBeenCarriedOut(e, resilience.Last),
                ct).ConfigureAwait(false);
        }
        catch (Exception e) when (GitHubFault.IsFailure(e) && !ct.IsCancellationRequested)
        {
            throw Explain(what, e, resilience.Last.MayHaveBeenCarriedOut ? runs : resilience.Last.Attempts, notPermittedHint());
        }
    }

    private Exception Explain(string what, Exception e, int attempts, string? notPermittedHint)
    {
        var fault = GitHubFault.From(e, Policy.Clock.GetUtcNow());
        var refused = resilience.Last.RefusedWait is not null;
        var message = fault switch
        {
            { Kind: GitHubFaultKind.NotPermitted } => $"{what}: {fault.Reason}; {notPermittedHint ?? advice.ReadOnlyToken}",
            { Kind: GitHubFaultKind.Fatal } => $"{what}: {fault.Reason}{(fault.Status is { } status ? advice.Hint(status) : string.Empty)}.",
            { RateLimit: { } limit } when refused =>
                $"{what}: {fault.Reason}: {limit.Kind} rate limit until {limit.UntilText}, {Policy.BeyondBudget}.",
            { RateLimit: { } limit } => $"{what}: {fault.Reason}: {limit.Kind} rate limit until {limit.UntilText}; gave up after {attempts} attempts.",
            _ when refused => $"{what}: {fault.Reason}; the next try would wait {Policy.BeyondBudget}.",
            _ when attempts > 1 => $"{what}: {fault.Reason}; gave up after {attempts} attempts.",
            _ => $"{what}: {fault.Reason}.",
        };
        var redacted = string.IsNullOrEmpty(token) ? message : message.Replace(token, "***", StringComparison.Ordinal);
        return fault.Kind == GitHubFaultKind.NotPermitted ? advice.NotPermitted(redacted) : advice.Failed(redacted);
    }
}
