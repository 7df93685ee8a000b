using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Dora;

public static class DoraReportJson
{
    public static string Serialize(DoraReport report) => JsonSerializer.Serialize(report, LockstepJson.Readable.DoraReport);

    public static DoraReport Parse(string json, string source) =>
        ContractJson.Parse(json, source, LockstepJson.Default.DoraReport, "a DORA report", DoraReport.SchemaId, v => v.Schema);
}
