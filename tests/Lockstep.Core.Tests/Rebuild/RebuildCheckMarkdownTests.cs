using Lockstep.Core.Rebuild;
using static Lockstep.Core.Tests.Rebuild.RebuildCards;

namespace Lockstep.Core.Tests.Rebuild;

public class RebuildCheckMarkdownTests
{
    [Fact]
    public void Differences_are_a_table_under_the_verdict()
    {
        var check = Check(Registered.WithMetrics(("auc", 0.8398)) with { Run = Registered.Run! with { Seed = 7 } });

        Assert.Equal(
            $"""
            ## Rebuild check: ❌ differs (3 differences)

            - registered: `registered.json` (sha256 `{new string('a', 64)}`)
            - rebuilt: `rebuilt.json` (sha256 `{new string('b', 64)}`)
            - metrics equal when |rebuilt − registered| ≤ 1e-9

            | Kind | What | Registered | Rebuilt | Difference |
            |---|---|---|---|---|
            | run | run.seed | 42 | 7 |  |
            | metric | auc | 0.8412 | 0.8398 | −0.0014 |
            | metric | f1 | 0.7 | missing |  |

            """,
            RebuildCheckMarkdown.Render(check).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_identical_rebuild_has_no_table()
    {
        var markdown = RebuildCheckMarkdown.Render(Check(Registered));

        Assert.StartsWith("## Rebuild check: ✅ identical\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("| Kind |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Cannot_tell_is_a_warning_and_a_pipe_in_a_value_is_escaped()
    {
        var registered = Registered with { Run = null };
        var check = Check(registered, registered with { Model = registered.Model with { Name = "a|b" } });

        var markdown = RebuildCheckMarkdown.Render(check);

        Assert.StartsWith("## Rebuild check: ⚠️ cannot tell: run.commit: missing from the registered card", markdown, StringComparison.Ordinal);
        Assert.Contains("| model | model.name | churn | a\\|b |  |", markdown, StringComparison.Ordinal);
    }
}
