using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using NSubstitute;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Platform;

public class GateResultPublisherTests
{
    private readonly IRunnerContext runner = Substitute.For<IRunnerContext>();

    [Fact]
    public void Each_gate_that_did_not_pass_is_annotated_at_its_policy_line()
    {
        Publish(psi: 0.31, latency: double.NaN);

        runner.Received(1).Annotate(new Annotation(
            AnnotationLevel.Error, "PSI > 0.25? Roll back. 0.31 is above the maximum 0.25", "lockstep.yml", 4, "Lockstep gate 'psi' failed (rollback)"));
        runner.Received(1).Annotate(new Annotation(
            AnnotationLevel.Warning, "0.31 is above the maximum 0.1", "lockstep.yml", 5, "Lockstep gate 'watch' failed (warn)"));
        runner.Received(1).Annotate(Arg.Is<Annotation>(a =>
            a.Level == AnnotationLevel.Error && a.Line == 6 && a.Title == "Lockstep gate 'latency' could not decide"
            && a.Message.StartsWith("c.json: $.metrics['latency.p99_ms']", StringComparison.Ordinal)));
        runner.ReceivedWithAnyArgs(3).Annotate(default!);
    }

    [Fact]
    public void Outputs_summary_and_result_follow_the_verdict()
    {
        Publish(psi: 0.31, latency: 100);

        runner.Received(1).SetOutput("verdict", "fail");
        runner.Received(1).SetOutput("action", "rollback");
        runner.Received(1).SetOutput("failed-gates", "psi,watch");
        runner.Received(1).SetOutput("report-path", "out/report.md");
        runner.Received(1).AppendSummary("# report");
        runner.Received(1).Complete(RunOutcome.Failed, "Lockstep gate: fail");
    }

    [Theory]
    [InlineData(0.05, 100.0, "pass", "none", RunOutcome.Succeeded)]
    [InlineData(0.2, 100.0, "warn", "warn", RunOutcome.SucceededWithIssues)]
    [InlineData(0.05, double.NaN, "error", "none", RunOutcome.Failed)]
    public void Verdicts_map_to_outputs_and_run_outcomes(double psi, double latency, string verdict, string action, RunOutcome outcome)
    {
        Publish(psi, latency);

        runner.Received(1).SetOutput("verdict", verdict);
        runner.Received(1).SetOutput("action", action);
        runner.Received(1).Complete(outcome, $"Lockstep gate: {verdict}");
    }

    private void Publish(double psi, double latency)
    {
        var policy = PolicyOf("""
              - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback, message: "PSI > 0.25? Roll back." }
              - { id: watch, metric: drift.psi.max, max: 0.1, action: warn }
              - { id: latency, metric: latency.p99_ms, max: 150 }
            """);
        var result = GateEvaluator.Evaluate(policy, Card("c.json", ("drift.psi.max", psi), ("latency.p99_ms", latency)), null);
        GateResultPublisher.Publish(result, "lockstep.yml", "# report", "out/report.md", runner);
    }
}
