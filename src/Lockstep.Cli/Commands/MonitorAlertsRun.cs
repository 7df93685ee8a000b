using Lockstep.Core.Alerts;
using Lockstep.Core.Platform;

namespace Lockstep.Cli.Commands;

/// <summary>Brings each alert stream of a monitor run in line on the chosen platform, one line per alert.</summary>
public static class MonitorAlertsRun
{
    /// <returns>False when an alert could not be sent; each failure is a warning on the runner and on standard error.</returns>
    public static async Task<bool> SyncAsync(
        IAlertSink sink, IReadOnlyList<MonitorAlert> alerts, CliContext context, IRunnerContext runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runner);
        var delivered = true;
        foreach (var alert in alerts)
        {
            var cause = AlertMarker.CauseName(alert.Cause);
            try
            {
                var result = await sink.SyncAsync(alert, cancellationToken).ConfigureAwait(false);
                context.Out.WriteLine(Line(cause, result));
            }
            catch (PullRequestHostException e)
            {
                delivered = false;
                var message = $"the {cause} alert could not be sent to {sink.Name}: {e.Message}";
                runner.Annotate(new Annotation(AnnotationLevel.Warning, message, Title: "Lockstep monitor alert"));
                context.Error.WriteLine($"warning: {message}");
            }
        }

        return delivered;
    }

    /// <summary><c>alert drift: raised https://github.com/o/r/issues/7 (started repository_dispatch lockstep-monitor)</c>.</summary>
    internal static string Line(string cause, AlertResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var change = result.Change.ToString().ToLowerInvariant();
        var where = result.Url is { } url ? $" {url}" : string.Empty;
        var started = result.Remediation is { } remediation ? $" (started {remediation})" : string.Empty;
        return $"alert {cause}: {change}{where}{started}";
    }
}
