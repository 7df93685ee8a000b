using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Slo;

public static class BudgetReportJson
{
    public static string Serialize(BudgetReport report) => JsonSerializer.Serialize(report, LockstepJson.Readable.BudgetReport);

    public static BudgetReport Parse(string json, string source) =>
        ContractJson.Parse(json, source, LockstepJson.Default.BudgetReport, "a budget report", BudgetReport.SchemaId, v => v.Schema);
}
