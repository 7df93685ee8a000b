using System.CommandLine;
using Lockstep.Core.Platform;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep monitor</c>: the scheduled check of the serving data, which raises, updates and resolves alerts.</summary>
public static class MonitorCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("monitor", """
            Check the serving window against the training reference, as a scheduled CI job: drift of every feature,
            the freshness of a timestamp column and, when the window has labels, the labelled metrics; then evaluate
            the policy's gates on what was measured (gates on metrics the run did not measure are named and left out),
            record the facts into the history, and with --alert raise, update or resolve one incident per cause on
            GitHub (an issue and a repository_dispatch) or Azure DevOps (a work item and a queued pipeline run).
            Exit codes as lockstep gate: 0 pass or warn, 1 a gate failed, 2 bad input or a gate that could not decide.

            Examples:
              lockstep monitor --policy lockstep.yml --reference data/train.parquet --current data/serving.parquet --out monitor.json
              lockstep monitor --reference train.csv --current serving.csv --baseline model/card.json --label churned --score p_churn --timestamp event_time --history .lockstep/history --alert github
            """);
        var data = new DriftDataOptions();
        var options = new MonitorOptions();
        data.AddTo(command);
        options.AddTo(command);

        command.SetAction((parseResult, cancellationToken) =>
        {
            var cli = context();
            var settings = options.Read(parseResult, cli, data);
            return MonitorRun.ExecuteAsync(settings, cli, cli.Runner, cancellationToken);
        });
        return command;
    }
}
