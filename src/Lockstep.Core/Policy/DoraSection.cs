using Lockstep.Core.Dora;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Core.Policy;

/// <summary>Reads the policy's <c>dora:</c> section.</summary>
internal static class DoraSection
{
    public static IReadOnlyList<string> Keys { get; } = ["window_days", "attribution_hours", "commit_time", "lanes"];

    private static readonly string[] LaneKeys = ["code", "model"];
    private static readonly string[] LaneSettingKeys = ["environments", "incident_labels", "deploy_workflows"];

    private static readonly Dictionary<string, CommitTime> CommitTimes = new(StringComparer.Ordinal)
    {
        ["committed"] = CommitTime.Committed,
        ["authored"] = CommitTime.Authored,
    };

    public static DoraSettings Read(YamlFields yaml, YamlNode node)
    {
        var keys = yaml.Mapping(node, "dora", Keys);
        var settings = new DoraSettings();
        if (keys.TryGetValue("window_days", out var window))
        {
            var days = yaml.Integer(window, "dora.window_days");
            settings = days is >= 1 and <= 366
                ? settings with { WindowDays = days }
                : throw yaml.At(window, "dora.window_days", $"expected 1 to 366 days, got {days}");
        }

        if (keys.TryGetValue("attribution_hours", out var attribution))
        {
            var hours = yaml.FiniteNumber(attribution, "dora.attribution_hours");
            settings = hours >= 0
                ? settings with { AttributionHours = hours }
                : throw yaml.At(attribution, "dora.attribution_hours", $"expected a non-negative number of hours, got {hours}");
        }

        if (keys.TryGetValue("commit_time", out var commitTime))
        {
            settings = settings with { CommitTime = yaml.Choice(commitTime, "dora.commit_time", CommitTimes) };
        }

        if (keys.TryGetValue("lanes", out var lanesNode))
        {
            var environments = new Dictionary<Lane, IReadOnlyList<string>>(settings.Environments);
            var incidentLabels = new Dictionary<Lane, IReadOnlyList<string>>(settings.IncidentLabels);
            var deployWorkflows = new Dictionary<Lane, IReadOnlyList<string>>(settings.DeployWorkflows);
            var labelNodes = new Dictionary<Lane, IReadOnlyList<YamlNode>>();
            foreach (var (name, laneNode) in yaml.Mapping(lanesNode, "dora.lanes", LaneKeys))
            {
                var field = $"dora.lanes.{name}";
                var lane = name == "code" ? Lane.Code : Lane.Model;
                var laneKeys = yaml.Mapping(laneNode, field, LaneSettingKeys);
                if (laneKeys.TryGetValue("environments", out var list))
                {
                    var patterns = Strings(yaml, list, $"{field}.environments");
                    environments[lane] = patterns.Count > 0
                        ? patterns
                        : throw yaml.At(list, $"{field}.environments", "expected at least one environment name or pattern");
                }

                // An empty list is allowed: a lane without incidents from issues, or with GitHub deployments only.
                if (laneKeys.TryGetValue("incident_labels", out var labels))
                {
                    incidentLabels[lane] = Strings(yaml, labels, $"{field}.incident_labels");
                    labelNodes[lane] = yaml.Sequence(labels, $"{field}.incident_labels");
                }

                if (laneKeys.TryGetValue("deploy_workflows", out var workflows))
                {
                    deployWorkflows[lane] = Strings(yaml, workflows, $"{field}.deploy_workflows");
                }
            }

            RefuseSharedLabels(yaml, incidentLabels, labelNodes);
            settings = settings with { Environments = environments, IncidentLabels = incidentLabels, DeployWorkflows = deployWorkflows };
        }

        return settings;
    }

    /// <summary>
    /// An issue carrying a label both lanes name would be an incident of both, counted twice: the label is refused
    /// where it is written (the model lane's, when both lanes write it), naming the other lane's.
    /// </summary>
    private static void RefuseSharedLabels(YamlFields yaml, Dictionary<Lane, IReadOnlyList<string>> labels, Dictionary<Lane, IReadOnlyList<YamlNode>> written)
    {
        var shared = labels[Lane.Model].FirstOrDefault(label => labels[Lane.Code].Contains(label, StringComparer.OrdinalIgnoreCase));
        if (shared is null)
        {
            return;
        }

        YamlNode NodeOf(Lane lane) => written[lane].First(n => string.Equals(((YamlScalarNode)n).Value, shared, StringComparison.OrdinalIgnoreCase));
        var (lane, other) = written.ContainsKey(Lane.Model) ? (Lane.Model, Lane.Code) : (Lane.Code, Lane.Model);
        var otherLabel = written.ContainsKey(other)
            ? $"an incident label of the {Name(other)} lane too (line {PolicyReader.Line(NodeOf(other))})"
            : $"the {Name(other)} lane's default incident label too";
        throw yaml.At(
            NodeOf(lane),
            $"dora.lanes.{Name(lane)}.incident_labels",
            $"'{shared}' is {otherLabel}: an issue with it would be an incident of both lanes; give each lane its own labels");
    }

    private static string Name(Lane lane) => lane == Lane.Code ? "code" : "model";

    private static List<string> Strings(YamlFields yaml, YamlNode list, string field) =>
        yaml.Sequence(list, field).Select(n => yaml.NonEmptyString(n, field)).ToList();
}
