using Lockstep.Core.Warehouse;

namespace Lockstep.Cli.Commands;

/// <summary>
/// Which combinations of the drift data options make sense: each side either a file or SQL, both sides SQL or
/// neither (the KS query reads both in one database), windows only on tables with a time column.
/// </summary>
public static class DriftSourceRules
{
    public static IEnumerable<string> Problems(
        bool referenceFile, bool currentFile, string? referenceSql, string? currentSql, string? timeColumn, string? referenceWindow, string? currentWindow, bool engineGiven)
    {
        foreach (var (file, sql, side) in new[] { (referenceFile, referenceSql, "reference"), (currentFile, currentSql, "current") })
        {
            if (sql is not null && string.IsNullOrWhiteSpace(sql))
            {
                yield return $"--{side}-sql is empty; expected a query or a table name";
            }
            else if (file && sql is not null)
            {
                yield return $"give --{side} or --{side}-sql, not both";
            }
            else if (!file && sql is null)
            {
                yield return $"--{side} (a file) or --{side}-sql (a query or table) is required";
            }
        }

        if ((referenceSql is null) != (currentSql is null) && (referenceFile || currentFile))
        {
            yield return "--reference-sql and --current-sql go together: both sides must be in one database (the KS statistic is one query over both)";
        }

        if (engineGiven && referenceSql is not null && currentSql is not null)
        {
            yield return "--engine is for --reference/--current files; SQL runs in its database";
        }

        foreach (var (window, sql, side) in new[] { (referenceWindow, referenceSql, "reference"), (currentWindow, currentSql, "current") })
        {
            if (window is null)
            {
                continue;
            }

            if (timeColumn is null)
            {
                yield return $"--{side}-window needs --time-column";
            }

            if (string.IsNullOrWhiteSpace(sql) || !SqlSource.Parse(sql).IsTable)
            {
                yield return $"--{side}-window applies to a table name in --{side}-sql; a query selects its own rows with WHERE";
            }
        }

        if (timeColumn is not null && referenceWindow is null && currentWindow is null)
        {
            yield return "--time-column needs --reference-window or --current-window";
        }
    }
}
