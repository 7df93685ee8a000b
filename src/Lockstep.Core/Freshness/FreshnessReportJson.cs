using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Freshness;

public static class FreshnessReportJson
{
    public static string Serialize(FreshnessReport report) => JsonSerializer.Serialize(report, LockstepJson.Readable.FreshnessReport);

    public static FreshnessReport Parse(string json, string source)
    {
        try
        {
            var report = JsonSerializer.Deserialize(json, LockstepJson.Default.FreshnessReport)
                ?? throw new InputException(source, 1, "$", "expected a freshness report object, got null");
            return report.Schema == FreshnessReport.SchemaId
                ? report
                : throw new InputException(source, null, "$.schema", $"expected \"{FreshnessReport.SchemaId}\", got \"{report.Schema}\"");
        }
        catch (JsonException e)
        {
            throw JsonErrors.ToInputError(e, source);
        }
    }
}
