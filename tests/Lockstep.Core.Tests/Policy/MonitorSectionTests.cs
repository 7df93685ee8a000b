using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class MonitorSectionTests
{
    private const string Gates = "version: 1\ngates:\n  - { id: psi, metric: drift.psi.max, max: 0.25, action: rollback }\n";

    [Fact]
    public void Without_a_monitor_section_the_defaults_apply()
    {
        var monitor = PolicyReader.Parse(Gates, "lockstep.yml").Monitor;

        Assert.Equal("monitor", monitor.ReportId);
        Assert.Equal("lockstep-monitor", monitor.GitHub.EventType);
        Assert.Empty(monitor.GitHub.Labels);
        Assert.Null(monitor.AzureDevOps.Pipeline);
        Assert.Null(monitor.AzureDevOps.Branch);
        Assert.Equal("Bug", monitor.AzureDevOps.WorkItemType);
        Assert.Equal(["lockstep-monitor"], monitor.AzureDevOps.Tags);
        Assert.Equal("Closed", monitor.AzureDevOps.ResolvedState);
    }

    [Fact]
    public void Reads_every_key()
    {
        var monitor = PolicyReader.Parse(
            Gates + """
            monitor:
              report_id: churn
              github: { event_type: retrain-churn, labels: [drift, sev2] }
              azure_devops:
                pipeline: retrain
                branch: refs/heads/main
                work_item_type: Issue
                tags: [drift-alert]
                resolved_state: Done
            """,
            "lockstep.yml").Monitor;

        Assert.Equal("churn", monitor.ReportId);
        Assert.Equal("retrain-churn", monitor.GitHub.EventType);
        Assert.Equal(["drift", "sev2"], monitor.GitHub.Labels);
        Assert.Equal("retrain", monitor.AzureDevOps.Pipeline);
        Assert.Equal("refs/heads/main", monitor.AzureDevOps.Branch);
        Assert.Equal("Issue", monitor.AzureDevOps.WorkItemType);
        Assert.Equal(["drift-alert"], monitor.AzureDevOps.Tags);
        Assert.Equal("Done", monitor.AzureDevOps.ResolvedState);
    }

    [Theory]
    [InlineData("monitor:\n  report: churn\n", "lockstep.yml:5:3: monitor: unknown key 'report' (did you mean 'report_id'?)")]
    [InlineData("monitor:\n  github: { event: x }\n", "lockstep.yml:5:13: monitor.github: unknown key 'event' (did you mean 'event_type'?)")]
    [InlineData("monitor:\n  azure_devops: { pipelin: retrain }\n", "lockstep.yml:5:19: monitor.azure_devops: unknown key 'pipelin' (did you mean 'pipeline'?)")]
    [InlineData("monitor:\n  report_id: two words\n", "lockstep.yml:5:14: monitor.report_id: 'two words' must be 1 to 64 letters, digits, '.', '_' or '-'")]
    [InlineData("monitor:\n  azure_devops: { branch: main }\n", "lockstep.yml:5:27: monitor.azure_devops.branch: expected a full ref such as refs/heads/main, got 'main'")]
    [InlineData("monitor:\n  azure_devops: { tags: [a;b] }\n", "lockstep.yml:5:26: monitor.azure_devops.tags: 'a;b' may not contain ';' or ','")]
    [InlineData("monitor:\n  github: { labels: drift }\n", "lockstep.yml:5:21: monitor.github.labels: expected a list, got 'drift'")]
    [InlineData("monitor: yes\n", "lockstep.yml:4:10: monitor: expected a mapping of keys to values, got 'yes'")]
    public void Problems_name_the_file_line_and_key(string section, string expected)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.Parse(Gates + section, "lockstep.yml"));

        Assert.Equal(expected, error.Message);
    }
}
