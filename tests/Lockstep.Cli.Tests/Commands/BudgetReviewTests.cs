using Lockstep.Cli.Commands;

namespace Lockstep.Cli.Tests.Commands;

/// <summary><c>lockstep budget --review</c>: the weekly review, with hand-computed figures.</summary>
public sealed class BudgetReviewTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public void The_review_shows_both_families_the_budget_burned_each_week_and_what_burned_a_spent_budget()
    {
        cli.Write("events.jsonl", DemoCommand.Resource("events.jsonl"));
        Assert.Equal(0, cli.Run("record", "--history", "history", "events.jsonl").ExitCode);
        cli.Write("slos.yml", """
            version: 1
            slos:
              - { id: api-availability, family: software, objective: 99%, window_days: 28, budgeting: occurrences, sli: { source: file, path: api.csv } }
              - { id: model-auc, family: model, objective: 99.9%, window_days: 7, budgeting: occurrences, sli: { source: file, path: model.csv } }
            """);
        cli.Write("api.csv", "timestamp,good,total\n2026-10-25T12:00:00Z,1000,1000\n2026-11-07T12:00:00Z,995,1000\n2026-11-14T12:00:00Z,980,1000\n");
        cli.Write("model.csv", "timestamp,good,total\n2026-11-14T12:00:00Z,990,1000\n");

        var run = cli.Run("budget", "--policy", "slos.yml", "--history", "history", "--as-of", "2026-11-18T00:00:00Z", "--review", "--markdown", "review.md");

        Assert.True(run.ExitCode == 0, run.ToString());
        var review = cli.Read("review.md");
        Assert.StartsWith("## Error-budget review: the week to 2026-11-18 00:00 UTC\n", review, StringComparison.Ordinal);

        // api-availability, window (Oct 21, Nov 18]: 3000 events, 25 bad, 30 allowed (1 %): remaining 1 − 25/30 = 16.667 %,
        // SLI 2975/3000 = 99.167 %. This week (Nov 11, Nov 18]: 20 bad of the 30 allowed = 66.667 %. The week before,
        // over the window (Oct 14, Nov 11]: 2000 events, 20 allowed, 5 bad in (Nov 4, Nov 11] = 25 %.
        Assert.Contains("| software | `api-availability` | 99% | 99.167% | 16.667% | 66.667% | 25% |", review, StringComparison.Ordinal);

        // model-auc, window (Nov 11, Nov 18]: 1000 events, 10 bad, 1 allowed (0.1 %): remaining 1 − 10 = −900 %, the week
        // burned 10 / 1 = 1000 %; the week before has no events, so nothing to compare.
        Assert.Contains("| model | `model-auc` | 99.9% | 99% | -900% | 1000% | — |", review, StringComparison.Ordinal);

        // Only model-auc is spent; the model lane's week holds model-014 and INC-2077 (demo events).
        Assert.Contains("- `model-auc` (model): -900% of the budget remains; this week burned 1000%. The model lane this week: 1 deployment (`model-014`), 1 incident (`INC-2077`).", review, StringComparison.Ordinal);
        Assert.DoesNotContain("- `api-availability`", review, StringComparison.Ordinal);
        Assert.Contains("wrote review.md", run.Out, StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();
}
