using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Platform;

public class CommentDecisionTests
{
    private static readonly string Same = ReportMarker.Digest("same");
    private static readonly string Other = ReportMarker.Digest("other");

    [Theory]
    [InlineData(CommentMode.Always, false, null, CommentAction.Create)]
    [InlineData(CommentMode.Always, false, "same", CommentAction.Update)]
    [InlineData(CommentMode.Always, true, "other", CommentAction.Update)]
    [InlineData(CommentMode.Changes, false, null, CommentAction.Create)]
    [InlineData(CommentMode.Changes, true, "same", CommentAction.LeaveUnchanged)]
    [InlineData(CommentMode.Changes, false, "other", CommentAction.Update)]
    [InlineData(CommentMode.Failures, false, null, CommentAction.Skip)]
    [InlineData(CommentMode.Failures, true, null, CommentAction.Create)]
    [InlineData(CommentMode.Failures, false, "other", CommentAction.Update)]
    [InlineData(CommentMode.Failures, true, "same", CommentAction.LeaveUnchanged)]
    [InlineData(CommentMode.Off, true, null, CommentAction.Skip)]
    [InlineData(CommentMode.Off, true, "other", CommentAction.Skip)]
    public void Each_mode_decides_as_documented(CommentMode mode, bool failing, string? previous, CommentAction expected)
    {
        ReportStamp? stamp = previous is null ? null : new ReportStamp("gate", previous == "same" ? Same : Other);

        Assert.Equal(expected, CommentDecision.Decide(mode, failing, stamp, Same));
    }

    [Fact]
    public void Only_off_needs_no_lookup()
    {
        Assert.False(CommentDecision.NeedsLookup(CommentMode.Off));
        Assert.All([CommentMode.Always, CommentMode.Changes, CommentMode.Failures], mode => Assert.True(CommentDecision.NeedsLookup(mode)));
    }

    [Theory]
    [InlineData("always", CommentMode.Always)]
    [InlineData("Changes", CommentMode.Changes)]
    [InlineData("FAILURES", CommentMode.Failures)]
    [InlineData("off", CommentMode.Off)]
    public void Modes_parse_by_name(string name, CommentMode mode)
    {
        Assert.True(CommentModes.TryParse(name, out var parsed));
        Assert.Equal(mode, parsed);
        Assert.Equal(name.ToLowerInvariant(), CommentModes.Name(mode));
    }

    [Fact]
    public void An_unknown_mode_does_not_parse() => Assert.False(CommentModes.TryParse("sometimes", out _));
}
