namespace Lockstep.Core.Slo;

/// <summary>The budget report as markdown: both families in one table, then the line per family.</summary>
public static class BudgetMarkdown
{
    public static string Write(BudgetReport report)
    {
        var lines = new List<string>
        {
            "# Error budgets",
            string.Empty,
            $"As of {report.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Definitions: docs/budgets.md.",
            string.Empty,
            Line(BudgetTable.Header),
            Line(BudgetTable.Header.Select(_ => "---")),
        };
        lines.AddRange(BudgetTable.Rows(report).Select(Line));
        lines.Add(string.Empty);
        lines.AddRange(BudgetTable.Summary(report).Select(s => $"- {s}"));
        return string.Join("\n", lines) + "\n";
    }

    private static string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
}
