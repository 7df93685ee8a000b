using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Contracts;

/// <summary>Reads a report card from its text; problems name the file, line and JSON path.</summary>
public static class ReportCardReader
{
    public static ReportCard Parse(string json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InputException(source, null, null, "the file is empty: expected a report card (lockstep.report-card/v1)");
        }

        ContractKinds.RefuseOtherKind(json, source, ReportCard.SchemaId, "a report card");
        ReportCard? card;
        try
        {
            card = JsonSerializer.Deserialize(json, LockstepJson.Default.ReportCard);
        }
        catch (JsonException e)
        {
            throw JsonErrors.ToInputError(e, source);
        }

        if (card is null)
        {
            throw new InputException(source, 1, "$", "expected a report card object, got null");
        }

        if (card.Schema != ReportCard.SchemaId)
        {
            throw new InputException(source, null, "$.schema", $"expected \"{ReportCard.SchemaId}\", got \"{card.Schema}\"");
        }

        card = WithEmptyCollectionsForOmittedOnes(card);
        RejectNullEntries(card, source);
        FeatureProfileChecks.Require(card.Features, source);
        return card;
    }

    /// <summary>
    /// The source-generated deserializer sets every init-only property, so an omitted collection arrives as null
    /// instead of keeping its empty initializer. (An explicit <c>null</c> is rejected before this point.)
    /// </summary>
    private static ReportCard WithEmptyCollectionsForOmittedOnes(ReportCard card) => card with
    {
        Datasets = card.Datasets ?? [],
        Slices = card.Slices ?? new Dictionary<string, IReadOnlyDictionary<string, double>>(),
        Features = card.Features ?? new Dictionary<string, FeatureProfile>(),
        Card = card.Card is { } facts ? facts with { Owners = facts.Owners ?? [] } : null,
    };

    /// <summary>
    /// System.Text.Json checks nullability of properties but not of list items or dictionary values;
    /// a null there is as invalid as a null property.
    /// </summary>
    private static void RejectNullEntries(ReportCard card, string source)
    {
        static void Check<T>(IEnumerable<KeyValuePair<string, T>> entries, string source, Func<string, string> field)
        {
            foreach (var (key, value) in entries)
            {
                if (value is null)
                {
                    throw new InputException(source, null, field(key), "must not be null");
                }
            }
        }

        static IEnumerable<KeyValuePair<string, T>> Indexed<T>(IEnumerable<T> items) =>
            items.Select((item, i) => KeyValuePair.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture), item));

        Check(Indexed(card.Datasets), source, i => $"$.datasets[{i}]");
        Check(card.Slices, source, key => $"$.slices['{key}']");
        Check(card.Features, source, key => $"$.features['{key}']");
        Check(Indexed(card.Card?.Owners ?? []), source, i => $"$.card.owners[{i}]");
    }

    public static string Serialize(ReportCard card) => JsonSerializer.Serialize(card, LockstepJson.Readable.ReportCard);
}
