using Lockstep.Core.Alerts;

namespace Lockstep.Core.Tests.Alerts;

public class AlertDecisionTests
{
    private static readonly AlertStamp Pending = new("churn", AlertCause.Drift, RemediationStarted: false);
    private static readonly AlertStamp Started = Pending with { RemediationStarted = true };

    [Fact]
    public void Firing_with_nothing_open_raises() => Assert.Equal(AlertStep.Raise, AlertDecision.Decide(true, null));

    [Fact]
    public void Firing_with_an_incident_whose_remediation_never_started_starts_it_rather_than_raising_again() =>
        Assert.Equal(AlertStep.StartRemediation, AlertDecision.Decide(true, Pending));

    [Fact]
    public void Still_firing_after_the_remediation_started_updates() => Assert.Equal(AlertStep.Update, AlertDecision.Decide(true, Started));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Recovered_with_an_incident_open_resolves_it_whether_or_not_remediation_started(bool started) =>
        Assert.Equal(AlertStep.Resolve, AlertDecision.Decide(false, Pending with { RemediationStarted = started }));

    [Fact]
    public void Nothing_firing_and_nothing_open_is_quiet() => Assert.Equal(AlertStep.Quiet, AlertDecision.Decide(false, null));
}
