using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Gates;

public static class GateResultJson
{
    public static string Serialize(GateResult result) => JsonSerializer.Serialize(result, LockstepJson.Readable.GateResult);

    public static GateResult Parse(string json, string source)
    {
        var value = ContractJson.Parse(json, source, LockstepJson.Default.GateResult, "a gate result", GateResult.SchemaId, v => v.Schema);

        // The source-generated deserializer leaves an omitted init-only collection null.
        return value with { Inputs = value.Inputs ?? [] };
    }
}
