using System.Globalization;
using YamlDotNet.Core;
using Lockstep.Core.Dora;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Core.Policy;

/// <summary>
/// Reads <c>lockstep.yml</c>. Every problem names the file, the line and the key; unknown keys are errors,
/// so a typo can never silently disable a gate.
/// </summary>
public static class PolicyReader
{
    /// <summary>The keys a policy may have at its top level; anything else is an error.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = ["version", "first_model", "seed", "gates", "dora"];

    /// <summary>The keys a gate may have; anything else is an error.</summary>
    public static IReadOnlyList<string> GateKeys { get; } =
    [
        "id", "metric", "slice", "min", "max", "max_regression", "min_improvement",
        "higher_is_better", "action", "message", "optional",
    ];

    public static GatePolicy Parse(string text, string source)
    {
        var root = LoadRoot(text, source);
        var yaml = new YamlFields(source);
        var keys = yaml.Mapping(root, "policy", TopLevelKeys);

        var version = keys.TryGetValue("version", out var versionNode)
            ? yaml.Integer(versionNode, "version")
            : throw new InputException(source, Line(root), "version", "missing: expected `version: 1`");
        if (version != GatePolicy.SupportedVersion)
        {
            throw new InputException(source, Line(versionNode), "version", $"expected 1, got {version}");
        }

        var firstModel = keys.TryGetValue("first_model", out var firstModelNode)
            ? yaml.Choice(firstModelNode, "first_model", FirstModelRules)
            : FirstModelRule.Fail;

        var seed = ReadSeed(yaml, keys);

        var dora = keys.TryGetValue("dora", out var doraNode) ? DoraSection.Read(yaml, doraNode) : new DoraSettings();

        if (!keys.TryGetValue("gates", out var gatesNode))
        {
            throw new InputException(source, Line(root), "gates", "missing: expected a list of gates");
        }

        var gateNodes = yaml.Sequence(gatesNode, "gates");
        if (gateNodes.Count == 0)
        {
            throw new InputException(source, Line(gatesNode), "gates", "expected at least one gate");
        }

        var gates = new List<GateDefinition>(gateNodes.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < gateNodes.Count; i++)
        {
            var gate = ReadGate(yaml, gateNodes[i], $"gates[{i}]");
            if (seen.TryGetValue(gate.Id, out var firstLine))
            {
                throw new InputException(
                    source, gate.Line, $"gates[{i}].id", $"duplicate gate id '{gate.Id}' (first defined on line {firstLine})");
            }

            seen.Add(gate.Id, gate.Line);
            gates.Add(gate);
        }

        return new GatePolicy { Source = source, Version = version, FirstModel = firstModel, Seed = seed, Gates = gates, Dora = dora };
    }

    /// <summary>
    /// Reads only the policy's <c>seed</c>, for training code: the YAML and its top-level keys are checked as
    /// <see cref="Parse"/> checks them, but the gates are not, so a training run does not depend on them.
    /// </summary>
    public static int? ReadSeed(string text, string source)
    {
        var root = LoadRoot(text, source);
        var yaml = new YamlFields(source);
        return ReadSeed(yaml, yaml.Mapping(root, "policy", TopLevelKeys));
    }

    private static int? ReadSeed(YamlFields yaml, Dictionary<string, YamlNode> keys) =>
        keys.TryGetValue("seed", out var seedNode) ? yaml.Seed(seedNode, "seed") : null;

    private static readonly Dictionary<string, FirstModelRule> FirstModelRules = new(StringComparer.Ordinal)
    {
        ["fail"] = FirstModelRule.Fail,
        ["allow"] = FirstModelRule.Allow,
    };

    private static readonly Dictionary<string, RunbookAction> Actions = new(StringComparer.Ordinal)
    {
        ["rollback"] = RunbookAction.Rollback,
        ["page"] = RunbookAction.Page,
        ["block"] = RunbookAction.Block,
        ["warn"] = RunbookAction.Warn,
    };

    private static GateDefinition ReadGate(YamlFields yaml, YamlNode node, string path)
    {
        var keys = yaml.Mapping(node, path, GateKeys);
        var id = keys.TryGetValue("id", out var idNode)
            ? yaml.Identifier(idNode, $"{path}.id")
            : throw new InputException(yaml.Source, Line(node), $"{path}.id", "missing: every gate needs an id");
        var where = $"gates[{id}]";

        var metric = keys.TryGetValue("metric", out var metricNode)
            ? yaml.NonEmptyString(metricNode, $"{where}.metric")
            : throw new InputException(yaml.Source, Line(node), $"{where}.metric", "missing: name the metric this gate reads");

        double? Number(string key) => keys.TryGetValue(key, out var n) ? yaml.FiniteNumber(n, $"{where}.{key}") : null;
        ChangeAmount? Change(string key) => keys.TryGetValue(key, out var n) ? yaml.Change(n, $"{where}.{key}") : null;

        var min = Number("min");
        var max = Number("max");
        var maxRegression = Change("max_regression");
        var minImprovement = Change("min_improvement");
        if (min is null && max is null && maxRegression is null && minImprovement is null)
        {
            throw new InputException(
                yaml.Source, Line(node), where, "no bound: give at least one of min, max, max_regression, min_improvement");
        }

        PsiBounds.Require(yaml.Source, metric, where, keys, min, max);
        if (min > max)
        {
            var text = Numbers.Distinct(min.Value, max!.Value);
            throw new InputException(yaml.Source, Line(keys["min"]), $"{where}.min", $"min {text[0]} is greater than max {text[1]}");
        }

        bool? higherIsBetter = keys.TryGetValue("higher_is_better", out var directionNode)
            ? yaml.Boolean(directionNode, $"{where}.higher_is_better")
            : MetricDirections.HigherIsBetter(metric);
        if (higherIsBetter is null)
        {
            throw new InputException(
                yaml.Source, Line(metricNode), $"{where}.metric",
                $"unknown metric '{metric}': add `higher_is_better: true` or `false` to say which way is better");
        }

        return new GateDefinition
        {
            Id = id,
            Metric = metric,
            Slice = keys.TryGetValue("slice", out var sliceNode) ? yaml.NonEmptyString(sliceNode, $"{where}.slice") : null,
            Min = min,
            Max = max,
            MaxRegression = maxRegression,
            MinImprovement = minImprovement,
            HigherIsBetter = higherIsBetter.Value,
            Action = keys.TryGetValue("action", out var actionNode)
                ? yaml.Choice(actionNode, $"{where}.action", Actions)
                : RunbookAction.Block,
            Message = keys.TryGetValue("message", out var messageNode) ? yaml.NonEmptyString(messageNode, $"{where}.message") : null,
            Optional = keys.TryGetValue("optional", out var optionalNode) && yaml.Boolean(optionalNode, $"{where}.optional"),
            Line = Line(node),
        };
    }

    private static YamlNode LoadRoot(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(source, (int)e.Start.Line, null, $"invalid YAML: {YamlFields.Describe(e)}");
        }

        if (stream.Documents.Count == 0 || IsEmpty(stream.Documents[0].RootNode))
        {
            throw new InputException(source, null, null, "the policy is empty: expected `version: 1` and a list of `gates`");
        }

        if (stream.Documents.Count > 1)
        {
            throw new InputException(
                source, Line(stream.Documents[1].RootNode), null, "expected one YAML document, found several");
        }

        return stream.Documents[0].RootNode;
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } scalar
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null");

    internal static int Line(YamlNode node) => (int)Math.Min(node.Start.Line, int.MaxValue);

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
