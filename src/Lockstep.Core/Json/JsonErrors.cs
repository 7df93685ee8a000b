using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Lockstep.Core.Json;

/// <summary>Turns System.Text.Json's exceptions into one line naming the file, line, field and expectation.</summary>
internal static partial class JsonErrors
{
    public static InputException ToInputError(JsonException exception, string source)
    {
        int? line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : null;
        var field = string.IsNullOrEmpty(exception.Path) ? null : exception.Path;
        return new InputException(source, line, field, Describe(exception.Message, field));
    }

    internal static string Describe(string message, string? field)
    {
        var detailsAt = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = detailsAt >= 0 ? message[..detailsAt] : message;

        if (text.StartsWith("expected ", StringComparison.Ordinal))
        {
            return text;
        }

        if (UnmappedProperty().Match(text) is { Success: true } unmapped)
        {
            return $"unknown property '{unmapped.Groups[1].Value}'";
        }

        if (MissingRequired().Match(text) is { Success: true } missing)
        {
            return $"missing required property {missing.Groups[1].Value}";
        }

        if (NotConvertible().Match(text) is { Success: true } conversion)
        {
            return $"expected {Expected(PropertyType(conversion.Groups[1].Value, field))}";
        }

        if (NullNotAllowed().IsMatch(text))
        {
            return "must not be null";
        }

        return $"invalid JSON: {text.TrimEnd('.')}";
    }

    /// <summary>
    /// System.Text.Json names the containing record when a property's value has the wrong kind of token;
    /// the property's own type is found from the last segment of the path, in the contracts' generated metadata.
    /// </summary>
    private static string PropertyType(string typeName, string? field)
    {
        var name = field?[(field.LastIndexOf('.') + 1)..];
        var property = ContractTypes.Value.GetValueOrDefault(typeName)?.Properties
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        return property is null ? typeName : (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).FullName ?? typeName;
    }

    /// <summary>Every type the contracts reach, by full name, from the source-generated metadata (no reflection).</summary>
    private static readonly Lazy<Dictionary<string, JsonTypeInfo>> ContractTypes = new(() =>
    {
        var found = new Dictionary<string, JsonTypeInfo>(StringComparer.Ordinal);
        var pending = new Stack<Type>(LockstepJson.Contracts);
        while (pending.TryPop(out var type))
        {
            if (LockstepJson.Default.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type) is not { } info || !found.TryAdd(info.Type.FullName ?? info.Type.Name, info))
            {
                continue;
            }

            foreach (var reached in info.Properties.Select(p => p.PropertyType).Append(info.ElementType).Append(info.KeyType))
            {
                if (reached is not null)
                {
                    pending.Push(reached);
                }
            }
        }

        return found;
    });

    private static string Expected(string typeName) => typeName switch
    {
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Int32" or "System.Int64" => "an integer",
        "System.String" => "a string",
        "System.Boolean" => "true or false",
        "System.DateTimeOffset" or "System.DateTime" => "an ISO 8601 timestamp",
        _ when typeName.Contains("List", StringComparison.Ordinal) => "an array",
        _ when typeName.Contains("Dictionary", StringComparison.Ordinal) => "an object",
        _ => "an object",
    };

    [GeneratedRegex("^The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("missing required properties including: (.*)\\.$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("^The JSON value could not be converted to ([^.]+(?:\\.[^. ]+)*)\\.?$")]
    private static partial Regex NotConvertible();

    [GeneratedRegex("^The (?:property or field|constructor parameter) '[^']*'.*doesn't allow (?:setting |getting )?null")]
    private static partial Regex NullNotAllowed();
}
