using Lockstep.Core.Alerts;

namespace Lockstep.AzureDevOps.Tests;

public class AlertWorkItemTextTests
{
    private static readonly AlertStamp Pending = new("churn", AlertCause.Freshness, RemediationStarted: false);

    [Fact]
    public void The_description_starts_with_the_marker_as_text_and_keeps_the_figures_preformatted()
    {
        var description = AlertWorkItemText.Description(Pending, "| a | b |\n<script>");

        Assert.Equal("<p><code>&lt;!-- lockstep:alert id=churn cause=freshness remediation=pending --&gt;</code></p><pre>| a | b |\n&lt;script&gt;</pre>", description);
        Assert.True(AlertWorkItemText.TryRead(description, out var stamp));
        Assert.Equal(Pending, stamp);
    }

    [Theory]
    [InlineData("<div><p><code>&lt;!-- lockstep:alert id=churn cause=freshness remediation=pending --&gt;</code></p></div>")]
    [InlineData("<!-- lockstep:alert id=churn cause=freshness remediation=pending --><pre>x</pre>")]
    [InlineData("  <p>&lt;!-- lockstep:alert id=churn cause=freshness remediation=pending --&gt;</p>")]
    public void The_marker_is_read_however_the_html_around_it_was_reformatted(string description)
    {
        Assert.True(AlertWorkItemText.TryRead(description, out var stamp));
        Assert.Equal(Pending, stamp);
    }

    [Theory]
    [InlineData("<p>see &lt;!-- lockstep:alert id=churn cause=freshness remediation=pending --&gt;</p>")]
    [InlineData("")]
    [InlineData(null)]
    public void A_marker_that_is_not_first_does_not_count(string? description) =>
        Assert.False(AlertWorkItemText.TryRead(description, out _));

    [Fact]
    public void Marking_started_changes_the_marker_only()
    {
        var started = AlertWorkItemText.MarkStarted(AlertWorkItemText.Description(Pending, "remediation=pending"));

        Assert.True(AlertWorkItemText.TryRead(started, out var stamp) && stamp.RemediationStarted);
        Assert.EndsWith("<pre>remediation=pending</pre>", started, StringComparison.Ordinal);
    }
}
