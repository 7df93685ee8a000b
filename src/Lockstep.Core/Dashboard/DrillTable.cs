using System.Text;
using Lockstep.Core.Dora;
using Lockstep.Core.Reporting;

namespace Lockstep.Core.Dashboard;

/// <summary>The "DR drills" table under the DORA table: the rows of <c>lockstep dora</c>'s table; nothing without drills.</summary>
internal static class DrillTable
{
    public static string Render(DoraReport report)
    {
        var rows = DrillRows.Of(report);
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var table = new DataTable("dr-drills-table", DrillRows.Headers);
        foreach (var row in rows)
        {
            table.Row([.. row.Select(text => (Cell)text)]);
        }

        return new StringBuilder("<h3>DR drills, apart from incidents</h3>")
            .Append("<p>Disaster-recovery drills per scenario over the last ").Append(3 * report.WindowDays)
            .Append(" days: never counted in the change failure rate or the time to restore.</p>")
            .Append(table.Render())
            .ToString();
    }
}
