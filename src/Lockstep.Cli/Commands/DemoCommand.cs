using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Lockstep.Cli.Io;
using Lockstep.Core.Dora;
using Lockstep.Core.Drift;

namespace Lockstep.Cli.Commands;

/// <summary>
/// <c>lockstep demo</c>: the gate on an embedded sample, so a newcomer sees a verdict in one command, then DORA over a
/// sample two-lane history and the pull request comment that combines both.
/// </summary>
public static class DemoCommand
{
    /// <summary>The end of the sample history: DORA is computed as of this time, not now, so the output never changes.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);

    public static readonly Option<string> Scenario = new("--scenario", "-s")
    {
        Description = "Which candidate to gate: pass (a better model), warn (mild drift), fail (drift and an AUC drop), or noisy (the same AUC drop on 400 and on 20,000 labelled rows, judged at 95% confidence).",
        DefaultValueFactory = _ => "pass",
    };

    public static readonly Option<string> OutDir = new("--out-dir")
    {
        Description = "Where to write the sample inputs, the gate result, the markdown report, dora.json, pr-comment.md, the history, dashboard.html and the monitor's reports.",
        DefaultValueFactory = _ => "lockstep-demo",
        HelpName = "dir",
    };

    static DemoCommand() => Scenario.AcceptOnlyFromAmong("pass", "warn", "fail", "noisy");

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("demo", """
            Run the gate on an embedded sample: a policy modelled on an MLOps runbook (PSI > 0.25 rolls back,
            an AUC drop over 3% pages on-call, P99 latency blocks, PSI > 0.1 warns), a production baseline and a candidate.
            Then compute DORA for both lanes over a sample 100-day history (as of 2026-11-24 18:00 UTC) and render the
            pull request comment. Records all of it into a history folder and draws the dashboard from it. Last, the
            scheduled monitor on a sample serving window against the training sample. Writes the inputs, result.json,
            report.md, dora.json, pr-comment.md, history/, dashboard.html, monitor.json and monitor.md into --out-dir;
            the exit code is the gate's. The noisy scenario instead evaluates one candidate on a small and a large
            sample with the production model's scores on the same rows, and gates both at 95% confidence.

            Examples:
              lockstep demo
              lockstep demo --scenario fail --out-dir /tmp/lockstep-demo
              lockstep demo --scenario noisy
            """)
        {
            Scenario, OutDir,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            var scenario = parseResult.GetValue(Scenario)!;
            if (scenario == "noisy")
            {
                return NoisyDemo.Run(parseResult.GetValue(OutDir)!, cli);
            }

            var files = new DemoFiles(parseResult.GetValue(OutDir)!);
            WriteSample(scenario, files, cli);
            var gate = new GateSettings(files.Policy, files.Candidate, files.Baseline, files.Result, files.Report);
            cli.Out.WriteLine($"Lockstep demo, scenario '{scenario}': gating {files.Candidate} against {files.Baseline}");
            cli.Out.WriteLine();
            var exitCode = GateRun.Execute(gate, cli, cli.Runner).ExitCode;

            cli.Out.WriteLine();
            DoraRun.Execute(new DoraRunSettings(files.Events, files.Policy, AsOf, files.Dora), cli);
            cli.Out.WriteLine();
            ReportRun.Execute(new ReportRunSettings(files.Result, files.Dora, files.PrEvent, Lane.Model, AsOf, Plain: false, files.PrComment), cli);
            cli.Out.WriteLine($"The pull request comment, gate and DORA for both lanes: {files.PrComment}");

            cli.Out.WriteLine();
            RecordRun.Execute(new RecordSettings(files.History, [files.Events, files.Baseline, files.Candidate, files.Result]), cli);
            DashboardRun.ExecuteAsync(new DashboardSettings(files.History, files.Dashboard, files.Policy, AsOf, 90), cli, CancellationToken.None).GetAwaiter().GetResult();
            cli.Out.WriteLine($"The dashboard, both lanes and the model's signals from the history: {files.Dashboard} (open it in a browser)");

            cli.Out.WriteLine();
            cli.Out.WriteLine($"Between pull requests, the scheduled monitor: the serving window {files.Serving} against the training sample {files.Reference}");
            cli.Out.WriteLine();
            MonitorRun.ExecuteAsync(Monitor(files), cli, new LocalRunner(), CancellationToken.None).GetAwaiter().GetResult();

            var asOf = AsOf.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            cli.Out.WriteLine();
            cli.Out.WriteLine($"Run it yourself: lockstep gate --policy {files.Policy} --candidate {files.Candidate} --baseline {files.Baseline}");
            cli.Out.WriteLine($"                 lockstep dora --events {files.Events} --as-of {asOf} --json {files.Dora}");
            cli.Out.WriteLine($"                 lockstep report --gate {files.Result} --dora {files.Dora} --pr-event {files.PrEvent} --as-of {asOf}");
            cli.Out.WriteLine($"                 lockstep record --history {files.History} {files.Events} {files.Baseline} {files.Candidate} {files.Result}");
            cli.Out.WriteLine($"                 lockstep dashboard --history {files.History} --policy {files.Policy} --as-of {asOf} --out {files.Dashboard}");
            cli.Out.WriteLine($"                 lockstep monitor --policy {files.Policy} --reference {files.Reference} --current {files.Serving} --baseline {files.Baseline} --label churned --score p_churn --latency latency_ms --timestamp event_time --as-of {asOf} --out {files.Monitor}");
            return exitCode;
        });
        return command;
    }

    private static void WriteSample(string scenario, DemoFiles files, CliContext context) =>
        AtomicFiles.WriteAll(
            [
                (files.Policy, Resource("lockstep.yml")),
                (files.Baseline, Resource("baseline.json")),
                (files.Candidate, Resource($"candidate-{scenario}.json")),
                (files.Events, Resource("events.jsonl")),
                (files.PrEvent, Resource("pull_request.json")),
                (files.Reference, Resource("reference.csv")),
                (files.Serving, Resource("serving.csv")),
            ],
            context);

    /// <summary>The monitor on the sample serving window: its prices moved up since training, so PSI calls for a rollback.</summary>
    private static MonitorRunSettings Monitor(DemoFiles files) =>
        new(files.Policy, new DriftInputs(files.Reference, files.Serving, [], [], ["churned", "p_churn", "latency_ms", "event_time"], new DriftOptions(), null))
        {
            BaselinePath = files.Baseline,
            LabelColumn = "churned",
            ScoreColumn = "p_churn",
            LatencyColumn = "latency_ms",
            TimestampColumn = "event_time",
            AsOf = AsOf,
            ResultPath = files.Monitor,
            MarkdownPath = files.MonitorReport,
        };

    internal static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Lockstep.Cli.Demo.{name}")
            ?? throw new InvalidOperationException($"demo resource '{name}' is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Where the demo puts each file, under its output directory.</summary>
    private sealed record DemoFiles(string Dir)
    {
        public string Policy => Path.Combine(Dir, "lockstep.yml");

        public string Baseline => Path.Combine(Dir, "baseline.json");

        public string Candidate => Path.Combine(Dir, "candidate.json");

        public string Result => Path.Combine(Dir, "result.json");

        public string Report => Path.Combine(Dir, "report.md");

        public string Events => Path.Combine(Dir, "events.jsonl");

        public string PrEvent => Path.Combine(Dir, "pull_request.json");

        public string Dora => Path.Combine(Dir, "dora.json");

        public string PrComment => Path.Combine(Dir, "pr-comment.md");

        public string History => Path.Combine(Dir, "history");

        public string Dashboard => Path.Combine(Dir, "dashboard.html");

        public string Reference => Path.Combine(Dir, "reference.csv");

        public string Serving => Path.Combine(Dir, "serving.csv");

        public string Monitor => Path.Combine(Dir, "monitor.json");

        public string MonitorReport => Path.Combine(Dir, "monitor.md");
    }
}
