using System.Globalization;
using Lockstep.GitHub.Deliveries;

namespace Lockstep.Cli.Io;

/// <summary>
/// The requests a GitHub read has used: a redrawn line on a terminal while it pages, and one summary line when it
/// is done, which is all a CI log gets.
/// </summary>
public sealed class RequestProgressDisplay(CliContext context) : IDisposable
{
    private readonly TerminalLine line = new(context);
    private RequestCount last;

    public void Report(RequestCount count)
    {
        last = count;
        line.Draw(() => string.Create(CultureInfo.InvariantCulture, $"GitHub: {count.Sent:N0} requests ({count.Reading})"));
    }

    /// <summary>A note while the requests go on (a retry's wait), printed above the progress line.</summary>
    public void Note(string text) => line.WriteAbove(text);

    /// <summary>Whether GitHub gave what was asked at least once: when not, the run read nothing and has nothing to sum up.</summary>
    public bool AnythingRead => last.Answered > 0;

    /// <summary>Clears the progress line without a summary, for a run that read nothing.</summary>
    public void Abandon() => line.Clear();

    /// <summary>Clears the progress line and prints the summary, also after a failure: those requests were used too.</summary>
    public void Done()
    {
        line.Clear();
        context.Error.WriteLine(Summary(last, line.Elapsed));
    }

    /// <summary>Ends a line still drawn (the reading stopped before <see cref="Done"/>) with a newline.</summary>
    public void Dispose() => line.Dispose();

    public static string Summary(RequestCount count, TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"GitHub: {count.Sent:N0} {(count.Sent == 1 ? "request" : "requests")}, {count.NotModified:N0} answered 304 Not Modified from the cache"
            + $"{(count.RateLimitRemaining is { } left ? $"; rate limit: {left:N0} left" : string.Empty)}; {elapsed.TotalSeconds:0.0} s");
}
