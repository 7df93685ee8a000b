using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Core.Policy;

/// <summary>
/// Typed reads of YAML nodes that fail with the file, line, column, field and what was expected. Problems that do not
/// stop the reading (an unknown or repeated key, or any read run through <see cref="Attempt{T}"/>) are collected, so
/// that one run reports every problem of the file.
/// </summary>
internal sealed partial class YamlFields(string source)
{
    private readonly List<InputException> errors = [];

    public string Source { get; } = source;

    /// <summary>Runs a read; its problem is collected and the fallback returned, so the reading goes on.</summary>
    public T Attempt<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (InputException e)
        {
            errors.Add(e);
            return fallback;
        }
    }

    /// <summary>Collects a problem that does not stop the reading.</summary>
    public void Report(InputException error) => errors.Add(error);

    /// <summary>How many problems have been collected so far.</summary>
    public int ErrorCount => errors.Count;

    /// <summary>Throws every collected problem at once, in the order of the file.</summary>
    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw InputException.Several(Source, errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column ?? 0).ToList());
        }
    }

    /// <summary>A problem at a node: its line and column.</summary>
    public InputException At(YamlNode node, string field, string problem) =>
        new(Source, PolicyReader.Line(node), Column(node), field, problem);

    public Dictionary<string, YamlNode> Mapping(YamlNode node, string field, IReadOnlyList<string> allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Expected(node, field, "a mapping of keys to values");
        }

        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;
            if (!allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                var hint = Suggestions.Closest(key, allowedKeys) is { } near
                    ? $"did you mean '{near}'?"
                    : $"expected one of: {string.Join(", ", allowedKeys)}";
                Report(At(keyNode, field, $"unknown key '{key}' ({hint})"));
                continue;
            }

            if (!result.TryAdd(key, valueNode))
            {
                Report(At(keyNode, $"{field}.{key}", "duplicate key"));
            }
        }

        return result;
    }

    public IReadOnlyList<YamlNode> Sequence(YamlNode node, string field) =>
        node is YamlSequenceNode sequence ? sequence.Children.ToList() : throw Expected(node, field, "a list");

    public string NonEmptyString(YamlNode node, string field)
    {
        var text = Scalar(node, field, "a string");
        return string.IsNullOrWhiteSpace(text) ? throw Expected(node, field, "a non-empty string") : text;
    }

    public string Identifier(YamlNode node, string field)
    {
        var text = Scalar(node, field, "an id");
        return IdPattern().IsMatch(text)
            ? text
            : throw At(node, field, $"gate id '{text}' may contain only letters (A–Z, a–z), digits (0–9), '.', '_' and '-', starting with a letter or a digit");
    }

    public int Integer(YamlNode node, string field)
    {
        var text = Scalar(node, field, "an integer");
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Expected(node, field, "an integer", text);
    }

    public int Seed(YamlNode node, string field)
    {
        var text = Scalar(node, field, Seeds.Expected);
        return Seeds.TryParse(text, out var value) ? value : throw Expected(node, field, Seeds.Expected, text);
    }

    public double FiniteNumber(YamlNode node, string field)
    {
        var text = Scalar(node, field, "a number");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Expected(node, field, "a finite number", text);
    }

    public ChangeAmount Change(YamlNode node, string field)
    {
        const string What = "an absolute amount (0.02) or a relative one (3%)";
        var text = Scalar(node, field, What);
        var amount = ChangeAmount.TryParse(text) ?? throw Expected(node, field, What, text);
        return amount.Amount >= 0 ? amount : throw Expected(node, field, "a non-negative amount", text);
    }

    public bool Boolean(YamlNode node, string field)
    {
        var text = Scalar(node, field, "true or false");
        return text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Expected(node, field, "true or false", text),
        };
    }

    public T Choice<T>(YamlNode node, string field, IReadOnlyDictionary<string, T> choices)
    {
        var what = "one of " + string.Join(", ", choices.Keys);
        var text = Scalar(node, field, what);
        return choices.TryGetValue(text, out var value) ? value : throw Expected(node, field, what, text);
    }

    public static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the line is reported separately.
        var message = exception.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private string Scalar(YamlNode node, string field, string expected) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Expected(node, field, expected);

    private InputException Expected(YamlNode node, string field, string expected, string? got = null)
    {
        var actual = got is not null ? $"'{got}'" : node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode { Value: { Length: > 0 } value } => $"'{value}'",
            _ => "nothing",
        };
        return At(node, field, $"expected {expected}, got {actual}");
    }

    private static int Column(YamlNode node) => (int)Math.Min(node.Start.Column, int.MaxValue);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
