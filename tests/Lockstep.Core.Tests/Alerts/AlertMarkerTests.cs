using Lockstep.Core.Alerts;

namespace Lockstep.Core.Tests.Alerts;

public class AlertMarkerTests
{
    [Fact]
    public void Writes_the_report_id_the_cause_and_the_remediation_state()
    {
        Assert.Equal(
            "<!-- lockstep:alert id=churn cause=drift remediation=pending -->",
            AlertMarker.Format(new AlertStamp("churn", AlertCause.Drift, RemediationStarted: false)));
        Assert.Equal(
            "<!-- lockstep:alert id=m.1 cause=freshness remediation=started -->",
            AlertMarker.Format(new AlertStamp("m.1", AlertCause.Freshness, RemediationStarted: true)));
    }

    [Theory]
    [InlineData("churn", AlertCause.Drift, false)]
    [InlineData("churn-eu", AlertCause.Quality, true)]
    [InlineData("x", AlertCause.Freshness, true)]
    public void Reads_back_what_it_wrote_at_the_start_of_a_body(string id, AlertCause cause, bool started)
    {
        var stamp = new AlertStamp(id, cause, started);

        Assert.True(AlertMarker.TryRead(AlertMarker.Format(stamp) + "\n**drift breached**\n", out var read));
        Assert.Equal(stamp, read);
    }

    [Theory]
    [InlineData("> <!-- lockstep:alert id=churn cause=drift remediation=started -->")]
    [InlineData("text\n<!-- lockstep:alert id=churn cause=drift remediation=started -->")]
    [InlineData("<!-- lockstep:alert id=churn cause=latency remediation=started -->")]
    [InlineData("<!-- lockstep:alert id=churn cause=drift remediation=maybe -->")]
    [InlineData("<!-- lockstep:report id=churn digest=sha256:00 -->")]
    [InlineData("")]
    [InlineData(null)]
    public void A_body_without_the_marker_first_is_not_an_alert(string? body) =>
        Assert.False(AlertMarker.TryRead(body, out _));

    [Fact]
    public void Marking_started_changes_only_the_marker()
    {
        var body = AlertMarker.Format(new AlertStamp("churn", AlertCause.Drift, false)) + "\nfigures remediation=pending\n";

        var started = AlertMarker.MarkStarted(body);

        Assert.Equal("<!-- lockstep:alert id=churn cause=drift remediation=started -->\nfigures remediation=pending\n", started);
        Assert.True(AlertMarker.TryRead(started, out var stamp) && stamp.RemediationStarted);
    }

    [Fact]
    public void The_search_text_tells_one_report_id_from_a_longer_one()
    {
        var search = AlertMarker.SearchText("churn", AlertCause.Drift);

        Assert.Contains(search, AlertMarker.Format(new AlertStamp("churn", AlertCause.Drift, true)), StringComparison.Ordinal);
        Assert.DoesNotContain(search, AlertMarker.Format(new AlertStamp("churn2", AlertCause.Drift, true)), StringComparison.Ordinal);
        Assert.DoesNotContain(search, AlertMarker.Format(new AlertStamp("churn", AlertCause.Quality, true)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_id_a_marker_cannot_carry_is_refused() =>
        Assert.Throws<ArgumentException>(() => AlertMarker.Format(new AlertStamp("two words", AlertCause.Drift, false)));
}
