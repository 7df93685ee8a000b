using System.Text;
using Lockstep.Core.Gates;

namespace Lockstep.Core.Reporting;

/// <summary>The gate result as an aligned text table and a verdict line; ANSI colour only when asked for.</summary>
public static class ConsoleReport
{
    private static readonly string[] Headers = ["Gate", "Metric", "Candidate", "Baseline", "Delta", "Bound", "Status"];

    public static string Render(GateResult result, bool colour)
    {
        var rows = result.Gates.Select(gate => new[]
        {
            gate.Id,
            gate.Slice is null ? gate.Metric : $"{gate.Metric} [{gate.Slice}]",
            GateRows.Candidate(gate, "-"),
            gate.Baseline is { } b ? Numbers.Format(b) : "-",
            GateRows.Delta(gate, "-", withRelative: false),
            gate.Bound,
            GateRows.Status(gate),
        }).ToList();

        var widths = Headers.Select((header, column) => rows.Select(row => row[column].Length).Prepend(header.Length).Max()).ToArray();
        var text = new StringBuilder();
        AppendRow(text, Headers, widths, null);
        AppendRow(text, widths.Select(w => new string('-', w)).ToArray(), widths, null);
        for (var i = 0; i < rows.Count; i++)
        {
            AppendRow(text, rows[i], widths, colour ? Colour(result.Gates[i].Status) : null);
        }

        text.AppendLine();
        foreach (var gate in result.Gates.Where(g => g.Status is not GateStatus.Pass))
        {
            text.Append(gate.Id).Append(": ").AppendLine(gate.Why);
        }

        var verdict = ActionWords.Name(result.Verdict);
        text.Append("verdict: ").Append(colour ? Paint(verdict, Colour(result.Verdict)) : verdict).AppendLine();
        text.Append("what to do: ").AppendLine(ActionWords.WhatToDo(result).Replace("`", string.Empty, StringComparison.Ordinal));
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths, string? statusColour)
    {
        for (var column = 0; column < cells.Length; column++)
        {
            var cell = cells[column].PadRight(widths[column]);
            var isStatus = column == cells.Length - 1;
            text.Append(isStatus && statusColour is not null ? Paint(cell, statusColour) : cell);
            text.Append(isStatus ? string.Empty : "  ");
        }

        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        text.AppendLine();
    }

    private static string Paint(string text, string colour) => $"\u001b[{colour}m{text}\u001b[0m";

    private static string Colour(GateStatus status) => status switch
    {
        GateStatus.Pass => "32",
        GateStatus.Warn => "33",
        GateStatus.Skipped => "90",
        _ => "31",
    };

    private static string Colour(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "1;32",
        Verdict.Warn => "1;33",
        _ => "1;31",
    };
}
