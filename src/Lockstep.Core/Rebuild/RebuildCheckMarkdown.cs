using System.Text;

namespace Lockstep.Core.Rebuild;

/// <summary>The rebuild check as markdown for a job summary: the verdict, the two cards, and a table of the differences.</summary>
public static class RebuildCheckMarkdown
{
    public static string Render(RebuildCheck check)
    {
        var text = new StringBuilder();
        text.Append("## Rebuild check: ").Append(check.Verdict switch
        {
            RebuildVerdict.Identical => "✅ ",
            RebuildVerdict.Differs => "❌ ",
            _ => "⚠️ ",
        }).AppendLine(Cell(check.Summary)).AppendLine();
        foreach (var input in check.Inputs)
        {
            text.Append("- ").Append(input.Role).Append(": `").Append(input.Path).Append("` (sha256 `").Append(input.Sha256).AppendLine("`)");
        }

        text.Append("- metrics equal when |rebuilt − registered| ≤ ").AppendLine(MetricComparer.Scientific(Numbers.Format(check.Tolerance)));
        if (check.Differences.Count > 0)
        {
            text.AppendLine().AppendLine("| Kind | What | Registered | Rebuilt | Difference |").AppendLine("|---|---|---|---|---|");
            foreach (var difference in check.Differences)
            {
                text.Append("| ").Append(Kind(difference.Kind))
                    .Append(" | ").Append(Cell(What(difference)))
                    .Append(" | ").Append(Cell(difference.Registered ?? "missing"))
                    .Append(" | ").Append(Cell(difference.Rebuilt ?? "missing"))
                    .Append(" | ").Append(difference.Delta is { } delta ? MetricComparer.Scientific(Numbers.WithSign(delta)) : string.Empty)
                    .AppendLine(" |");
            }
        }

        return text.ToString();
    }

    private static string What(RebuildDifference difference) =>
        difference.Subject + (difference.Slice is { } slice ? $" [{slice}]" : string.Empty) + (difference.Field is { } field ? $" {field}" : string.Empty);

    private static string Kind(RebuildDifferenceKind kind) => kind switch
    {
        RebuildDifferenceKind.DataPin => "data pin",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
