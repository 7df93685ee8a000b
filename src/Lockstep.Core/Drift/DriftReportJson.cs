using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Drift;

public static class DriftReportJson
{
    public static string Serialize(DriftReport report) => JsonSerializer.Serialize(report, LockstepJson.Readable.DriftReport);

    public static DriftReport Parse(string json, string source) =>
        ContractJson.Parse(json, source, LockstepJson.Default.DriftReport, "a drift report", DriftReport.SchemaId, v => v.Schema);
}
