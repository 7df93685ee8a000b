using System.Text.RegularExpressions;
using Lockstep.Core.Dora;
using Lockstep.Core.Gates;
using Lockstep.Core.Reporting;
using Lockstep.Core.Tests.Dora;
using Lockstep.Tests.Shared;
using static Lockstep.Core.Tests.TestData;

namespace Lockstep.Core.Tests.Reporting;

public partial class PrReportTests
{
    /// <summary>GitHub's comment limit, the one the PR comment is rendered for on GitHub.</summary>
    private const int GitHubLimit = 65_536;

    private static readonly GateResult Gate = GateEvaluator.Evaluate(
        PolicyOf("  - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback, message: \"PSI > 0.25? Roll back.\" }\n  - { id: auc, metric: auc, min: 0.8 }"),
        Card("candidate.json", ("drift.psi.max", 0.31), ("auc", 0.87)),
        null,
        [new InputDigest("policy", "lockstep.yml", new string('a', 64)), new InputDigest("candidate", "candidate.json", new string('c', 64))]);

    private static PrReportInput Input(DoraReport? dora = null, bool plain = false)
    {
        var report = dora ?? DoraSamples.Report();
        return new PrReportInput
        {
            Gate = Gate,
            Policy = new PolicyLink("lockstep.yml"),
            Dora = report,
            PrView = PrLeadTime.Calculate(
                [DoraSamples.Commit("f1", "03-12T07:12"), DoraSamples.Commit("f2", "03-14T16:00")],
                DoraSamples.At("03-13T09:00"),
                DoraSamples.AsOf,
                report.Lanes.Single(l => l.Lane == Lane.Model),
                report.CommitTime),
            Lane = Lane.Model,
            PrNumber = 7,
            Plain = plain,
        };
    }

    [Fact]
    public void Starts_with_the_gate_report_unchanged_then_the_PR_the_table_the_charts_and_the_events()
    {
        var markdown = PrReport.Render(Input(), GitHubLimit);

        Assert.StartsWith(MarkdownReport.Render(Gate, "lockstep.yml") + "\n**Lead time of PR #7**", markdown, StringComparison.Ordinal);
        string[] sections =
        [
            "**Lead time of PR #7**",
            "### Delivery: DORA metrics for code and model",
            "title \"Deployments per day, Mar 9 – 15: code (blue bars), model (orange line)\"",
            "gantt",
            "title \"Change failure rate, trailing 7 days, %, Mar 9 – 15: code (blue), model (orange)\"",
            "<details><summary>Events behind these numbers</summary>",
        ];
        var positions = sections.Select(s => markdown.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.EndsWith("</details>\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void PR_line_gives_the_lead_time_so_far_against_the_lanes_median_and_P95()
    {
        // First commit 03-12 07:12 to 03-15 12:00 = 76.8 h; the model lane's lead times are 60 h and 72 h.
        Assert.Contains(
            "**Lead time of PR #7** (model lane, counted from the first commit): if deployed now: 3.2 d; lane median 2.8 d, P95 3.0 d; percentile rank 100% among the lane's 2 lead times in the window.\n",
            PrReport.Render(Input(), GitHubLimit),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_show_each_lanes_deployments_per_day_and_the_model_stages()
    {
        var markdown = PrReport.Render(Input(), GitHubLimit);

        Assert.Contains("title \"Deployments per day, Mar 9 – 15: code (blue bars), model (orange line)\"\n", markdown, StringComparison.Ordinal);
        Assert.Contains("x-axis \"day\" [\"9\", \"10\", \"11\", \"12\", \"13\", \"14\", \"15\"]\n    y-axis \"deployments\" 0 --> 8\n", markdown, StringComparison.Ordinal);
        Assert.Contains("    bar [1, 1, 1, 0, 1, 0, 0]\n    line [0, 0, 0, 1, 0, 0, 0]\n", markdown, StringComparison.Ordinal); // s1 is staging
        Assert.Contains(
            """
                axisFormat day %-j %H:%M
                tickInterval 12hour
                todayMarker off
                section Model deployment
                data snapshot → trained (18.0 h) : stage1, 2006-01-01 00:00, 2006-01-01 18:00
                trained → evaluated (6.0 h) : stage2, 2006-01-01 18:00, 2006-01-02 00:00
                evaluated → deployed (36.0 h) : stage3, 2006-01-02 00:00, 2006-01-03 12:00
            """,
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Events_list_the_ids_behind_each_number_per_lane()
    {
        var markdown = PrReport.Render(Input(), GitHubLimit);

        Assert.Contains(
            """
            **Code lane**

            - Deployments (4): `c3`, `c4`, `c5`, `c6`
            - Failed deployments (2): `c4`, `c6`
            - Rework deployments (1): `c5`
            - Restored incidents (1): `i2`
            - Open incidents (1): `i3`
            """,
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("- Note: first deployment c1: 1 commit(s) older than 7 days before it were left out (no earlier deployment bounds them)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**Unattributed incidents** (1): `i4`\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("more events not shown", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_from_files_cannot_break_the_markdown()
    {
        var events = DoraSamples.Events().Select(e => e is Deployment { Id: "c3" } d ? d with { Id = "c|3\n`x" } : e).ToList();

        var markdown = PrReport.Render(Input(DoraCalculator.Calculate(events, DoraSamples.Settings, DoraSamples.AsOf)), GitHubLimit);

        Assert.Contains("- Deployments (4): `c\\|3 'x`, `c4`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_dashboard_is_the_first_line_of_the_folded_delivery_section()
    {
        var markdown = PrReport.Render(Input() with { Dashboard = new Uri("https://octo-org.github.io/model-repo/") }, GitHubLimit);

        Assert.Contains(
            $"<details><summary>{DeliverySummary.Line(DoraSamples.Report())}</summary>\n\nDashboard: <https://octo-org.github.io/model-repo/>\n\n### Delivery: DORA metrics",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_plain_variant_the_dashboard_line_leads_the_delivery_section()
    {
        var markdown = PrReport.Render(Input(plain: true) with { Dashboard = new Uri("https://dev.azure.com/fabrikam/_wiki/lockstep") }, GitHubLimit);

        Assert.Contains("\nDashboard: <https://dev.azure.com/fabrikam/_wiki/lockstep>\n\n### Delivery: DORA metrics", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Dashboard:", PrReport.Render(Input(plain: true), GitHubLimit), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_variant_has_no_Mermaid_and_no_HTML_details()
    {
        var markdown = PrReport.Render(Input(plain: true), GitHubLimit);

        Assert.DoesNotContain("```mermaid", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", markdown, StringComparison.Ordinal);
        Assert.Contains("**Inputs**\n", markdown, StringComparison.Ordinal);
        Assert.Contains("#### Events behind these numbers\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**Model stages** (median over 1 deployment): data snapshot → trained 18.0 h → evaluated 6.0 h → deployed 36.0 h\n", markdown, StringComparison.Ordinal);
        Assert.Contains("14.0 h · ↓ 1.0 h · elite", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_DORA_report_the_comment_is_the_gate_report_and_the_PR_line()
    {
        var input = Input() with { Dora = null, PrView = PrLeadTime.Calculate([], DoraSamples.At("03-15T11:15"), DoraSamples.AsOf, null, CommitTime.Committed) };

        var markdown = PrReport.Render(input, GitHubLimit);

        Assert.Equal(
            MarkdownReport.Render(Gate, "lockstep.yml")
            + "\n**Lead time of PR #7** (model lane, counted from the PR opened: its commit times are not known): if deployed now: 45 min; no model-lane lead times in the window to compare with.\n",
            markdown);
    }

    [Fact]
    public void Matches_the_golden_file() => GoldenFile.AssertMatches("pr-report.md", PrReport.Render(Input(), GitHubLimit));

    [Fact]
    public void Plain_variant_matches_the_golden_file() => GoldenFile.AssertMatches("pr-report.plain.md", PrReport.Render(Input(plain: true), GitHubLimit));

    [Fact]
    public void Many_events_stay_under_GitHubs_limit_by_shortening_the_event_lists()
    {
        var report = ManyEvents(6000);

        var markdown = PrReport.Render(Input(report), GitHubLimit);

        Assert.InRange(markdown.Length, GitHubLimit - 200, GitHubLimit);
        Assert.Contains("```mermaid", markdown, StringComparison.Ordinal);
        Assert.Contains("| Deploys/day |", markdown, StringComparison.Ordinal);
        Assert.Contains("- Deployments (6004): `deployment-with-a-long-identifier-00001`, ", markdown, StringComparison.Ordinal);

        // Every id is either shown or counted in the closing line.
        var details = markdown[markdown.IndexOf("<details><summary>Events", StringComparison.Ordinal)..];
        var shown = ShownId().Count(details);
        var omitted = int.Parse(NotShown().Match(details).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var total = report.Lanes.Sum(l => l.Current.Evidence.Deployments.Count + l.Current.Evidence.FailedDeployments.Count
            + l.Current.Evidence.ReworkDeployments.Count + l.Current.Evidence.RestoredIncidents.Count + l.Current.Evidence.OpenIncidents.Count)
            + report.UnattributedIncidents.Count;
        Assert.Equal(total, shown + omitted);
    }

    [Fact]
    public void Charts_are_left_out_only_when_the_shortest_event_lists_do_not_make_room()
    {
        var input = Input(ManyEvents(300));
        var shortestWithCharts = PrReport.Compose(input, charts: true, cap: 0, GitHubLimit).Length;

        var withCharts = PrReport.Render(input, shortestWithCharts);
        var withoutCharts = PrReport.Render(input, shortestWithCharts - 1);

        Assert.Equal(PrReport.Compose(input, charts: true, cap: 0, GitHubLimit), withCharts);
        Assert.Contains("```mermaid", withCharts, StringComparison.Ordinal);
        Assert.DoesNotContain("```mermaid", withoutCharts, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"_Charts left out to keep this comment under the {shortestWithCharts - 1:N0}-character comment limit._"), withoutCharts, StringComparison.Ordinal);
        Assert.InRange(withoutCharts.Length, 0, shortestWithCharts - 1);
        Assert.Contains("**Model stages** (median over 1 deployment)", withoutCharts, StringComparison.Ordinal);
    }

    /// <summary>The sample history plus <paramref name="count"/> code deployments in the current window, ids 40 characters long.</summary>
    private static DoraReport ManyEvents(int count)
    {
        var extra = Enumerable.Range(1, count).Select(i => new Deployment
        {
            Lane = Lane.Code,
            Id = $"deployment-with-a-long-identifier-{i:00000}",
            Environment = "production",
            Status = DeploymentStatus.Success,
            CreatedAt = DoraSamples.At("03-08T13:00").AddMinutes(i),
            FinishedAt = DoraSamples.At("03-08T13:00").AddMinutes(i),
        });
        return DoraCalculator.Calculate([.. extra, .. DoraSamples.Events()], DoraSamples.Settings, DoraSamples.AsOf);
    }

    [GeneratedRegex("`[^`\n]+`")]
    private static partial Regex ShownId();

    [GeneratedRegex(@"… (\d+) more events not shown; see the dora\.json artifact")]
    private static partial Regex NotShown();
}
