using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public class CommentBodyTests
{
    private const int Limit = 65_536;

    [Fact]
    public void A_body_within_the_limit_is_the_marker_line_and_the_report()
    {
        var body = CommentBody.Compose("gate", "### pass\n", Limit);

        Assert.Equal($"{ReportMarker.Format("gate", ReportMarker.Digest("### pass\n"))}\n### pass\n", body);
    }

    [Fact]
    public void A_body_at_exactly_the_limit_is_kept_whole()
    {
        var marker = ReportMarker.Format("gate", ReportMarker.Digest(new string('x', 1000)));
        var markdown = new string('x', Limit - marker.Length - 1);

        Assert.Equal(Limit, CommentBody.Compose("gate", markdown, Limit).Length);
    }

    [Fact]
    public void A_longer_body_is_cut_at_a_line_break_and_ends_with_the_note()
    {
        var markdown = string.Concat(Enumerable.Range(0, 100).Select(i => $"| row {i} | 0.5 |\n"));

        var body = CommentBody.Compose("gate", markdown, maxLength: 600);

        Assert.True(body.Length <= 600, $"{body.Length} characters");
        Assert.True(ReportMarker.TryRead(body, out var stamp));
        Assert.Equal(ReportMarker.Digest(markdown), stamp.Digest);
        Assert.EndsWith("|\n\n_This report was cut to fit the 600-character comment limit; the summary of the run has all of it._\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_details_block_and_code_fence_are_closed()
    {
        var markdown = "<details><summary>Events</summary>\n\n```text\n" + string.Concat(Enumerable.Repeat("deploy 2026-07-01\n", 100));

        var body = CommentBody.Compose("gate", markdown, maxLength: 700);

        Assert.True(body.Length <= 700, $"{body.Length} characters");
        Assert.EndsWith("deploy 2026-07-01\n```\n</details>\n\n" + CommentBody.TruncationNote(700) + "\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var markdown = string.Concat(Enumerable.Repeat("📈", 1000));

        var body = CommentBody.Compose("gate", markdown, maxLength: 500);

        var kept = body.Split('\n')[1];
        Assert.False(char.IsHighSurrogate(kept[^1]));
        Assert.True(kept.Length % 2 == 0);
    }

    [Fact]
    public void A_limit_too_small_for_the_marker_and_the_note_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentBody.Compose("gate", new string('x', 500), maxLength: 100));
}
