using Lockstep.Cli.Io;
using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;
using Lockstep.Core.Gates;
using Lockstep.Core.Platform;
using Lockstep.Core.Policy;
using Lockstep.Core.Reporting;
using Lockstep.Core.Slo;

namespace Lockstep.Cli.Commands;

/// <summary>What a gate run decided: its exit code, the result, and the markdown report it published.</summary>
public sealed record GateStep(int ExitCode, GateResult Result, string Markdown);

/// <summary>Reads the inputs, evaluates the gates, writes the reports and publishes them through the runner.</summary>
public static class GateRun
{
    /// <returns>The result itself, for the CI entrypoints to go on with (they never read back the files written).</returns>
    public static GateStep Execute(GateSettings settings, CliContext context, IRunnerContext runner)
    {
        OutputPaths.RefuseInputs(
            context,
            [("--out", settings.ResultPath), ("--markdown", settings.MarkdownPath)],
            [("--policy", settings.PolicyPath), ("--candidate", settings.CandidatePath), ("--baseline", settings.BaselinePath), .. settings.MetricsPaths.Select(p => ("--metrics", (string?)p)), ("--budget", settings.BudgetPath)]);
        var policyFile = InputFile.Read(settings.PolicyPath, context);
        var policy = PolicyReader.Parse(policyFile.Text, policyFile.DisplayPath);
        var candidateFile = InputFile.Read(settings.CandidatePath, context);
        var candidate = new CardInput(candidateFile.DisplayPath, ReportCardReader.Parse(candidateFile.Text, candidateFile.DisplayPath));

        var inputs = new List<InputDigest>
        {
            new("policy", policyFile.DisplayPath, policyFile.Sha256),
            new("candidate", candidateFile.DisplayPath, candidateFile.Sha256),
        };

        CardInput? baseline = null;
        if (settings.BaselinePath is { } baselinePath)
        {
            var baselineFile = InputFile.Read(baselinePath, context);
            baseline = new CardInput(baselineFile.DisplayPath, ReportCardReader.Parse(baselineFile.Text, baselineFile.DisplayPath));
            inputs.Add(new("baseline", baselineFile.DisplayPath, baselineFile.Sha256));
        }

        foreach (var metricsPath in settings.MetricsPaths)
        {
            var metricsFile = InputFile.Read(metricsPath, context);
            var extra = MetricsReports.Read(metricsFile);
            candidate = candidate with { Card = ReportCardEditor.WithMetrics(candidate.Card, extra) };
            inputs.Add(new("metrics", metricsFile.DisplayPath, metricsFile.Sha256));
        }

        if (settings.BudgetPath is { } budgetPath)
        {
            var budgetFile = InputFile.Read(budgetPath, context);
            var budget = BudgetReportJson.Parse(budgetFile.Text, budgetFile.DisplayPath);
            candidate = candidate with { Card = ReportCardEditor.WithMetrics(candidate.Card, budget.Metrics) };
            inputs.Add(new("budget", budgetFile.DisplayPath, budgetFile.Sha256));
        }

        if (baseline is not null)
        {
            candidate = candidate with { Card = ProfileDrift.WithProfilePsi(candidate.Card, baseline.Card, EmptyBinRule.Evidently) };
        }

        var result = GateEvaluator.Evaluate(policy, candidate, baseline, inputs);
        // On a pull request (a policy link is given) the inputs are named from the repository root, as the policy is.
        var markdown = settings.PolicyLink is { } link
            ? MarkdownReport.Render(PolicyLinks.WithRepositoryPaths(context, result), link, plain: false)
            : MarkdownReport.Render(result, new PolicyLink(policyFile.DisplayPath), plain: false);

        var outputs = AtomicFiles.Requested(
            (settings.ResultPath, () => GateResultJson.Serialize(result) + "\n"),
            (settings.MarkdownPath, () => markdown));

        AtomicFiles.WriteAll(outputs, context);

        context.Out.Write(ConsoleReport.Render(result, context.UseColour));
        foreach (var gate in result.Errored)
        {
            context.Error.WriteLine($"error: {gate.Why} (gate '{gate.Id}', {policyFile.DisplayPath} line {gate.Line})");
        }

        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        GateResultPublisher.Publish(result, policyFile.DisplayPath, markdown, settings.MarkdownPath, runner);

        return new GateStep(ExitCodes.For(result.Verdict), result, markdown);
    }
}
