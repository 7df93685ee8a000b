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
    public static IReadOnlyList<string> TopLevelKeys { get; } = ["version", "first_model", "seed", "gates", "dora", "slos", "monitor"];

    /// <summary>The keys a gate may have; anything else is an error.</summary>
    public static IReadOnlyList<string> GateKeys { get; } =
    [
        "id", "metric", "slice", "min", "max", "max_regression", "min_improvement",
        "higher_is_better", "action", "message", "optional", "confidence", "inconclusive",
    ];

    /// <summary>The keys an SLO of <c>slos:</c> may have; anything else is an error.</summary>
    public static IReadOnlyList<string> SloKeys => SloSection.Keys;

    public static GatePolicy Parse(string text, string source) => Read(text, source, gatesRequired: true);

    /// <summary>
    /// Reads the policy for <c>lockstep dora</c> and <c>lockstep events</c>: a policy with only <c>version</c> and a
    /// <c>dora:</c> section is valid here, since only <c>lockstep gate</c> needs gates. Gates that are there are
    /// checked as <see cref="Parse"/> checks them: a file is one policy, whichever command reads it.
    /// </summary>
    public static DoraSettings ReadDora(string text, string source) => Read(text, source, gatesRequired: false).Dora;

    /// <summary>
    /// Reads the policy for <c>lockstep budget</c>: its <c>slos:</c> list, which must have at least one SLO; gates
    /// are optional here and checked when present.
    /// </summary>
    public static IReadOnlyList<Lockstep.Core.Slo.SloDefinition> ReadSlos(string text, string source)
    {
        var policy = Read(text, source, gatesRequired: false);
        return policy.Slos.Count > 0
            ? policy.Slos
            : throw new InputException(source, null, "slos", "missing: `lockstep budget` needs a list of SLOs under `slos:`");
    }

    private static GatePolicy Read(string text, string source, bool gatesRequired)
    {
        var root = LoadRoot(text, source, gatesRequired ? "`version: 1` and a list of `gates`" : "`version: 1` and a `dora:` section");
        var yaml = new YamlFields(source);
        var keys = yaml.Mapping(root, "policy", TopLevelKeys);

        var version = yaml.Attempt(() => ReadVersion(yaml, root, keys), GatePolicy.SupportedVersion);
        var firstModel = keys.TryGetValue("first_model", out var firstModelNode)
            ? yaml.Attempt(() => yaml.Choice(firstModelNode, "first_model", FirstModelRules), FirstModelRule.Fail)
            : FirstModelRule.Fail;
        var seed = yaml.Attempt(() => ReadSeed(yaml, keys), null);
        var dora = keys.TryGetValue("dora", out var doraNode)
            ? yaml.Attempt(() => DoraSection.Read(yaml, doraNode), new DoraSettings())
            : new DoraSettings();
        var gates = yaml.Attempt(() => ReadGates(yaml, root, keys, gatesRequired), []);
        var slos = keys.TryGetValue("slos", out var slosNode)
            ? yaml.Attempt(() => SloSection.Read(yaml, slosNode), [])
            : [];

        var monitor = keys.TryGetValue("monitor", out var monitorNode)
            ? yaml.Attempt(() => MonitorSection.Read(yaml, monitorNode), new MonitorSettings())
            : new MonitorSettings();

        yaml.ThrowIfAny();
        return new GatePolicy { Source = source, Version = version, FirstModel = firstModel, Seed = seed, Gates = gates, Dora = dora, Slos = slos, Monitor = monitor };
    }

    private static int ReadVersion(YamlFields yaml, YamlNode root, Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("version", out var versionNode))
        {
            throw yaml.At(root, "version", "missing: expected `version: 1`");
        }

        var version = yaml.Integer(versionNode, "version");
        return version == GatePolicy.SupportedVersion ? version : throw yaml.At(versionNode, "version", $"expected 1, got {version}");
    }

    private static List<GateDefinition> ReadGates(YamlFields yaml, YamlNode root, Dictionary<string, YamlNode> keys, bool gatesRequired)
    {
        if (!keys.TryGetValue("gates", out var gatesNode))
        {
            if (!gatesRequired)
            {
                return [];
            }

            throw yaml.At(root, "gates", "missing: expected a list of gates");
        }

        var gateNodes = yaml.Sequence(gatesNode, "gates");
        if (gateNodes.Count == 0)
        {
            throw yaml.At(gatesNode, "gates", "expected at least one gate");
        }

        var gates = new List<GateDefinition>(gateNodes.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < gateNodes.Count; i++)
        {
            var path = $"gates[{i}]";
            var node = gateNodes[i];
            if (yaml.Attempt(() => ReadGate(yaml, node, path), null) is not { } gate)
            {
                continue;
            }

            if (seen.TryGetValue(gate.Id, out var firstLine))
            {
                yaml.Report(yaml.At(node, $"{path}.id", $"duplicate gate id '{gate.Id}' (first defined on line {firstLine})"));
                continue;
            }

            seen.Add(gate.Id, gate.Line);
            gates.Add(gate);
        }

        return gates;
    }

    /// <summary>
    /// Reads only the policy's <c>seed</c>, for training code: the YAML and its top-level keys are checked as
    /// <see cref="Parse"/> checks them, but the gates are not, so a training run does not depend on them.
    /// </summary>
    public static int? ReadSeed(string text, string source)
    {
        var root = LoadRoot(text, source, "`version: 1` and a list of `gates`");
        var yaml = new YamlFields(source);
        var seed = yaml.Attempt(() => ReadSeed(yaml, yaml.Mapping(root, "policy", TopLevelKeys)), null);
        yaml.ThrowIfAny();
        return seed;
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

    /// <summary>One gate, or null when it has problems (all of them collected, each on its own line).</summary>
    private static GateDefinition? ReadGate(YamlFields yaml, YamlNode node, string path)
    {
        var errorsBefore = yaml.ErrorCount;
        var keys = yaml.Mapping(node, path, GateKeys);
        var hasUnknownKeys = yaml.ErrorCount > errorsBefore;
        string? id = null;
        if (keys.TryGetValue("id", out var idNode))
        {
            id = yaml.Attempt(() => yaml.Identifier(idNode, $"{path}.id"), null);
        }
        else if (!hasUnknownKeys)
        {
            // A misspelt key is reported as unknown, with the key it is closest to; "missing" would only repeat it.
            yaml.Report(yaml.At(node, $"{path}.id", "missing: every gate needs an id"));
        }

        var where = id is null ? path : $"gates[{id}]";

        string? metric = null;
        if (keys.TryGetValue("metric", out var metricNode))
        {
            metric = yaml.Attempt(() => yaml.NonEmptyString(metricNode, $"{where}.metric"), null);
        }
        else if (!hasUnknownKeys)
        {
            yaml.Report(yaml.At(node, $"{where}.metric", "missing: name the metric this gate reads"));
        }

        double? Number(string key) => keys.TryGetValue(key, out var n) ? yaml.Attempt<double?>(() => yaml.FiniteNumber(n, $"{where}.{key}"), null) : null;
        ChangeAmount? Change(string key) => keys.TryGetValue(key, out var n) ? yaml.Attempt<ChangeAmount?>(() => yaml.Change(n, $"{where}.{key}"), null) : null;
        bool? Flag(string key) => keys.TryGetValue(key, out var n) ? yaml.Attempt<bool?>(() => yaml.Boolean(n, $"{where}.{key}"), null) : null;
        string? Text(string key) => keys.TryGetValue(key, out var n) ? yaml.Attempt(() => yaml.NonEmptyString(n, $"{where}.{key}"), null) : null;

        var min = Number("min");
        var max = Number("max");
        var maxRegression = Change("max_regression");
        var minImprovement = Change("min_improvement");
        // A misspelt bound is reported as an unknown key; "no bound" would only repeat it.
        if (!hasUnknownKeys && !BoundKeys.Any(keys.ContainsKey))
        {
            yaml.Report(yaml.At(node, where, "no bound: give at least one of min, max, max_regression, min_improvement"));
        }

        if (metric is not null)
        {
            PsiBounds.Check(yaml, metric, where, keys, min, max);
        }

        if (min > max)
        {
            var text = Numbers.Distinct(min.Value, max!.Value);
            yaml.Report(yaml.At(keys["min"], $"{where}.min", $"min {text[0]} is greater than max {text[1]}"));
        }

        var higherIsBetter = Flag("higher_is_better");
        if (metric is not null && !keys.ContainsKey("higher_is_better"))
        {
            higherIsBetter = MetricDirections.HigherIsBetter(metric);
            if (higherIsBetter is null)
            {
                var near = Suggestions.Closest(metric, MetricDirections.KnownNames) is { } name ? $" (did you mean '{name}'?)" : string.Empty;
                yaml.Report(yaml.At(
                    metricNode!, $"{where}.metric",
                    $"unknown metric '{metric}'{near}: if the name is right, add `higher_is_better: true` or `false` to say which way is better"));
            }
        }

        var action = keys.TryGetValue("action", out var actionNode)
            ? yaml.Attempt(() => yaml.Choice(actionNode, $"{where}.action", Actions), RunbookAction.Block)
            : RunbookAction.Block;
        var slice = Text("slice");
        var message = Text("message");
        var optional = Flag("optional") ?? false;
        var (confidence, inconclusive) = GateConfidence.Read(yaml, keys, where, metric, min);
        if (yaml.ErrorCount > errorsBefore || id is null || metric is null || higherIsBetter is null)
        {
            return null;
        }

        return new GateDefinition
        {
            Id = id,
            Metric = metric,
            Slice = slice,
            Min = min,
            Max = max,
            MaxRegression = maxRegression,
            MinImprovement = minImprovement,
            HigherIsBetter = higherIsBetter.Value,
            Action = action,
            Message = message,
            Optional = optional,
            Confidence = confidence,
            Inconclusive = inconclusive,
            Line = Line(node),
        };
    }

    private static readonly string[] BoundKeys = ["min", "max", "max_regression", "min_improvement"];

    private static YamlNode LoadRoot(string text, string source, string expected)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw IndentedWithTab(text, source)
                ?? new InputException(source, (int)e.Start.Line, (int)e.Start.Column, null, $"invalid YAML: {YamlFields.Describe(e)}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails these ways, without a position, on some damaged text (a control character in a plain
            // scalar inside a flow sequence, an event its node loader does not expect).
            throw new InputException(source, null, null, "invalid YAML: cannot be read (look for control characters, unclosed brackets or quotes)");
        }

        if (stream.Documents.Count == 0 || IsEmpty(stream.Documents[0].RootNode))
        {
            throw new InputException(source, null, null, $"the policy is empty: expected {expected}");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new InputException(source, Line(second), (int)second.Start.Column, null, "expected one YAML document, found several");
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>
    /// YAML indents with spaces only. The parser stops at a token near a tab in the indentation, often on an earlier
    /// line, so a file that does not parse is reported at the first line whose indentation holds a tab, when it has one.
    /// </summary>
    private static InputException? IndentedWithTab(string text, string source)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0 && indentation < lines[i].Length && lines[i][indentation] != '#')
            {
                return new InputException(
                    source, i + 1, tab + 1, null, "invalid YAML: a tab in the indentation; YAML indents with spaces only");
            }
        }

        return null;
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } scalar
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null");

    internal static int Line(YamlNode node) => (int)Math.Min(node.Start.Line, int.MaxValue);

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
