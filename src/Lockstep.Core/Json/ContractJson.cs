using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lockstep.Core.Json;

/// <summary>Reading a versioned JSON contract: one-line errors with file, line and path, and its schema id checked.</summary>
internal static class ContractJson
{
    /// <param name="what">The contract in words, for "expected a … object".</param>
    /// <param name="schemaId">The <c>schema</c> value the contract must carry.</param>
    /// <param name="schemaOf">Reads the <c>schema</c> value of a parsed document.</param>
    public static T Parse<T>(string json, string source, JsonTypeInfo<T> type, string what, string schemaId, Func<T, string> schemaOf)
        where T : class
    {
        ContractKinds.RefuseOtherKind(json, source, schemaId, what);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException e)
        {
            throw JsonErrors.ToInputError(e, source);
        }

        if (value is null)
        {
            throw new InputException(source, 1, "$", $"expected {what} object, got null");
        }

        var schema = schemaOf(value);
        return schema == schemaId
            ? value
            : throw new InputException(source, null, "$.schema", $"expected \"{schemaId}\", got \"{schema}\"");
    }
}
