using Lockstep.Core.Slo;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Core.Policy;

/// <summary>
/// Reads OpenSLO v1 documents (<c>kind: SLO</c> and <c>kind: SLI</c>, one or more per file) onto the same
/// <see cref="SloDefinition"/> as <c>slos:</c>. Supported: a rolling <c>timeWindow</c> of whole days or weeks,
/// <c>budgetingMethod: Occurrences | Timeslices</c>, one objective, a <c>ratioMetric</c> (Prometheus or
/// <c>lockstep-file</c> source) or a <c>thresholdMetric</c> (<c>lockstep-history</c> source, <c>op: gte | lte</c>).
/// Any other field is an error naming it.
/// </summary>
public static class OpenSloReader
{
    private static readonly string[] DocumentKeys = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] MetadataKeys = ["name", "displayName", "labels", "annotations"];
    private static readonly string[] SloSpecKeys = ["description", "service", "indicator", "indicatorRef", "timeWindow", "budgetingMethod", "objectives"];
    private static readonly string[] SliSpecKeys = ["description", "ratioMetric", "thresholdMetric"];
    private static readonly string[] WindowKeys = ["duration", "isRolling"];
    private static readonly string[] ObjectiveKeys = ["displayName", "target", "targetPercent", "timeSliceTarget", "timeSliceWindow", "op", "value"];
    private static readonly string[] TimesliceKeys = ["timeSliceTarget", "timeSliceWindow"];
    private static readonly string[] InlineIndicatorKeys = ["metadata", "spec"];
    private static readonly string[] RatioKeys = ["counter", "good", "total"];
    private static readonly string[] MetricKeys = ["metricSource"];
    private static readonly string[] SourceKeys = ["type", "spec"];

    private static readonly Dictionary<string, BudgetingMethod> Methods = new(StringComparer.Ordinal)
    {
        ["Occurrences"] = BudgetingMethod.Occurrences,
        ["Timeslices"] = BudgetingMethod.Timeslices,
    };

    public static IReadOnlyList<SloDefinition> Read(string text, string source)
    {
        var yaml = new YamlFields(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(source, (int)e.Start.Line, (int)e.Start.Column, null, $"invalid YAML: {YamlFields.Describe(e)}");
        }

        var slis = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var slos = new List<(string Name, YamlNode Metadata, YamlNode Spec, YamlNode Node)>();
        foreach (var document in stream.Documents)
        {
            var root = document.RootNode;
            var keys = yaml.Mapping(root, "document", DocumentKeys);
            var apiVersion = keys.TryGetValue("apiVersion", out var api) ? yaml.NonEmptyString(api, "apiVersion") : throw yaml.At(root, "apiVersion", "missing: expected openslo/v1");
            if (apiVersion != "openslo/v1")
            {
                throw yaml.At(api, "apiVersion", $"expected openslo/v1, got '{apiVersion}'");
            }

            var kind = keys.TryGetValue("kind", out var kindNode) ? yaml.NonEmptyString(kindNode, "kind") : throw yaml.At(root, "kind", "missing: SLO or SLI");
            var metadata = keys.TryGetValue("metadata", out var m) ? m : throw yaml.At(root, "metadata", "missing: every document needs metadata.name");
            var name = Name(yaml, metadata);
            var spec = keys.TryGetValue("spec", out var s) ? s : throw yaml.At(root, $"{kind}[{name}].spec", "missing");
            switch (kind)
            {
                case "SLI":
                    slis[name] = spec;
                    break;
                case "SLO":
                    slos.Add((name, metadata, spec, root));
                    break;
                default:
                    throw yaml.At(kindNode!, "kind", $"'{kind}' is not supported: Lockstep reads the kinds SLO and SLI");
            }
        }

        var result = slos.Select(slo => yaml.Attempt(() => Slo(yaml, slo.Name, slo.Metadata, slo.Spec, slo.Node, slis), null)).OfType<SloDefinition>().ToList();
        yaml.ThrowIfAny();
        return result.Count > 0 ? result : throw new InputException(source, null, "kind", "no SLO: expected at least one document with `kind: SLO`");
    }

    private static string Name(YamlFields yaml, YamlNode metadata)
    {
        var keys = yaml.Mapping(metadata, "metadata", MetadataKeys);
        return keys.TryGetValue("name", out var name) ? yaml.Identifier(name, "metadata.name") : throw yaml.At(metadata, "metadata.name", "missing");
    }

    private static SloDefinition Slo(YamlFields yaml, string name, YamlNode metadata, YamlNode specNode, YamlNode node, Dictionary<string, YamlNode> slis)
    {
        var where = $"SLO[{name}].spec";
        var spec = yaml.Mapping(specNode, where, SloSpecKeys);
        var family = Family(yaml, metadata, name);
        var window = Required(yaml, spec, specNode, where, "timeWindow");
        var windows = yaml.Sequence(window, $"{where}.timeWindow");
        if (windows.Count != 1)
        {
            throw yaml.At(window, $"{where}.timeWindow", "expected exactly one rolling window");
        }

        var windowDays = WindowDays(yaml, windows[0], $"{where}.timeWindow[0]");
        var method = yaml.Choice(Required(yaml, spec, specNode, where, "budgetingMethod"), $"{where}.budgetingMethod", Methods);
        var objectivesNode = Required(yaml, spec, specNode, where, "objectives");
        var objectives = yaml.Sequence(objectivesNode, $"{where}.objectives");
        if (objectives.Count != 1)
        {
            throw yaml.At(objectivesNode, $"{where}.objectives", "expected exactly one objective (one error budget per SLO)");
        }

        var objectiveField = $"{where}.objectives[0]";
        var objective = yaml.Mapping(objectives[0], objectiveField, ObjectiveKeys);
        var target = objective.TryGetValue("target", out var t) ? SloSection.Objective(yaml, t, $"{objectiveField}.target")
            : objective.TryGetValue("targetPercent", out var p) ? TargetPercent(yaml, p, $"{objectiveField}.targetPercent")
            : throw yaml.At(objectives[0], $"{objectiveField}.target", "missing: give target (0.995) or targetPercent (99.5)");

        TimeSpan? slice = null;
        double threshold = 1;
        if (method == BudgetingMethod.Timeslices)
        {
            slice = objective.TryGetValue("timeSliceWindow", out var w) ? SloSection.SliceLength(yaml, w, $"{objectiveField}.timeSliceWindow")
                : throw yaml.At(objectives[0], $"{objectiveField}.timeSliceWindow", "missing: Timeslices need a slice length (1m, 5m, 1h, 1d)");
            threshold = objective.TryGetValue("timeSliceTarget", out var st) ? yaml.FiniteNumber(st, $"{objectiveField}.timeSliceTarget") : 1;
            if (threshold is <= 0 or > 1)
            {
                throw yaml.At(st!, $"{objectiveField}.timeSliceTarget", $"expected a share above 0 and at most 1, got {Numbers.Format(threshold)}");
            }
        }
        else
        {
            foreach (var key in TimesliceKeys.Where(objective.ContainsKey))
            {
                throw yaml.At(objective[key], $"{objectiveField}.{key}", "applies to budgetingMethod: Timeslices only");
            }
        }

        var sliSpec = Indicator(yaml, spec, specNode, where, slis);
        var sli = Sli(yaml, sliSpec.Node, sliSpec.Field, objective, objectiveField);
        return new SloDefinition
        {
            Id = name,
            Family = family,
            Objective = target,
            WindowDays = windowDays,
            Budgeting = method,
            Slice = slice,
            SliceThreshold = threshold,
            Sli = sli,
            // The line of metadata.name, which names the SLO.
            Line = metadata is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) ? PolicyReader.Line(nameNode) : PolicyReader.Line(node),
        };
    }

    /// <summary><c>targetPercent: 99.5</c>: above 0 and below 100.</summary>
    private static double TargetPercent(YamlFields yaml, YamlNode node, string field)
    {
        var percent = yaml.FiniteNumber(node, field);
        return percent switch
        {
            >= 100 => throw yaml.At(node, field, $"{Numbers.Format(percent)} leaves no error budget: an objective must be below 100"),
            <= 0 => throw yaml.At(node, field, $"expected an objective above 0, got {Numbers.Format(percent)}"),
            _ => percent / 100,
        };
    }

    private static YamlNode Required(YamlFields yaml, Dictionary<string, YamlNode> keys, YamlNode node, string where, string key) =>
        keys.TryGetValue(key, out var value) ? value : throw yaml.At(node, $"{where}.{key}", "missing");

    /// <summary><c>metadata.labels.family</c>: <c>software</c> (the default) or <c>model</c>.</summary>
    private static SloFamily Family(YamlFields yaml, YamlNode metadata, string name)
    {
        if (metadata is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode("labels"), out var labels)
            || labels is not YamlMappingNode labelMap || !labelMap.Children.TryGetValue(new YamlScalarNode("family"), out var family))
        {
            return SloFamily.Software;
        }

        return yaml.Choice(family, $"SLO[{name}].metadata.labels.family", new Dictionary<string, SloFamily>(StringComparer.Ordinal)
        {
            ["software"] = SloFamily.Software,
            ["model"] = SloFamily.Model,
        });
    }

    /// <summary>A rolling window of whole days: <c>28d</c> or <c>4w</c>.</summary>
    private static int WindowDays(YamlFields yaml, YamlNode node, string field)
    {
        var keys = yaml.Mapping(node, field, WindowKeys);
        if (!keys.TryGetValue("isRolling", out var rolling) || !yaml.Boolean(rolling, $"{field}.isRolling"))
        {
            throw yaml.At(rolling ?? node, $"{field}.isRolling", "only rolling windows are supported: set isRolling: true");
        }

        var text = keys.TryGetValue("duration", out var d) ? yaml.NonEmptyString(d, $"{field}.duration") : throw yaml.At(node, $"{field}.duration", "missing");
        var days = text.Length > 1 && int.TryParse(text[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? text[^1] switch { 'd' => n, 'w' => n * 7, _ => 0 }
            : 0;
        return days is >= 1 and <= 366 ? days : throw yaml.At(d, $"{field}.duration", $"expected whole days or weeks from 1d to 366d (28d, 4w), got '{text}'");
    }

    private static (YamlNode Node, string Field) Indicator(YamlFields yaml, Dictionary<string, YamlNode> spec, YamlNode specNode, string where, Dictionary<string, YamlNode> slis)
    {
        if (spec.TryGetValue("indicator", out var inline))
        {
            var keys = yaml.Mapping(inline, $"{where}.indicator", InlineIndicatorKeys);
            return keys.TryGetValue("spec", out var s) ? (s, $"{where}.indicator.spec") : throw yaml.At(inline, $"{where}.indicator.spec", "missing");
        }

        if (spec.TryGetValue("indicatorRef", out var reference))
        {
            var name = yaml.NonEmptyString(reference, $"{where}.indicatorRef");
            return slis.TryGetValue(name, out var sli) ? (sli, $"SLI[{name}].spec") : throw yaml.At(reference, $"{where}.indicatorRef", $"no SLI named '{name}' in the file");
        }

        throw yaml.At(specNode, $"{where}.indicator", "missing: give indicator or indicatorRef");
    }

    private static SliSpec Sli(YamlFields yaml, YamlNode node, string field, Dictionary<string, YamlNode> objective, string objectiveField)
    {
        var keys = yaml.Mapping(node, field, SliSpecKeys);
        if (keys.TryGetValue("ratioMetric", out var ratio))
        {
            var ratioKeys = yaml.Mapping(ratio, $"{field}.ratioMetric", RatioKeys);
            var (goodType, good) = Source(yaml, Required(yaml, ratioKeys, ratio, $"{field}.ratioMetric", "good"), $"{field}.ratioMetric.good");
            var (totalType, total) = Source(yaml, Required(yaml, ratioKeys, ratio, $"{field}.ratioMetric", "total"), $"{field}.ratioMetric.total");
            return (goodType, totalType) switch
            {
                ("Prometheus", "Prometheus") => new PrometheusSli(Text(yaml, good, "query"), Text(yaml, total, "query"), null, new Dictionary<string, string>()),
                ("lockstep-file", "lockstep-file") => new FileSli(Text(yaml, good, "path")),
                _ => throw yaml.At(ratio, $"{field}.ratioMetric", $"metricSource types '{goodType}' and '{totalType}': expected Prometheus for both, or lockstep-file for both"),
            };
        }

        if (keys.TryGetValue("thresholdMetric", out var threshold))
        {
            var (type, spec) = Source(yaml, threshold, $"{field}.thresholdMetric");
            if (type != "lockstep-history")
            {
                throw yaml.At(threshold, $"{field}.thresholdMetric.metricSource.type", $"'{type}': a threshold metric is read from lockstep-history");
            }

            var op = objective.TryGetValue("op", out var o) ? yaml.NonEmptyString(o, $"{objectiveField}.op") : throw yaml.At(threshold, $"{objectiveField}.op", "missing: gte or lte");
            var value = objective.TryGetValue("value", out var v) ? yaml.FiniteNumber(v, $"{objectiveField}.value") : throw yaml.At(threshold, $"{objectiveField}.value", "missing");
            var metric = Text(yaml, spec, "metric");
            return op switch
            {
                "gte" => new HistorySli(metric, null, value, null),
                "lte" => new HistorySli(metric, null, null, value),
                _ => throw yaml.At(o, $"{objectiveField}.op", $"'{op}' is not supported: Lockstep's bounds are inclusive, use gte or lte"),
            };
        }

        throw yaml.At(node, field, "missing: give ratioMetric or thresholdMetric");
    }

    private static (string Type, YamlNode Spec) Source(YamlFields yaml, YamlNode node, string field)
    {
        var metric = yaml.Mapping(node, field, MetricKeys);
        var sourceNode = Required(yaml, metric, node, field, "metricSource");
        var keys = yaml.Mapping(sourceNode, $"{field}.metricSource", SourceKeys);
        return (yaml.NonEmptyString(Required(yaml, keys, sourceNode, $"{field}.metricSource", "type"), $"{field}.metricSource.type"),
            Required(yaml, keys, sourceNode, $"{field}.metricSource", "spec"));
    }

    private static string Text(YamlFields yaml, YamlNode spec, string key)
    {
        var keys = yaml.Mapping(spec, "metricSource.spec", [key]);
        return keys.TryGetValue(key, out var value) ? yaml.NonEmptyString(value, $"metricSource.spec.{key}") : throw yaml.At(spec, $"metricSource.spec.{key}", "missing");
    }
}
