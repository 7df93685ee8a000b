using YamlDotNet.RepresentationModel;

namespace Lockstep.Core.Policy;

/// <summary>Reads the policy's <c>monitor:</c> section.</summary>
internal static class MonitorSection
{
    public static IReadOnlyList<string> Keys { get; } = ["report_id", "github", "azure_devops"];

    private static readonly string[] GitHubKeys = ["event_type", "labels"];
    private static readonly string[] AzureKeys = ["pipeline", "branch", "work_item_type", "tags", "resolved_state"];

    public static MonitorSettings Read(YamlFields yaml, YamlNode node)
    {
        var keys = yaml.Mapping(node, "monitor", Keys);
        var settings = new MonitorSettings();
        if (keys.TryGetValue("report_id", out var id))
        {
            var text = yaml.NonEmptyString(id, "monitor.report_id");
            settings = Reporting.ReportMarker.IsValidId(text)
                ? settings with { ReportId = text }
                : throw yaml.At(id, "monitor.report_id", $"'{text}' must be {Reporting.ReportMarker.IdRule}");
        }

        if (keys.TryGetValue("github", out var github))
        {
            settings = settings with { GitHub = yaml.Attempt(() => ReadGitHub(yaml, github), settings.GitHub) };
        }

        if (keys.TryGetValue("azure_devops", out var azure))
        {
            settings = settings with { AzureDevOps = yaml.Attempt(() => ReadAzure(yaml, azure), settings.AzureDevOps) };
        }

        return settings;
    }

    private static GitHubAlertSettings ReadGitHub(YamlFields yaml, YamlNode node)
    {
        var keys = yaml.Mapping(node, "monitor.github", GitHubKeys);
        var settings = new GitHubAlertSettings();
        if (keys.TryGetValue("event_type", out var eventType))
        {
            // GitHub refuses an event type longer than 100 characters.
            var text = yaml.NonEmptyString(eventType, "monitor.github.event_type");
            settings = text.Length <= 100
                ? settings with { EventType = text }
                : throw yaml.At(eventType, "monitor.github.event_type", $"at most 100 characters, got {text.Length}");
        }

        if (keys.TryGetValue("labels", out var labels))
        {
            settings = settings with { Labels = Strings(yaml, labels, "monitor.github.labels") };
        }

        return settings;
    }

    private static AzureDevOpsAlertSettings ReadAzure(YamlFields yaml, YamlNode node)
    {
        var keys = yaml.Mapping(node, "monitor.azure_devops", AzureKeys);
        var settings = new AzureDevOpsAlertSettings();
        string? Text(string key) => keys.TryGetValue(key, out var value) ? yaml.NonEmptyString(value, $"monitor.azure_devops.{key}").Trim() : null;
        if (keys.TryGetValue("branch", out var branchNode) && Text("branch") is { } branch && !branch.StartsWith("refs/", StringComparison.Ordinal))
        {
            throw yaml.At(branchNode, "monitor.azure_devops.branch", $"expected a full ref such as refs/heads/main, got '{branch}'");
        }

        return settings with
        {
            Pipeline = Text("pipeline") ?? settings.Pipeline,
            Branch = Text("branch") ?? settings.Branch,
            WorkItemType = Text("work_item_type") ?? settings.WorkItemType,
            Tags = keys.TryGetValue("tags", out var tags) ? Strings(yaml, tags, "monitor.azure_devops.tags") : settings.Tags,
            ResolvedState = Text("resolved_state") ?? settings.ResolvedState,
        };
    }

    // Azure DevOps separates tags with ';', so a tag with one would be two.
    private static List<string> Strings(YamlFields yaml, YamlNode list, string field) =>
        yaml.Sequence(list, field).Select(n =>
        {
            var text = yaml.NonEmptyString(n, field).Trim();
            return text.Contains(';', StringComparison.Ordinal) || text.Contains(',', StringComparison.Ordinal)
                ? throw yaml.At(n, field, $"'{text}' may not contain ';' or ','")
                : text;
        }).ToList();
}
