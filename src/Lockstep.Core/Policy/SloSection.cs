using System.Globalization;
using Lockstep.Core.Slo;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Core.Policy;

/// <summary>Reads the policy's <c>slos:</c> list: every SLO's keys, objective, window, budgeting method and SLI source.</summary>
internal static class SloSection
{
    public static IReadOnlyList<string> Keys { get; } =
        ["id", "family", "objective", "window_days", "budgeting", "slice", "threshold", "missing", "sli"];

    private static readonly string[] TimesliceKeys = ["threshold", "missing"];

    private static readonly Dictionary<string, string[]> SourceKeys = new(StringComparer.Ordinal)
    {
        ["file"] = ["source", "path"],
        ["history"] = ["source", "metric", "metric_slice", "min", "max", "slice"],
        ["prometheus"] = ["source", "good", "total", "url", "headers"],
    };

    private static readonly Dictionary<string, SloFamily> Families = new(StringComparer.Ordinal)
    {
        ["software"] = SloFamily.Software,
        ["model"] = SloFamily.Model,
    };

    private static readonly Dictionary<string, BudgetingMethod> Methods = new(StringComparer.Ordinal)
    {
        ["occurrences"] = BudgetingMethod.Occurrences,
        ["timeslices"] = BudgetingMethod.Timeslices,
    };

    private static readonly Dictionary<string, MissingData> MissingRules = new(StringComparer.Ordinal)
    {
        ["ignore"] = MissingData.Ignore,
        ["good"] = MissingData.Good,
        ["bad"] = MissingData.Bad,
    };

    public static List<SloDefinition> Read(YamlFields yaml, YamlNode node)
    {
        var slos = new List<SloDefinition>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodes = yaml.Sequence(node, "slos");
        for (var i = 0; i < nodes.Count; i++)
        {
            var entry = nodes[i];
            if (yaml.Attempt(() => ReadOne(yaml, entry, $"slos[{i}]"), null) is not { } slo)
            {
                continue;
            }

            if (!seen.TryAdd(slo.Id, slo.Line))
            {
                yaml.Report(yaml.At(entry, $"slos[{i}].id", $"duplicate SLO id '{slo.Id}' (first defined on line {seen[slo.Id]})"));
                continue;
            }

            slos.Add(slo);
        }

        return slos;
    }

    private static SloDefinition? ReadOne(YamlFields yaml, YamlNode node, string path)
    {
        var errorsBefore = yaml.ErrorCount;
        var keys = yaml.Mapping(node, path, Keys);
        YamlNode Required(string key, string what) =>
            keys.TryGetValue(key, out var value) ? value : throw yaml.At(node, $"{path}.{key}", $"missing: {what}");

        var id = yaml.Attempt(() => yaml.Identifier(Required("id", "every SLO needs an id"), $"{path}.id"), null);
        var where = id is null ? path : $"slos[{id}]";
        var family = yaml.Attempt<SloFamily?>(() => yaml.Choice(Required("family", "software or model"), $"{where}.family", Families), null);
        var objective = yaml.Attempt<double?>(() => Objective(yaml, Required("objective", "e.g. 99.5% or 0.995"), $"{where}.objective"), null);
        var windowDays = yaml.Attempt<int?>(() => WindowDays(yaml, Required("window_days", "the rolling window in days, e.g. 28"), $"{where}.window_days"), null);
        var method = yaml.Attempt<BudgetingMethod?>(() => yaml.Choice(Required("budgeting", "occurrences or timeslices"), $"{where}.budgeting", Methods), null);
        var sli = yaml.Attempt(() => Sli(yaml, Required("sli", "the SLI source, e.g. { source: file, path: slis/availability.csv }"), $"{where}.sli"), ((SliSpec?)null, (YamlNode?)null));
        var slice = yaml.Attempt(() => SliceOf(yaml, keys, sli.Item2, method, node, where), null);
        var threshold = keys.TryGetValue("threshold", out var thresholdNode)
            ? yaml.Attempt<double?>(() => Threshold(yaml, thresholdNode, $"{where}.threshold"), null)
            : 1;
        var missing = keys.TryGetValue("missing", out var missingNode)
            ? yaml.Attempt(() => yaml.Choice(missingNode, $"{where}.missing", MissingRules), MissingData.Ignore)
            : MissingData.Ignore;
        if (method == BudgetingMethod.Occurrences)
        {
            foreach (var key in TimesliceKeys.Where(keys.ContainsKey))
            {
                yaml.Report(yaml.At(keys[key], $"{where}.{key}", "applies to `budgeting: timeslices` only"));
            }
        }

        if (yaml.ErrorCount > errorsBefore || id is null || family is null || objective is null || windowDays is null
            || method is null || sli.Item1 is null || threshold is null)
        {
            return null;
        }

        return new SloDefinition
        {
            Id = id,
            Family = family.Value,
            Objective = objective.Value,
            WindowDays = windowDays.Value,
            Budgeting = method.Value,
            Slice = slice,
            SliceThreshold = threshold.Value,
            Missing = missing,
            Sli = sli.Item1,
            Line = PolicyReader.Line(node),
        };
    }

    /// <summary><c>99.5%</c> or <c>0.995</c>; strictly between 0 and 1, since an objective of 100 % leaves no error budget.</summary>
    internal static double Objective(YamlFields yaml, YamlNode node, string field)
    {
        var text = yaml.NonEmptyString(node, field).Trim();
        var percent = text.EndsWith('%');
        if (!double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw yaml.At(node, field, $"expected a share such as 99.5% or 0.995, got '{text}'");
        }

        var share = percent ? value / 100 : value;
        return share switch
        {
            >= 1 => throw yaml.At(node, field, $"'{text}' leaves no error budget: an objective must be below 100%"),
            <= 0 => throw yaml.At(node, field, $"expected an objective above 0%, got '{text}'"),
            _ => share,
        };
    }

    private static int WindowDays(YamlFields yaml, YamlNode node, string field)
    {
        var days = yaml.Integer(node, field);
        return days is >= 1 and <= 366 ? days : throw yaml.At(node, field, $"expected 1 to 366 days, got {days}");
    }

    /// <summary>A slice's share of good events for it to be good: above 0 and at most 1 (<c>99%</c> or <c>0.99</c>).</summary>
    private static double Threshold(YamlFields yaml, YamlNode node, string field)
    {
        var text = yaml.NonEmptyString(node, field).Trim();
        var percent = text.EndsWith('%');
        var share = double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (percent ? value / 100 : value)
            : double.NaN;
        return share is > 0 and <= 1
            ? share
            : throw yaml.At(node, field, $"expected a share above 0 and at most 100% (e.g. 99% or 0.99), got '{text}'");
    }

    /// <summary>The slice length, at the SLO or (for the history source) inside <c>sli:</c>; timeslices need one.</summary>
    private static TimeSpan? SliceOf(YamlFields yaml, Dictionary<string, YamlNode> keys, YamlNode? sliNode, BudgetingMethod? method, YamlNode node, string where)
    {
        var inSli = sliNode is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("slice"), out var s) ? s : null;
        if (keys.TryGetValue("slice", out var atSlo) && inSli is not null)
        {
            throw yaml.At(inSli, $"{where}.sli.slice", "the slice is also given at the SLO: give it once");
        }

        var sliceNode = keys.GetValueOrDefault("slice") ?? inSli;
        var field = keys.ContainsKey("slice") ? $"{where}.slice" : $"{where}.sli.slice";
        if (sliceNode is null)
        {
            return method == BudgetingMethod.Timeslices
                ? throw yaml.At(node, $"{where}.slice", "missing: timeslices need a slice length (minute, hour, day or e.g. 5m)")
                : null;
        }

        if (method == BudgetingMethod.Occurrences)
        {
            throw yaml.At(sliceNode, field, "applies to `budgeting: timeslices` only");
        }

        return SliceLength(yaml, sliceNode, field);
    }

    /// <summary><c>minute</c>, <c>hour</c>, <c>day</c> or a count of minutes or hours (<c>5m</c>, <c>2h</c>) that divides a day.</summary>
    internal static TimeSpan SliceLength(YamlFields yaml, YamlNode node, string field)
    {
        var text = yaml.NonEmptyString(node, field).Trim();
        TimeSpan? length = text switch
        {
            "minute" => TimeSpan.FromMinutes(1),
            "hour" => TimeSpan.FromHours(1),
            "day" => TimeSpan.FromDays(1),
            _ when text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 =>
                text[^1] switch { 'm' => TimeSpan.FromMinutes(n), 'h' => TimeSpan.FromHours(n), 'd' when n == 1 => TimeSpan.FromDays(1), _ => null },
            _ => null,
        };
        if (length is not { } value || TimeSpan.FromDays(1).Ticks % value.Ticks != 0)
        {
            throw yaml.At(node, field, $"expected minute, hour, day or a length that divides a day (5m, 15m, 2h), got '{text}'");
        }

        return value;
    }

    private static (SliSpec?, YamlNode?) Sli(YamlFields yaml, YamlNode node, string field)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw yaml.At(node, field, "expected a mapping with a `source:` (file, history or prometheus)");
        }

        var sourceNode = mapping.Children.TryGetValue(new YamlScalarNode("source"), out var n)
            ? n
            : throw yaml.At(node, $"{field}.source", "missing: file, history or prometheus");
        var source = yaml.Choice(sourceNode, $"{field}.source", SourceKeys.ToDictionary(p => p.Key, p => p.Key, StringComparer.Ordinal));
        var keys = yaml.Mapping(node, field, SourceKeys[source]);
        string Text(string key) => keys.TryGetValue(key, out var v)
            ? yaml.NonEmptyString(v, $"{field}.{key}")
            : throw yaml.At(node, $"{field}.{key}", $"missing: the {source} source needs `{key}`");
        string? Optional(string key) => keys.TryGetValue(key, out var v) ? yaml.NonEmptyString(v, $"{field}.{key}") : null;
        double? Number(string key) => keys.TryGetValue(key, out var v) ? yaml.FiniteNumber(v, $"{field}.{key}") : null;

        SliSpec spec = source switch
        {
            "file" => new FileSli(Text("path")),
            "history" => History(yaml, node, field, Text("metric"), Optional("metric_slice"), Number("min"), Number("max")),
            _ => new PrometheusSli(Text("good"), Text("total"), Optional("url"), Headers(yaml, keys.GetValueOrDefault("headers"), $"{field}.headers")),
        };
        return (spec, node);
    }

    private static HistorySli History(YamlFields yaml, YamlNode node, string field, string metric, string? slice, double? min, double? max)
    {
        if (min is null && max is null)
        {
            throw yaml.At(node, field, "no bound: give min, max or both; a fact is good when its value is within them");
        }

        return min > max
            ? throw yaml.At(node, $"{field}.min", $"min {Numbers.Format(min.Value)} is greater than max {Numbers.Format(max!.Value)}")
            : new HistorySli(metric, slice, min, max);
    }

    private static Dictionary<string, string> Headers(YamlFields yaml, YamlNode? node, string field)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node is null)
        {
            return headers;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw yaml.At(node, field, "expected a mapping of header names to values");
        }

        foreach (var (name, value) in mapping.Children)
        {
            var key = yaml.NonEmptyString(name, field);
            headers[key] = yaml.NonEmptyString(value, $"{field}.{key}");
        }

        return headers;
    }
}
