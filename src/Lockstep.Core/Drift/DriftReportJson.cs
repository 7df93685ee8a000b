using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Drift;

public static class DriftReportJson
{
    public static string Serialize(DriftReport report) => JsonSerializer.Serialize(report, LockstepJson.Readable.DriftReport);

    public static DriftReport Parse(string json, string source)
    {
        try
        {
            var report = JsonSerializer.Deserialize(json, LockstepJson.Default.DriftReport)
                ?? throw new InputException(source, 1, "$", "expected a drift report object, got null");
            return report.Schema == DriftReport.SchemaId
                ? report
                : throw new InputException(source, null, "$.schema", $"expected \"{DriftReport.SchemaId}\", got \"{report.Schema}\"");
        }
        catch (JsonException e)
        {
            throw JsonErrors.ToInputError(e, source);
        }
    }
}
