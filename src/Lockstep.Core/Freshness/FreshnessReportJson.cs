using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Freshness;

public static class FreshnessReportJson
{
    public static string Serialize(FreshnessReport report) => JsonSerializer.Serialize(report, LockstepJson.Readable.FreshnessReport);

    public static FreshnessReport Parse(string json, string source) =>
        ContractJson.Parse(json, source, LockstepJson.Default.FreshnessReport, "a freshness report", FreshnessReport.SchemaId, v => v.Schema);
}
