using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Alerts;
using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;
using Lockstep.Core.Gates;
using Lockstep.Core.History;
using Lockstep.Core.Monitoring;
using Lockstep.Core.Platform;
using Lockstep.Core.Policy;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Commands;

/// <summary>
/// Measures the serving window, evaluates the gates on what it measured, writes and records the reports, publishes them
/// through the runner and brings the alerts in line.
/// </summary>
public static class MonitorRun
{
    /// <summary>How the window's card is named in the gate result and the history when it is not written to a file.</summary>
    private const string WindowCardName = "serving-window.json";

    public static async Task<int> ExecuteAsync(MonitorRunSettings settings, CliContext context, IRunnerContext runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        OutputPaths.RefuseInputs(
            context,
            [("--out", settings.ResultPath), ("--markdown", settings.MarkdownPath), ("--drift-out", settings.DriftPath), ("--card-out", settings.CardPath)],
            [("--policy", settings.PolicyPath), ("--baseline", settings.BaselinePath), .. settings.Data.Files]);
        var policyFile = InputFile.Read(settings.PolicyPath, context);
        var policy = PolicyReader.Parse(policyFile.Text, policyFile.DisplayPath);
        var inputs = new List<InputDigest> { new("policy", policyFile.DisplayPath, policyFile.Sha256) };
        CardInput? baseline = null;
        if (settings.BaselinePath is { } baselinePath)
        {
            var baselineFile = InputFile.Read(baselinePath, context);
            baseline = new CardInput(baselineFile.DisplayPath, ReportCardReader.Parse(baselineFile.Text, baselineFile.DisplayPath));
            inputs.Add(new("baseline", baselineFile.DisplayPath, baselineFile.Sha256));
        }

        // The platform's variables are checked before any data is read: a run that cannot alert stops at once.
        var sink = settings.Alert is { } kind ? AlertSinkSelection.Create(kind, policy, context) : null;
        using var disposeSink = sink as IDisposable;
        var measured = ServingWindowMetrics.Measured(settings);
        var scope = MonitorScope.Select(policy, measured);
        if (scope.Policy.Gates.Count == 0)
        {
            throw new InputException(
                policyFile.DisplayPath, null, "gates", $"no gate is on a metric this run measures ({ServingWindowMetrics.Describe(measured)}); nothing to decide");
        }

        var computed = await DriftComputation.ComputeAsync(settings.Data, ServingWindowMetrics.Requests(settings), context, cancellationToken).ConfigureAwait(false);
        var drift = computed.Report;
        var otherMetrics = computed.Current is { } current
            ? ServingWindowMetrics.Compute(settings, current)
            : await ServingWindowMetrics.ReadAsync(settings, context, cancellationToken).ConfigureAwait(false);
        var reportId = settings.ReportId ?? policy.Monitor.ReportId;
        var card = ServingWindowCard.Create(baseline?.Card, reportId, drift, otherMetrics, context.Clock.GetUtcNow());
        var cardText = ReportCardReader.Serialize(card) + "\n";
        var cardName = settings.CardPath ?? WindowCardName;
        inputs.Insert(1, new("candidate", cardName, FileDigest.Sha256Text(cardText)));

        var result = GateEvaluator.Evaluate(scope.Policy, new CardInput(cardName, card), baseline, inputs);
        var markdown = MarkdownReport.Render(result, new PolicyLink(policyFile.DisplayPath), plain: false);
        var resultText = GateResultJson.Serialize(result) + "\n";
        var driftText = DriftReportJson.Serialize(drift) + "\n";
        var outputs = Outputs(settings, resultText, markdown, driftText, cardText);
        AtomicFiles.WriteAll(outputs, context);

        context.Out.Write(DriftConsoleTable.Render(drift));
        context.Out.Write(ConsoleReport.Render(result, context.UseColour));
        if (scope.Describe() is { } notMonitored)
        {
            context.Out.WriteLine(notMonitored);
        }

        foreach (var gate in result.Errored)
        {
            context.Error.WriteLine($"error: {gate.Why} (gate '{gate.Id}', {policyFile.DisplayPath} line {gate.Line})");
        }

        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        if (settings.HistoryPath is { } historyPath)
        {
            HistoryInput[] facts =
            [
                HistoryInputReader.Read(cardText, cardName, FileDigest.Sha256Text(cardText)),
                HistoryInputReader.Read(driftText, settings.DriftPath ?? "drift.json", FileDigest.Sha256Text(driftText)),
                HistoryInputReader.Read(resultText, settings.ResultPath ?? "monitor-result.json", FileDigest.Sha256Text(resultText)),
            ];
            await RecordRun.RecordAsync(new RecordSettings(historyPath, [], At: card.Timeline?.EvaluatedAt), facts, context, cancellationToken).ConfigureAwait(false);
        }

        GateResultPublisher.Publish(result, policyFile.DisplayPath, markdown, settings.MarkdownPath, runner);
        var exitCode = ExitCodes.For(result.Verdict, settings.FailOn);
        if (sink is not null)
        {
            var alerts = MonitorAlerts.From(result, reportId, card.Timeline!.EvaluatedAt!.Value, drift, AlertSinkSelection.RunUrl(context));
            var delivered = await MonitorAlertsRun.SyncAsync(sink, alerts, context, runner, cancellationToken).ConfigureAwait(false);

            // An alert that could not be sent is a warning: it fails the step only where warnings do.
            if (!delivered && exitCode == ExitCodes.Pass && settings.FailOn == FailOn.Warn)
            {
                exitCode = ExitCodes.GateFailed;
            }
        }

        return exitCode;
    }

    private static List<(string Path, string Text)> Outputs(MonitorRunSettings settings, string result, string markdown, string drift, string card) =>
        new (string? Path, string Text)[] { (settings.ResultPath, result), (settings.MarkdownPath, markdown), (settings.DriftPath, drift), (settings.CardPath, card) }
            .Where(o => o.Path is not null)
            .Select(o => (o.Path!, o.Text))
            .ToList();
}
