using System.Text;
using System.Text.Json;
using Lockstep.Core.Contracts;
using Lockstep.Core.Dora;
using Lockstep.Core.Drift;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;
using Lockstep.Core.Pinning;

namespace Lockstep.Core.Json;

/// <summary>
/// Lockstep's JSON documents by their <c>schema</c> id, so that a file of one kind given where another is expected
/// is named for what it is ("is a DORA report (lockstep.dora/v1), expected a gate result") instead of failing on
/// its first unknown property.
/// </summary>
internal static class ContractKinds
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [ReportCard.SchemaId] = "a report card",
        [GateResult.SchemaId] = "a gate result",
        [DriftReport.SchemaId] = "a drift report",
        [FreshnessReport.SchemaId] = "a freshness report",
        [DoraReport.SchemaId] = "a DORA report",
        [DataLockFile.SchemaId] = "a data lock",
        [Lockstep.Core.Slo.BudgetReport.SchemaId] = "a budget report",
        [Lockstep.Core.Rebuild.RebuildCheck.SchemaId] = "a rebuild check",
        [DeliveryEvent.SchemaId] = "delivery events",
        ["lockstep.github-cache/v1"] = "a GitHub events cache",
        ["lockstep.generated/v1"] = "a generated-files manifest",
    };

    /// <summary>Throws when the text is an object whose top-level <c>schema</c> is another known contract's; otherwise does nothing.</summary>
    /// <param name="what">The expected contract in words (<c>a gate result</c>).</param>
    public static void RefuseOtherKind(string json, string source, string schemaId, string what)
    {
        // An unknown schema (another version, a typo) is left to the contract's own check of $.schema.
        if (SchemaOf(json) is { } schema && schema != schemaId && Names.TryGetValue(schema, out var name))
        {
            throw new InputException(source, null, null, $"is {name} ({schema}), expected {what} ({schemaId})");
        }
    }

    /// <summary>The top-level <c>schema</c> string, or null when there is none or the text is not a JSON object.</summary>
    public static string? SchemaOf(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSchema = reader.ValueTextEquals("schema"u8);
                reader.Read();
                if (isSchema)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON: the contract's own reader reports where.
        }

        return null;
    }
}
