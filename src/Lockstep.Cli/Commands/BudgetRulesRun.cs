using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Slo;

namespace Lockstep.Cli.Commands;

/// <summary>Reads the SLOs as <c>lockstep budget</c> does and writes the burn-rate rules of those read from Prometheus.</summary>
public static class BudgetRulesRun
{
    public static int Execute(string? policyPath, IReadOnlyList<string> openSloPaths, string outPath, CliContext context)
    {
        OutputPaths.RefuseInputs(context, [("--out", outPath)], [("--policy", policyPath), .. openSloPaths.Select(p => ("--openslo", (string?)p))]);
        var slos = BudgetRun.ReadSlos(policyPath, openSloPaths, context);
        var rules = slos
            .Where(s => s.Slo.Sli is PrometheusSli)
            .Select(s => (s.File, s.Slo, Sli: (PrometheusSli)s.Slo.Sli))
            .ToList();
        if (rules.Count == 0)
        {
            throw new InputException(policyPath ?? openSloPaths[0], null, "slos", "no SLO reads its SLI from Prometheus (sli: { source: prometheus, good: …, total: … }), so there is no rule to write");
        }

        string text;
        try
        {
            text = PrometheusRules.Write([.. rules.Select(r => new PrometheusRuleSlo(r.Slo.Id, r.Slo.Objective, r.Slo.WindowDays, r.Sli.Good, r.Sli.Total))]);
        }
        catch (ArgumentException e)
        {
            throw new InputException(rules[0].File, null, "slos", e.Message);
        }

        AtomicFiles.WriteAll([(outPath, text)], context);
        context.Out.WriteLine($"{rules.Count} SLO{(rules.Count == 1 ? string.Empty : "s")}: {string.Join(", ", rules.Select(r => r.Slo.Id))}; {PrometheusRules.Windows.Count} error ratios and {PrometheusRules.Alerts.Count} burn-rate alerts each");
        context.Out.WriteLine($"wrote {outPath}");
        return ExitCodes.Pass;
    }
}
