using Lockstep.Core.Contracts;
using Lockstep.Core.Dora;
using Lockstep.Core.Drift;
using Lockstep.Core.Freshness;
using Lockstep.Core.Gates;
using Lockstep.Core.Json;

namespace Lockstep.Core.History;

/// <summary>
/// Reads a file to record by what it is: a JSON document by its top-level <c>schema</c> (report card, gate result,
/// drift report, freshness report), otherwise delivery events as JSON Lines. Anything else is an input error naming it.
/// </summary>
public static class HistoryInputReader
{
    private const string Kinds = "a report card, gate result, drift report, freshness report or delivery events";

    public static HistoryInput Read(string text, string source, string sha256)
    {
        switch (ContractKinds.SchemaOf(text))
        {
            case ReportCard.SchemaId:
                return new HistoryInput.Card(source, sha256, ReportCardReader.Parse(text, source));
            case GateResult.SchemaId:
                return new HistoryInput.Gate(source, sha256, GateResultJson.Parse(text, source));
            case DriftReport.SchemaId:
                return new HistoryInput.Drift(source, sha256, DriftReportJson.Parse(text, source));
            case FreshnessReport.SchemaId:
                return new HistoryInput.Freshness(source, sha256, FreshnessReportJson.Parse(text, source));
            case { } schema:
                throw new InputException(source, null, "schema", $"'{schema}' cannot be recorded; expected {Kinds}");
            default:
                break;
        }

        if (!LooksLikeEvents(text))
        {
            throw new InputException(source, null, null, $"is not {Kinds} (lockstep.events/v1 JSON Lines)");
        }

        return new HistoryInput.Events(source, sha256, EventsReader.Read(text.Split('\n'), source));
    }

    /// <summary>JSON Lines whose first non-blank line is an object with a <c>type</c>: the events reader then names any problem by line.</summary>
    private static bool LooksLikeEvents(string text)
    {
        var first = text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);
        return first is not null && first.StartsWith('{') && first.Contains("\"type\"", StringComparison.Ordinal);
    }
}
