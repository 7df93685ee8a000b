using Lockstep.Core.Reporting;

namespace Lockstep.Core.Tests.Reporting;

public class ReportMarkerTests
{
    private static readonly string Digest = ReportMarker.Digest("report\n");

    [Fact]
    public void The_marker_carries_the_report_id_and_the_digest_of_the_report()
    {
        var marker = ReportMarker.Format("dora.weekly", Digest);

        Assert.Equal($"<!-- lockstep:report id=dora.weekly digest={Digest} -->", marker);
        Assert.Matches("^sha256:[0-9a-f]{64}$", Digest);
        Assert.True(ReportMarker.TryRead(marker + "\nreport\n", out var stamp));
        Assert.Equal(new ReportStamp("dora.weekly", Digest), stamp);
    }

    [Fact]
    public void The_digest_changes_with_any_byte_of_the_report()
    {
        Assert.Equal(Digest, ReportMarker.Digest("report\n"));
        Assert.NotEqual(Digest, ReportMarker.Digest("report \n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<!-- lockstep:gate -->\n### Lockstep gate")]
    [InlineData("> quoted\n<!-- lockstep:report id=gate digest=sha256:0000000000000000000000000000000000000000000000000000000000000000 -->")]
    [InlineData("<!-- lockstep:report id=gate digest=md5:00 -->")]
    public void Only_a_marker_at_the_start_of_the_body_counts(string? body) =>
        Assert.False(ReportMarker.TryRead(body, out _));

    [Fact]
    public void Leading_whitespace_before_the_marker_is_allowed()
    {
        Assert.True(ReportMarker.TryRead($"\r\n  {ReportMarker.Format("gate", Digest)}\r\nbody", out var stamp));
        Assert.Equal("gate", stamp.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gate -->")]
    [InlineData("two words")]
    [InlineData("ünïcode")]
    public void A_report_id_that_could_break_the_marker_is_refused(string id)
    {
        Assert.False(ReportMarker.IsValidId(id));
        Assert.Throws<ArgumentException>(() => ReportMarker.Format(id, Digest));
    }

    [Fact]
    public void A_report_id_may_have_at_most_64_characters()
    {
        Assert.True(ReportMarker.IsValidId(new string('a', 64)));
        Assert.False(ReportMarker.IsValidId(new string('a', 65)));
    }
}
