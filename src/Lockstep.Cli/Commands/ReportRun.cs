using Lockstep.Cli.Io;
using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.Reporting;
using Lockstep.GitHub;

namespace Lockstep.Cli.Commands;

/// <summary>Reads the gate result, the DORA report and the PR event, renders the PR comment, prints or writes it.</summary>
public static class ReportRun
{
    public static int Execute(ReportRunSettings settings, CliContext context)
    {
        OutputPaths.RefuseInputs(
            context,
            [("--out", settings.OutPath)],
            [("--gate", settings.GatePath), ("--dora", settings.DoraPath), ("--pr-event", settings.PrEventPath), ("--pr-commits", settings.PrCommitsPath)]);
        var dashboard = DashboardAddress.Parse(settings.DashboardUrl, "--dashboard-url", null);
        var gateFile = InputFile.Read(settings.GatePath, context);
        var gate = GateResultJson.Parse(gateFile.Text, gateFile.DisplayPath);

        DoraReport? dora = null;
        if (settings.DoraPath is { } doraPath)
        {
            var doraFile = InputFile.Read(doraPath, context);
            dora = DoraReportJson.Parse(doraFile.Text, doraFile.DisplayPath);
            RequireBothLanes(dora, doraFile.DisplayPath);
        }

        PullRequestEvent? pr = null;
        if (settings.PrEventPath is { } eventPath)
        {
            var eventFile = InputFile.Read(eventPath, context);
            pr = PullRequestEvent.Parse(eventFile.Text, eventFile.DisplayPath);
        }

        IReadOnlyList<CommitRef> commits = [];
        if (settings.PrCommitsPath is { } commitsPath)
        {
            var commitsFile = InputFile.Read(commitsPath, context);
            commits = PullRequestCommits.Parse(commitsFile.Text, commitsFile.DisplayPath);
            if (pr is null && commits.All(c => c.AuthoredAt is null && c.CommittedAt is null))
            {
                throw new InputException(commitsFile.DisplayPath, null, null, "no commit has a time: give --pr-event too, so the lead time can start when the PR opened");
            }
        }

        var markdown = PrReport.Render(new PrReportInput
        {
            Gate = PolicyLinks.WithRepositoryPaths(context, gate),
            Policy = gate.Inputs.FirstOrDefault(i => i.Role == "policy")?.Path is { } policyPath
                ? PolicyLinks.ForRun(context, policyPath, pr?.Head?.Sha)
                : new PolicyLink("the policy"),
            Dora = dora,
            PrView = pr is null && commits.Count == 0
                ? null
                : PrLeadTime.Calculate(commits, pr?.CreatedAt ?? settings.AsOf, settings.AsOf, dora?.Lanes.Single(l => l.Lane == settings.Lane), dora?.CommitTime ?? CommitTime.Committed),
            Lane = settings.Lane,
            PrNumber = pr?.Number,
            Plain = settings.Plain,
            Dashboard = dashboard,
        }, GitHubPullRequestHost.CommentLimit);

        if (settings.OutPath is not { } outPath)
        {
            context.Out.Write(markdown);
            return ExitCodes.Pass;
        }

        AtomicFiles.WriteAll([(outPath, markdown)], context);
        context.Out.WriteLine($"wrote {outPath}");
        return ExitCodes.Pass;
    }

    private static void RequireBothLanes(DoraReport report, string source)
    {
        foreach (var lane in new[] { Lane.Code, Lane.Model })
        {
            if (!report.Lanes.Any(l => l.Lane == lane))
            {
                throw new InputException(source, null, "$.lanes", $"no {lane.ToString().ToLowerInvariant()} lane: expected both lanes, code and model");
            }
        }
    }
}
