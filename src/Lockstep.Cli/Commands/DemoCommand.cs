using System.CommandLine;
using System.Reflection;
using Lockstep.Cli.Io;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep demo</c>: the gate on an embedded sample, so a newcomer sees a verdict in one command.</summary>
public static class DemoCommand
{
    public static readonly Option<string> Scenario = new("--scenario", "-s")
    {
        Description = "Which candidate to gate: pass (a better model), warn (mild drift) or fail (drift and an AUC drop).",
        DefaultValueFactory = _ => "pass",
    };

    public static readonly Option<string> OutDir = new("--out-dir")
    {
        Description = "Where to write the sample inputs, the gate result and the markdown report.",
        DefaultValueFactory = _ => "lockstep-demo",
        HelpName = "dir",
    };

    static DemoCommand() => Scenario.AcceptOnlyFromAmong("pass", "warn", "fail");

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("demo", """
            Run the gate on an embedded sample: a policy modelled on an MLOps runbook (PSI > 0.25 rolls back,
            an AUC drop over 3% pages on-call, P99 latency blocks, PSI > 0.1 warns), a production baseline and a candidate.
            Writes the inputs, result.json and report.md into --out-dir; the exit code is the gate's.

            Examples:
              lockstep demo
              lockstep demo --scenario fail --out-dir /tmp/lockstep-demo
            """)
        {
            Scenario, OutDir,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            var scenario = parseResult.GetValue(Scenario)!;
            var dir = parseResult.GetValue(OutDir)!;
            var settings = WriteSample(scenario, dir, cli);
            cli.Out.WriteLine($"Lockstep demo, scenario '{scenario}': gating {settings.CandidatePath} against {settings.BaselinePath}");
            cli.Out.WriteLine();
            var exitCode = GateRun.Execute(settings, cli, RunnerSelection.For(cli));
            cli.Out.WriteLine();
            cli.Out.WriteLine($"Run it yourself: lockstep gate --policy {settings.PolicyPath} --candidate {settings.CandidatePath} --baseline {settings.BaselinePath}");
            return exitCode;
        });
        return command;
    }

    private static GateSettings WriteSample(string scenario, string dir, CliContext context)
    {
        var policy = Path.Combine(dir, "lockstep.yml");
        var baseline = Path.Combine(dir, "baseline.json");
        var candidate = Path.Combine(dir, "candidate.json");
        AtomicFiles.WriteAll(
            [
                (policy, Resource("lockstep.yml")),
                (baseline, Resource("baseline.json")),
                (candidate, Resource($"candidate-{scenario}.json")),
            ],
            context);
        return new GateSettings(policy, candidate, baseline, Path.Combine(dir, "result.json"), Path.Combine(dir, "report.md"));
    }

    internal static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Lockstep.Cli.Demo.{name}")
            ?? throw new InvalidOperationException($"demo resource '{name}' is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
