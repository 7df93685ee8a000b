using Lockstep.Core.Gates;

namespace Lockstep.Core.Reporting;

/// <summary>The summary of a run whose inputs could not be read: the verdict <c>error</c> and why, in one line.</summary>
public static class InputErrorReport
{
    public static string Render(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return $"{MarkdownReport.Marker}\n### ⛔ Lockstep gate: **{ActionWords.Name(Verdict.Error)}**\n\n**Lockstep could not run:** {MarkdownText.Cell(problem)}\n";
    }
}
