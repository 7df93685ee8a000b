using System.CommandLine;

namespace Lockstep.Cli.Commands;

/// <summary><c>lockstep budget rules</c>: the multiwindow burn-rate rules of the Prometheus-sourced SLOs, for Prometheus to run.</summary>
public static class BudgetRulesCommand
{
    public static readonly Option<string?> Policy = new("--policy", "-p") { Description = "The policy whose slos: list to write rules for.", HelpName = "file" };

    public static readonly Option<string[]> OpenSlo = new("--openslo")
    {
        Description = "OpenSLO v1 documents (kind: SLO and SLI) to write rules for; repeat for several files.",
        HelpName = "file",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string> Format = new("--format")
    {
        Description = "The rules' format: prometheus (recording and alerting rules, the shape Sloth and Pyrra produce).",
        DefaultValueFactory = _ => "prometheus",
        HelpName = "format",
    };

    public static readonly Option<string> Out = new("--out", "-o") { Description = "Write the rule file here.", Required = true, HelpName = "file" };

    static BudgetRulesCommand() => Format.AcceptOnlyFromAmong("prometheus");

    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("rules", """
            Write the multiwindow burn-rate rules of every SLO whose SLI is read from Prometheus: recording rules for
            the error ratio over 5m, 30m, 1h, 6h and 3d, and alerts that page at 14.4x (1h & 5m) or 6x (6h & 30m)
            and open a ticket at 1x (3d & 6h). Load the file with rule_files: in prometheus.yml; promtool check rules
            accepts it. See docs/budgets.md.

            Examples:
              lockstep budget rules --policy lockstep.yml --format prometheus --out slo-rules.yml
              lockstep budget rules --openslo slos.openslo.yaml --out slo-rules.yml
            """)
        {
            Policy, OpenSlo, Format, Out,
        };

        command.Validators.Add(result =>
        {
            if (result.GetValue(Policy) is null && result.GetValue(OpenSlo) is not { Length: > 0 })
            {
                result.AddError("give the SLOs with --policy <file> (its slos: list), --openslo <file>, or both");
            }
        });

        command.SetAction(parseResult =>
        {
            var cli = context();
            return BudgetRulesRun.Execute(parseResult.GetValue(Policy), parseResult.GetValue(OpenSlo) ?? [], parseResult.GetValue(Out)!, cli);
        });
        return command;
    }
}
