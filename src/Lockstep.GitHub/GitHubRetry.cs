using System.Globalization;
using Octokit;

namespace Lockstep.GitHub;

/// <summary>
/// Runs a GitHub exchange with the retry policy: backoff on server errors and network failures, waits on rate
/// limits within the budget, then one clear exception. Messages never carry the token, even if GitHub echoed it.
/// </summary>
internal sealed class GitHubRetry(GitHubRetryPolicy policy, string token, GitHubAdvice? advice = null)
{
    /// <summary>What a 403 "Resource not accessible by integration" means for a comment: a read-only token, as on forks.</summary>
    public const string ReadOnlyTokenHint =
        "the token is read-only, as on pull requests from forks: post the report from a workflow triggered by workflow_run, which gets a write token.";

    private readonly GitHubAdvice advice = advice ?? GitHubAdvice.Comments;

    /// <param name="notPermittedHint">What a refusal means for this exchange; by default the advice's.</param>
    public async Task<T> RunAsync<T>(string what, Func<Task<T>> exchange, CancellationToken ct, string? notPermittedHint = null)
    {
        var rateLimitWaited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            GitHubFault fault;
            try
            {
                return await exchange().ConfigureAwait(false);
            }
            catch (Exception e) when (e is ApiException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                fault = GitHubFault.From(e, policy.Clock.GetUtcNow());
            }

            TimeSpan wait;
            switch (fault.Kind)
            {
                case GitHubFaultKind.NotPermitted:
                    throw this.advice.NotPermitted(Redact($"{what}: {fault.Reason}; {notPermittedHint ?? this.advice.ReadOnlyToken}"));
                case GitHubFaultKind.Fatal:
                    throw this.advice.Failed(Redact($"{what}: {fault.Reason}{(fault.Status is { } status ? this.advice.Hint(status) : string.Empty)}."));
                case GitHubFaultKind.Transient or GitHubFaultKind.RateLimited when attempt >= policy.MaxAttempts:
                    throw this.advice.Failed(Redact($"{what}: {fault.Reason}; gave up after {attempt} attempts."));
                case GitHubFaultKind.Transient:
                    wait = policy.Backoff(attempt);
                    break;
                case GitHubFaultKind.RateLimited when rateLimitWaited + fault.Wait > policy.RateLimitBudget:
                    throw this.advice.Failed(Redact(
                        $"{what}: {fault.Reason} until {Time(fault.Until)}, beyond the {Minutes(policy.RateLimitBudget)} Lockstep waits for rate limits."));
                default:
                    wait = fault.Wait;
                    rateLimitWaited += wait;
                    break;
            }

            await policy.Delay(wait, ct).ConfigureAwait(false);
        }
    }

    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "later";

    private static string Minutes(TimeSpan budget) =>
        budget.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{budget.TotalMinutes:0.#} min")
            : string.Create(CultureInfo.InvariantCulture, $"{budget.TotalSeconds:0.#} s");

    private string Redact(string message) =>
        string.IsNullOrEmpty(token) ? message : message.Replace(token, "***", StringComparison.Ordinal);
}
