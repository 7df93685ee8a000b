using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep gate</c>: decide whether a candidate model may ship.</summary>
public static class GateCommand
{
    public static readonly Option<string> Policy = new("--policy", "-p")
    {
        Description = "The gate policy (lockstep.yml, version: 1).",
        DefaultValueFactory = _ => "lockstep.yml",
        HelpName = "file",
    };

    public static readonly Option<string> Candidate = new("--candidate", "-c")
    {
        Description = "The candidate model's report card (lockstep.report-card/v1 JSON).",
        Required = true,
        HelpName = "file",
    };

    public static readonly Option<string?> Baseline = new("--baseline", "-b")
    {
        Description = "The production model's report card. Without it, change bounds follow the policy's first_model rule.",
        HelpName = "file",
    };

    public static readonly Option<string[]> Metrics = new("--metrics", "--drift")
    {
        Description = "Add the metrics of a drift or freshness report (lockstep drift / lockstep freshness) to the candidate's; repeatable.",
        HelpName = "file",
    };

    public static readonly Option<string?> Budget = new("--budget")
    {
        Description = "Add budget.<slo-id>.remaining, .consumed and .burn_rate.<window> from a budget report (lockstep budget --json) to the candidate's metrics.",
        HelpName = "file",
    };

    public static readonly Option<string?> Out = new("--out", "-o")
    {
        Description = "Write the gate result (lockstep.gate-result/v1 JSON) here.",
        HelpName = "file",
    };

    public static readonly Option<string?> Markdown = new("--markdown", "-m")
    {
        Description = "Write the markdown report here.",
        HelpName = "file",
    };

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("gate", """
            Evaluate the gate policy on a candidate report card against the production baseline.
            Exit codes: 0 pass or warn, 1 a gate failed, 2 bad input or a gate that could not decide.
            On GitHub Actions and Azure Pipelines it also writes annotations, outputs and the job summary.

            Examples:
              lockstep gate --policy lockstep.yml --candidate candidate.json --baseline baseline.json --out result.json --markdown report.md
              lockstep gate --candidate candidate.json --baseline baseline.json --drift drift.json --metrics freshness.json
              lockstep gate --candidate candidate.json --baseline baseline.json --budget budget.json
            """)
        {
            Policy, Candidate, Baseline, Metrics, Budget, Out, Markdown,
        };

        command.SetAction(parseResult =>
        {
            var cli = context();
            var settings = new GateSettings(
                parseResult.GetValue(Policy)!,
                parseResult.GetValue(Candidate)!,
                parseResult.GetValue(Baseline),
                parseResult.GetValue(Out),
                parseResult.GetValue(Markdown))
            {
                MetricsPaths = parseResult.GetValue(Metrics) ?? [],
                BudgetPath = parseResult.GetValue(Budget),
            };
            return GateRun.Execute(settings, cli, cli.Runner).ExitCode;
        });
        return command;
    }
}
