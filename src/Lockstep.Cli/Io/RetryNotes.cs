using Lockstep.Http;

namespace Lockstep.Cli.Io;

/// <summary>
/// Every retry's wait told on standard error before it starts, one note each, so a run waiting out a rate limit or a
/// failing service (up to the retry budget) is never silent.
/// </summary>
internal static class RetryNotes
{
    public static string Text(TimeSpan wait, string why) => $"note: waiting {HttpRetryPolicy.Describe(wait)} to try again: {why}";

    /// <summary>The default retries, their waits told on standard error (requests may fail on several threads).</summary>
    public static HttpRetryPolicy Told(CliContext context)
    {
        var error = TextWriter.Synchronized(context.Error);
        return ToldTo(new HttpRetryPolicy(), error.WriteLine);
    }

    /// <summary>The retries of <paramref name="policy"/>, their waits told to <paramref name="write"/>.</summary>
    public static HttpRetryPolicy ToldTo(HttpRetryPolicy policy, Action<string> write) =>
        policy with { OnWait = (wait, why) => write(Text(wait, why)) };
}
