using System.Globalization;

namespace Lockstep.AzureDevOps;

/// <summary>The WIQL query for a lane's incidents: work items with a tag (and optionally of a type) created since a date.</summary>
public static class IncidentQuery
{
    public static string For(string tag, string? type, DateTimeOffset since)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var conditions = new List<string>
        {
            "[System.TeamProject] = @project",
            $"[System.Tags] CONTAINS {Literal(tag)}",
            $"[System.CreatedDate] >= {Literal(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}",
        };
        if (!string.IsNullOrWhiteSpace(type))
        {
            conditions.Add($"[System.WorkItemType] = {Literal(type)}");
        }

        return $"SELECT [System.Id] FROM WorkItems WHERE {string.Join(" AND ", conditions)} ORDER BY [System.Id]";
    }

    /// <summary>A WIQL string literal: single quotes, doubled inside.</summary>
    private static string Literal(string value) => $"'{value.Trim().Replace("'", "''", StringComparison.Ordinal)}'";
}
