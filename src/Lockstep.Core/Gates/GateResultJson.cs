using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Gates;

public static class GateResultJson
{
    public static string Serialize(GateResult result) => JsonSerializer.Serialize(result, LockstepJson.Readable.GateResult);

    public static GateResult Parse(string json, string source)
    {
        try
        {
            var result = JsonSerializer.Deserialize(json, LockstepJson.Default.GateResult)
                ?? throw new InputException(source, 1, "$", "expected a gate result object, got null");

            // The source-generated deserializer leaves an omitted init-only collection null.
            return result with { Inputs = result.Inputs ?? [] };
        }
        catch (JsonException e)
        {
            throw JsonErrors.ToInputError(e, source);
        }
    }
}
