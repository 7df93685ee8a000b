using Lockstep.Core.Gates;
using Lockstep.Core.Reporting;

namespace Lockstep.Core.Platform;

/// <summary>Publishes a gate result through any runner: an annotation per gate that did not pass, outputs, summary, result.</summary>
public static class GateResultPublisher
{
    public static void Publish(GateResult result, string policyPath, string markdown, string? reportPath, IRunnerContext runner)
    {
        foreach (var gate in result.Gates.Where(g => g.Status is GateStatus.Fail or GateStatus.Warn or GateStatus.Error))
        {
            var level = gate.Status == GateStatus.Warn ? AnnotationLevel.Warning : AnnotationLevel.Error;
            var title = gate.Status == GateStatus.Error
                ? $"Lockstep gate '{gate.Id}' could not decide"
                : $"Lockstep gate '{gate.Id}' failed ({ActionWords.Name(gate.Action)})";
            var message = gate.Message is { } words && gate.Status != GateStatus.Error ? $"{words} {gate.Why}" : gate.Why;
            runner.Annotate(new Annotation(level, message, policyPath, gate.Line, title));
        }

        runner.SetOutput("verdict", ActionWords.Name(result.Verdict));
        runner.SetOutput("action", result.Action is { } action ? ActionWords.Name(action.Kind) : "none");
        runner.SetOutput("failed-gates", string.Join(',', result.Gates.Where(g => g.Status is not (GateStatus.Pass or GateStatus.Skipped)).Select(g => g.Id)));
        if (reportPath is not null)
        {
            runner.SetOutput("report-path", reportPath);
        }

        runner.AppendSummary(markdown);

        // lockstep gate has no fail-on: a failed gate fails the step. The CI entrypoints hold this back and send their own.
        runner.Complete(FailOnRule.Outcome(result.Verdict, FailOn.Fail), $"Lockstep gate: {ActionWords.Name(result.Verdict)}");
    }
}
