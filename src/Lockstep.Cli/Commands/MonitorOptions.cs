using System.CommandLine;
using Lockstep.Cli.Io;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.Cli.Commands;

/// <summary>The options of <c>lockstep monitor</c> beyond the drift data options.</summary>
public sealed class MonitorOptions
{
    public Option<string> Policy { get; } = new("--policy", "-p") { Description = "The gate policy (lockstep.yml, version: 1).", DefaultValueFactory = _ => "lockstep.yml", HelpName = "file" };

    public Option<string?> Baseline { get; } = new("--baseline", "-b") { Description = "The production model's report card: the baseline of change bounds, and the model the window is named after.", HelpName = "file" };

    public Option<string?> Label { get; } = new("--label") { Description = "The label column of the current data: with --score, the labelled metrics of the window (every row needs a label).", HelpName = "column" };

    public Option<string?> Score { get; } = new("--score") { Description = "The model's score column of the current data (with --label).", HelpName = "column" };

    public Option<double> Threshold { get; } = new("--threshold") { Description = "Score threshold for accuracy, precision, recall and F1.", DefaultValueFactory = _ => 0.5 };

    public Option<string?> Latency { get; } = new("--latency") { Description = "A latency column of the current data, in milliseconds: latency.p50_ms, .p95_ms, .p99_ms.", HelpName = "column" };

    public Option<string?> Timestamp { get; } = new("--timestamp") { Description = "A timestamp column of the current data: freshness.<column>_hours and freshness.max_hours at --as-of.", HelpName = "column" };

    public Option<DateTimeOffset?> AsOf { get; } = new("--as-of") { Description = "The time freshness is measured at, ISO 8601 (default: now, UTC).", HelpName = "time", CustomParser = TimeParsing.Parse };

    public Option<string?> History { get; } = HistoryOption.Create("Record the window's card, the drift report and the gate result into this history folder.", required: false);

    public Option<string?> Alert { get; } = new("--alert") { Description = "Raise, update and resolve the alerts on github (issue and repository_dispatch) or azure-devops (work item and pipeline run).", HelpName = "platform" };

    public Option<string?> ReportId { get; } = new("--report-id") { Description = "Keeps several monitors apart in alerts (default: the policy's monitor.report_id, else 'monitor').", HelpName = "id" };

    public Option<string> FailOn { get; } = new("--fail-on") { Description = "When the step fails: fail (a failed gate), warn (also a warning gate or an alert that could not be sent) or never.", DefaultValueFactory = _ => "fail" };

    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Write the gate result (lockstep.gate-result/v1 JSON) here.", HelpName = "file" };

    public Option<string?> Markdown { get; } = new("--markdown", "-m") { Description = "Write the markdown report here.", HelpName = "file" };

    public Option<string?> DriftOut { get; } = new("--drift-out") { Description = "Write the drift report (lockstep.drift/v1) here.", HelpName = "file" };

    public Option<string?> CardOut { get; } = new("--card-out") { Description = "Write the serving window's report card here.", HelpName = "file" };

    public MonitorOptions()
    {
        Alert.AcceptOnlyFromAmong([.. AlertSinkSelection.Kinds]);
        ReportId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } id && !ReportMarker.IsValidId(id))
            {
                result.AddError($"--report-id must be 1 to 64 letters, digits, '.', '_' or '-', got '{id}'");
            }
        });
        FailOn.AcceptOnlyFromAmong("fail", "warn", "never");
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Policy, Baseline, Label, Score, Threshold, Latency, Timestamp, AsOf, History, Alert, ReportId, FailOn, Out, Markdown, DriftOut, CardOut })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var label = result.GetValue(Label) is not null;
            var score = result.GetValue(Score) is not null;
            if (label != score)
            {
                result.AddError(label ? "--label needs --score: the labelled metrics compare the two" : "--score needs --label: the labelled metrics compare the two");
            }
        });
    }

    public MonitorRunSettings Read(ParseResult parseResult, CliContext context, DriftDataOptions data)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        var label = parseResult.GetValue(Label);
        var score = parseResult.GetValue(Score);
        var latency = parseResult.GetValue(Latency);
        var timestamp = parseResult.GetValue(Timestamp);
        string[] excluded = [.. new[] { label, score, latency, timestamp }.OfType<string>()];
        // --fail-on accepts only the three names, so the parse cannot fail here.
        _ = FailOnRule.TryParse(parseResult.GetValue(FailOn), out var failOn);
        return new MonitorRunSettings(parseResult.GetValue(Policy)!, data.Read(parseResult, excluded))
        {
            BaselinePath = parseResult.GetValue(Baseline),
            LabelColumn = label,
            ScoreColumn = score,
            Threshold = parseResult.GetValue(Threshold),
            LatencyColumn = latency,
            TimestampColumn = timestamp,
            AsOf = parseResult.GetValue(AsOf) ?? context.Clock.GetUtcNow(),
            HistoryPath = parseResult.GetValue(History),
            Alert = parseResult.GetValue(Alert),
            ReportId = parseResult.GetValue(ReportId),
            FailOn = failOn,
            ResultPath = parseResult.GetValue(Out),
            MarkdownPath = parseResult.GetValue(Markdown),
            DriftPath = parseResult.GetValue(DriftOut),
            CardPath = parseResult.GetValue(CardOut),
        };
    }
}

/// <summary>What <c>lockstep monitor</c> was asked to do, as parsed from the command line.</summary>
public sealed record MonitorRunSettings(string PolicyPath, DriftInputs Data)
{
    public string? BaselinePath { get; init; }

    public string? LabelColumn { get; init; }

    public string? ScoreColumn { get; init; }

    public double Threshold { get; init; } = 0.5;

    public string? LatencyColumn { get; init; }

    public string? TimestampColumn { get; init; }

    public DateTimeOffset AsOf { get; init; }

    public string? HistoryPath { get; init; }

    /// <summary><c>github</c>, <c>azure-devops</c>, or null for no alerts.</summary>
    public string? Alert { get; init; }

    public string? ReportId { get; init; }

    public FailOn FailOn { get; init; } = FailOn.Fail;

    public string? ResultPath { get; init; }

    public string? MarkdownPath { get; init; }

    public string? DriftPath { get; init; }

    public string? CardPath { get; init; }
}
