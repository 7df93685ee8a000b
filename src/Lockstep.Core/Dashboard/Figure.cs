using System.Globalization;
using Lockstep.Core.Dashboard.Svg;

namespace Lockstep.Core.Dashboard;

/// <summary>One chart on the page: its title, one sentence on how to read it, the SVG, the legend and its table.</summary>
internal static class Figure
{
    public static string Render(string id, string title, string description, XyChart chart, DataTable table) =>
        Render(id, title, description, chart.Render() + chart.Legend(), chart.DrawnValues, table);

    public static string Render(string id, string title, string description, string drawing, int drawnValues, DataTable table) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<figure class=\"figure\" id=\"{Html.Attribute(id)}\" data-points=\"{drawnValues}\"><figcaption><h3>{Html.Text(title)}</h3><p>{Html.Text(description)}</p></figcaption>{drawing}<details class=\"table\"><summary>Table: {Html.Text(title)} ({DashboardFormat.Count(table.Rows, "row")})</summary>{table.Render()}</details></figure>");

    /// <summary>What a section shows when the history holds nothing for it.</summary>
    public static string Empty(string id, string title, string what, string where = "in the history for this period") =>
        $"<figure class=\"figure empty\" id=\"{Html.Attribute(id)}\" data-points=\"0\"><figcaption><h3>{Html.Text(title)}</h3></figcaption><p class=\"empty\">No {Html.Text(what)} {Html.Text(where)}.</p></figure>";
}
