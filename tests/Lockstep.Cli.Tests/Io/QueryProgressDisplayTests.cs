using Lockstep.Cli.Io;
using Lockstep.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Lockstep.Cli.Tests.Io;

/// <summary>The progress of a drift computed in a database: a redrawn line per query on a terminal, one summary line in a log.</summary>
public sealed class QueryProgressDisplayTests : IDisposable
{
    private readonly StringWriter error = new();
    private readonly FakeTimeProvider clock = new();

    public void Dispose() => error.Dispose();

    [Fact]
    public void A_terminal_shows_the_feature_and_the_query_just_done()
    {
        using var display = new QueryProgressDisplay("postgresql db:5432/serving", 2, Context(terminal: true));

        display.Report(new QueryDone("age", "reference totals", TimeSpan.FromSeconds(0.42)));
        display.FeatureDone();
        clock.Advance(TimeSpan.FromMilliseconds(150));
        display.Report(new QueryDone("plan", "current categories", TimeSpan.FromSeconds(1.2)));

        var frames = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("querying postgresql db:5432/serving: feature 1 of 2 (age), reference totals done in 0.4 s; 1 query\u001b[K", frames[0]);
        Assert.Equal("querying postgresql db:5432/serving: feature 2 of 2 (plan), current categories done in 1.2 s; 2 queries\u001b[K", frames[1]);
    }

    [Fact]
    public void A_log_gets_only_the_summary()
    {
        using var display = new QueryProgressDisplay("duckdb", 1, Context(terminal: false));
        display.Report(new QueryDone("age", "reference totals", TimeSpan.FromSeconds(1)));
        display.Report(new QueryDone("age", "KS and Wasserstein", TimeSpan.FromSeconds(2)));
        clock.Advance(TimeSpan.FromSeconds(3.5));

        display.Done();

        Assert.Equal("queried duckdb: 1 feature, 2 queries in 3.5 s\n", error.ToString().ReplaceLineEndings("\n"));
    }

    private CliContext Context(bool terminal) =>
        new(TextWriter.Null, error, new Dictionary<string, string>(StringComparer.Ordinal) { ["TERM"] = "xterm-256color" }, Path.GetTempPath(), OutputIsTerminal: false)
        {
            ErrorIsTerminal = terminal,
            Clock = clock,
        };
}
