using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Dora;

public static class DoraReportJson
{
    public static string Serialize(DoraReport report) => JsonSerializer.Serialize(report, LockstepJson.Readable.DoraReport);

    public static DoraReport Parse(string json, string source)
    {
        try
        {
            var report = JsonSerializer.Deserialize(json, LockstepJson.Default.DoraReport)
                ?? throw new InputException(source, 1, "$", "expected a DORA report object, got null");
            return report.Schema == DoraReport.SchemaId
                ? report
                : throw new InputException(source, null, "$.schema", $"expected \"{DoraReport.SchemaId}\", got \"{report.Schema}\"");
        }
        catch (JsonException e)
        {
            throw JsonErrors.ToInputError(e, source);
        }
    }
}
