using Lockstep.Core.Dora;
using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class MonitorSettingsTests
{
    [Fact]
    public void An_issue_carries_the_model_lanes_incident_labels_first_so_the_GitHub_source_counts_it()
    {
        var dora = PolicyReader.ReadDora("version: 1\ndora:\n  lanes:\n    model:\n      incident_labels: [ml-incident, sev1]\n", "p.yml");
        var monitor = new MonitorSettings { GitHub = new GitHubAlertSettings { Labels = ["drift", "SEV1"] } };

        Assert.Equal(["ml-incident", "sev1", "drift"], monitor.IssueLabels(dora));
    }

    [Fact]
    public void By_default_the_issue_label_is_the_model_lanes_default_incident_label() =>
        Assert.Equal(["model-incident"], new MonitorSettings().IssueLabels(new DoraSettings()));

    [Fact]
    public void A_work_item_carries_the_model_lanes_incident_label_and_the_sections_tags() =>
        Assert.Equal(["model-incident", "lockstep-monitor"], new MonitorSettings().WorkItemTags(new DoraSettings()));

    [Fact]
    public void Without_any_label_the_event_type_marks_the_incident()
    {
        var dora = new DoraSettings { IncidentLabels = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Model] = [] } };

        Assert.Equal(["lockstep-monitor"], new MonitorSettings().IssueLabels(dora));
    }
}
