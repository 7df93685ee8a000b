using Lockstep.Core.Gates;
using Lockstep.Core.Platform;

namespace Lockstep.Core.Tests.Platform;

public class FailOnTests
{
    [Theory]
    [InlineData(Verdict.Pass, FailOn.Fail, false, RunOutcome.Succeeded)]
    [InlineData(Verdict.Pass, FailOn.Warn, false, RunOutcome.Succeeded)]
    [InlineData(Verdict.Pass, FailOn.Never, false, RunOutcome.Succeeded)]
    [InlineData(Verdict.Warn, FailOn.Fail, false, RunOutcome.SucceededWithIssues)]
    [InlineData(Verdict.Warn, FailOn.Warn, true, RunOutcome.Failed)]
    [InlineData(Verdict.Warn, FailOn.Never, false, RunOutcome.SucceededWithIssues)]
    [InlineData(Verdict.Fail, FailOn.Fail, true, RunOutcome.Failed)]
    [InlineData(Verdict.Fail, FailOn.Warn, true, RunOutcome.Failed)]
    [InlineData(Verdict.Fail, FailOn.Never, false, RunOutcome.SucceededWithIssues)]
    [InlineData(Verdict.Error, FailOn.Fail, true, RunOutcome.Failed)]
    [InlineData(Verdict.Error, FailOn.Warn, true, RunOutcome.Failed)]
    [InlineData(Verdict.Error, FailOn.Never, true, RunOutcome.Failed)]
    public void One_rule_decides_failing_and_the_steps_result(Verdict verdict, FailOn failOn, bool fails, RunOutcome outcome)
    {
        Assert.Equal(fails, FailOnRule.Fails(verdict, failOn));
        Assert.Equal(outcome, FailOnRule.Outcome(verdict, failOn));
    }

    [Theory]
    [InlineData(null, FailOn.Fail)]
    [InlineData("", FailOn.Fail)]
    [InlineData(" WARN ", FailOn.Warn)]
    [InlineData("never", FailOn.Never)]
    public void The_setting_reads_its_names(string? value, FailOn expected)
    {
        Assert.True(FailOnRule.TryParse(value, out var failOn));
        Assert.Equal(expected, failOn);
    }

    [Fact]
    public void Another_name_is_refused() => Assert.False(FailOnRule.TryParse("sometimes", out _));
}
