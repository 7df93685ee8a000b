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
            [("--policy", settings.PolicyPath), ("--history", settings.HistoryPath), .. settings.OpenSloPaths.Select(p => ("--openslo", (string?)p))]);
        var slos = ReadSlos(settings.PolicyPath, settings.OpenSloPaths, context);
        var sources = Sources(settings, context);

        var budgets = new List<SloBudget>(slos.Count);
        var reviewed = new List<BudgetReview.Entry>();
        foreach (var (file, slo) in slos)
        {
            var source = sources.FirstOrDefault(s => s.Reads(slo.Sli)) ?? throw NoSource(file, slo);
            var lookback = (slo.Window > BurnAlerts.ThreeDays.Length ? slo.Window : BurnAlerts.ThreeDays.Length) + (settings.Review ? TimeSpan.FromDays(7) : TimeSpan.Zero);
            var samples = await source.ReadAsync(slo, settings.AsOf - lookback, settings.AsOf, cancellationToken).ConfigureAwait(false);
            budgets.Add(BudgetCalculator.Compute(slo, samples, settings.AsOf));
            if (settings.Review)
            {
                reviewed.Add(BudgetReview.Review(slo, samples, settings.AsOf));
            }
        }

        if (settings.Review)
        {
            var events = settings.HistoryPath is { } history
                ? (await HistoryReader.ReadAsync(HistoryFolder.Resolve(history, context), null, null, cancellationToken).ConfigureAwait(false)).Events
                : [];
            var review = BudgetReview.Markdown(settings.AsOf, reviewed, events);
            AtomicFiles.WriteAll(settings.MarkdownPath is { } reviewPath ? [(reviewPath, review)] : [], context);
            context.Out.Write(review);
            if (settings.MarkdownPath is { } written)
            {
                context.Out.WriteLine($"wrote {written}");
            }

            return ExitCodes.Pass;
        }

        var report = BudgetReport.Create(settings.AsOf, budgets);
        var outputs = AtomicFiles.Requested(
            (settings.JsonPath, () => BudgetReportJson.Serialize(report) + "\n"),
            (settings.MarkdownPath, () => BudgetMarkdown.Write(report)));

        AtomicFiles.WriteAll(outputs, context);
        context.Out.Write(BudgetConsoleTable.Render(report));
        foreach (var (path, _) in outputs)
        {
            context.Out.WriteLine($"wrote {path}");
        }

        return ExitCodes.Pass;
    }

    /// <summary>
    /// The SLOs of the policy and of the OpenSLO files, each with the file it comes from; a <c>file</c> SLI's path,
    /// relative to that file's folder, is made relative to the working folder. An id may be used once.
    /// </summary>
    internal static List<(string File, SloDefinition Slo)> ReadSlos(string? policyPath, IReadOnlyList<string> openSloPaths, CliContext context)
    {
        var slos = new List<(string, SloDefinition)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(InputFile file, IReadOnlyList<SloDefinition> read)
        {
            var folder = Path.GetDirectoryName(file.DisplayPath) ?? string.Empty;
            foreach (var slo in read)
            {
                if (!seen.TryAdd(slo.Id, file.DisplayPath))
                {
                    throw new InputException(file.DisplayPath, slo.Line, "id", $"SLO id '{slo.Id}' is also defined in {seen[slo.Id]}");
                }

                var placed = slo.Sli is FileSli { Path: var path } && !Path.IsPathRooted(path)
                    ? slo with { Sli = new FileSli(Path.Join(folder, path).Replace('\\', '/')) }
                    : slo;
                slos.Add((file.DisplayPath, placed));
            }
        }

        if (policyPath is not null)
        {
            var policyFile = InputFile.Read(policyPath, context);
            Add(policyFile, PolicyReader.ReadSlos(policyFile.Text, policyFile.DisplayPath));
        }

        foreach (var openSloPath in openSloPaths)
        {
            var openSloFile = InputFile.Read(openSloPath, context);
            Add(openSloFile, OpenSloReader.Read(openSloFile.Text, openSloFile.DisplayPath));
        }

        return slos;
    }

    /// <summary>The SLI sources of this run.</summary>
    private static List<ISliSource> Sources(BudgetSettings settings, CliContext context)
    {
        var sources = new List<ISliSource> { new SliFileSource(path => (path, context.Resolve(path))) };
        if (settings.HistoryPath is { } history)
        {
            sources.Add(new HistorySliSource(HistoryFolder.Resolve(history, context)));
        }

        sources.Add(new PrometheusSliSource(context));

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
