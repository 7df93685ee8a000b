using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Policy;
using Lockstep.Core.Slo;
using Lockstep.Data;
using Lockstep.History;

namespace Lockstep.Cli.Commands;

/// <summary>Reads the SLOs, reads each one's samples from its source, computes the budgets, prints and writes the report.</summary>
public static class BudgetRun
{
    public static async Task<int> ExecuteAsync(BudgetSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        OutputPaths.RefuseInputs(
            context,
            [("--json", settings.JsonPath), ("--markdown", settings.MarkdownPath)],
            [("--policy", settings.PolicyPath), ("--history", settings.HistoryPath)]);
        var policyFile = InputFile.Read(settings.PolicyPath, context);
        var slos = PolicyReader.ReadSlos(policyFile.Text, policyFile.DisplayPath);
        var sources = Sources(settings, context);

        var budgets = new List<SloBudget>(slos.Count);
        foreach (var slo in slos)
        {
            var source = sources.FirstOrDefault(s => s.Reads(slo.Sli)) ?? throw NoSource(policyFile.DisplayPath, slo);
            var lookback = slo.Window > BurnAlerts.ThreeDays.Length ? slo.Window : BurnAlerts.ThreeDays.Length;
            var samples = await source.ReadAsync(slo, settings.AsOf - lookback, settings.AsOf, cancellationToken).ConfigureAwait(false);
            budgets.Add(BudgetCalculator.Compute(slo, samples, settings.AsOf));
        }

        var report = BudgetReport.Create(settings.AsOf, budgets);
        var outputs = new List<(string, string)>();
        if (settings.JsonPath is { } json)
        {
            outputs.Add((json, BudgetReportJson.Serialize(report) + "\n"));
        }

        if (settings.MarkdownPath is { } markdown)
        {
            outputs.Add((markdown, BudgetMarkdown.Write(report)));
        }

        AtomicFiles.WriteAll(outputs, context);
        context.Out.Write(BudgetConsoleTable.Render(report));
        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        return ExitCodes.Pass;
    }

    /// <summary>The SLI sources of this run; a file path is relative to the policy's folder.</summary>
    private static List<ISliSource> Sources(BudgetSettings settings, CliContext context)
    {
        var policyFolder = Path.GetDirectoryName(settings.PolicyPath) ?? string.Empty;
        var sources = new List<ISliSource>
        {
            new SliFileSource(path =>
            {
                var display = Path.IsPathRooted(path) ? path : Path.Join(policyFolder, path).Replace('\\', '/');
                return (display, context.Resolve(display));
            }),
        };
        if (settings.HistoryPath is { } history)
        {
            sources.Add(new HistorySliSource(HistoryFolder.Resolve(history, context)));
        }

        return sources;
    }

    private static InputException NoSource(string policy, SloDefinition slo) => new(
        policy,
        slo.Line,
        $"slos[{slo.Id}].sli.source",
        slo.Sli is HistorySli
            ? "the history source reads a history folder: give --history <dir>"
            : $"the {slo.Sli.Source} source cannot be read by this command");
}
