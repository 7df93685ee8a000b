using System.Globalization;
using System.Reflection;
using System.Text;
using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dashboard;
using Lockstep.Core.Dora;
using Lockstep.Core.Policy;
using Lockstep.Core.Slo;
using Lockstep.History;

namespace Lockstep.Cli.Commands;

/// <summary>Reads the history for the period, computes DORA as <c>lockstep dora</c> does and both lanes' timelines, and writes the page.</summary>
public static class DashboardRun
{
    /// <summary>Over this many days, deployments and lead times are drawn per week instead of per day.</summary>
    public const int DailyUpTo = 120;

    public static async Task<int> ExecuteAsync(DashboardSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        OutputPaths.RefuseInputs(context, [("--out", settings.OutPath)], [("--policy", settings.PolicyPath), ("--budget", settings.BudgetPath)]);
        BudgetReport? budget = null;
        if (settings.BudgetPath is { } budgetPath)
        {
            var budgetFile = InputFile.Read(budgetPath, context);
            budget = BudgetReportJson.Parse(budgetFile.Text, budgetFile.DisplayPath);
        }

        var dora = new DoraSettings();
        if (settings.PolicyPath is { } policyPath)
        {
            var policyFile = InputFile.Read(policyPath, context);
            dora = PolicyReader.ReadDora(policyFile.Text, policyFile.DisplayPath);
        }

        var historyPath = HistoryFolder.Resolve(settings.HistoryPath, context);
        if (!Directory.Exists(historyPath))
        {
            throw new InputException(settings.HistoryPath, null, null, "folder not found; lockstep record --history creates it");
        }

        var bucketDays = settings.WindowDays > DailyUpTo ? 7 : 1;
        var spanDays = (settings.WindowDays + bucketDays - 1) / bucketDays * bucketDays;
        var spanStart = settings.AsOf.UtcDateTime.AddTicks(-1).Date.AddDays(1 - spanDays);
        var horizon = DoraCalculator.HorizonStart(dora, settings.AsOf);
        var from = new DateTimeOffset(spanStart, TimeSpan.Zero).AddDays(-2 * dora.WindowDays);
        // All of it: whether older events exist changes DORA's first lead times, exactly as for lockstep dora.
        var snapshot = await HistoryReader.ReadAsync(historyPath, null, null, cancellationToken).ConfigureAwait(false);

        var doraLog = EventLog.Since(snapshot.Events, horizon);
        var spanLog = EventLog.Since(snapshot.Events, from);
        var input = new DashboardInput(
            settings.AsOf,
            spanDays,
            DoraCalculator.Calculate(doraLog.Events, dora, settings.AsOf, doraLog.EarlierHistoryDropped),
            DeliveryTimeline.Calculate(spanLog.Events, dora, settings.AsOf, spanDays, bucketDays, spanLog.EarlierHistoryDropped),
            [.. snapshot.Metrics.Where(m => m.At >= spanStart && m.At <= settings.AsOf)],
            [.. snapshot.Gates.Where(g => g.At >= spanStart && g.At <= settings.AsOf)],
            "lockstep " + Version)
        {
            Budget = budget,
        };
        var page = DashboardPage.Render(input);
        AtomicFiles.WriteAll([(settings.OutPath, page)], context);

        var code = input.Dora.Lanes.Single(l => l.Lane == Lane.Code).Current.Deployments;
        var model = input.Dora.Lanes.Single(l => l.Lane == Lane.Model).Current.Deployments;
        context.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"dashboard: {spanDays} days to {settings.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC; last {dora.WindowDays} days {code} code and {model} model deployments; {Count(input.Gates.Select(g => g.Run).Distinct().Count(), "gate run")}, {Count(input.Metrics.Count, "metric fact")}; {Sizes.Describe(Encoding.UTF8.GetByteCount(page))}"));
        context.Out.WriteLine($"wrote {settings.OutPath}");
        return ExitCodes.Pass;
    }

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Version =>
        typeof(DashboardRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
