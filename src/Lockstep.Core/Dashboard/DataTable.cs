using System.Globalization;
using System.Text;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// The table under a chart, with the chart's numbers: each numeric cell shows the rounded value and carries the exact
/// one in <c>data-value</c>, so a reader can search it and a check can compare it.
/// </summary>
internal sealed class DataTable(string id, params string[] headers)
{
    private readonly List<Cell[]> rows = [];

    public int Rows => rows.Count;

    public DataTable Row(params Cell[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"{cells.Length} cells for {headers.Length} columns", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    public string Render()
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"data\" id=\"{Html.Attribute(id)}\"><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(Html.Text(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append(row[i].Render(header: i == 0));
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}

/// <summary>A table cell: text, and the exact number behind it when it shows one.</summary>
internal readonly record struct Cell(string Text, double? Value = null, string? Key = null)
{
    public static implicit operator Cell(string text) => new(text);

    public static Cell Number(double? value, Func<double, string> format, string? key = null) =>
        value is { } v ? new Cell(format(v), v, key) : new Cell("—", null, key);

    public string Render(bool header)
    {
        var tag = header ? "th scope=\"row\"" : "td";
        var attributes = new StringBuilder();
        if (Key is not null)
        {
            attributes.Append(" data-key=\"").Append(Html.Attribute(Key)).Append('"');
        }

        if (Value is { } value)
        {
            attributes.Append(" data-value=\"").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('"');
        }

        return $"<{tag}{attributes}>{Html.Text(Text)}</{(header ? "th" : "td")}>";
    }
}
