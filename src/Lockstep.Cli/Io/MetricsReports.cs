using System.Text.Json;
using Lockstep.Core;
using Lockstep.Core.Drift;
using Lockstep.Core.Freshness;

namespace Lockstep.Cli.Io;

/// <summary>Reads the metrics of any report that carries gate metrics, by its <c>schema</c>.</summary>
public static class MetricsReports
{
    public static IReadOnlyDictionary<string, double> Read(InputFile file)
    {
        var schema = SchemaOf(file);
        return schema switch
        {
            DriftReport.SchemaId => DriftReportJson.Parse(file.Text, file.DisplayPath).Metrics,
            FreshnessReport.SchemaId => FreshnessReportJson.Parse(file.Text, file.DisplayPath).Metrics,
            _ => throw new InputException(
                file.DisplayPath, null, "$.schema", $"expected \"{DriftReport.SchemaId}\" or \"{FreshnessReport.SchemaId}\", got {(schema is null ? "none" : $"\"{schema}\"")}"),
        };
    }

    private static string? SchemaOf(InputFile file)
    {
        try
        {
            using var document = JsonDocument.Parse(file.Text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("schema", out var schema)
                && schema.ValueKind == JsonValueKind.String
                ? schema.GetString()
                : null;
        }
        catch (JsonException e)
        {
            throw new InputException(file.DisplayPath, (int?)(e.LineNumber + 1), e.Path, "invalid JSON");
        }
    }
}
