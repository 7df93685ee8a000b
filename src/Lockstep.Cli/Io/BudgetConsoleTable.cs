using System.Globalization;
using System.Text;
using Lockstep.Core.Slo;

namespace Lockstep.Cli.Io;

/// <summary>The budget table on the console: software and model SLOs in one aligned table, then the line per family.</summary>
public static class BudgetConsoleTable
{
    public static string Render(BudgetReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Error budgets as of {report.AsOf.UtcDateTime:yyyy-MM-dd HH:mm}Z").AppendLine().AppendLine();
        var rows = new List<IReadOnlyList<string>> { BudgetTable.Header };
        rows.AddRange(BudgetTable.Rows(report));
        var widths = Enumerable.Range(0, BudgetTable.Header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        text.AppendLine();
        foreach (var line in BudgetTable.Summary(report))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
