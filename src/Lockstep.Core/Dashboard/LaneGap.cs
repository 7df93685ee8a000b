using System.Globalization;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// The sentence that names the bottleneck: the lane whose changes wait longer to reach production (the larger median
/// lead time in the current window) is the wider gap.
/// </summary>
public static class LaneGap
{
    public static string Describe(DoraReport report)
    {
        var code = report.Lanes.Single(l => l.Lane == Lane.Code).Current;
        var model = report.Lanes.Single(l => l.Lane == Lane.Model).Current;
        var days = report.WindowDays.ToString(CultureInfo.InvariantCulture);
        if (code.LeadTimeMedianHours is not { } codeLead || model.LeadTimeMedianHours is not { } modelLead)
        {
            var known = code.LeadTimeMedianHours is not null ? "code" : model.LeadTimeMedianHours is not null ? "model" : null;
            return known is null
                ? $"Neither lane has a lead time in the last {days} days: no deployment brought a commit with a known time."
                : $"Only the {known} lane has lead times in the last {days} days, so the lanes cannot be compared yet.";
        }

        if (codeLead == modelLead)
        {
            return $"Both lanes take {DashboardFormat.Hours(codeLead)} from commit to production (median, last {days} days).";
        }

        var (wide, wideLead, wideRate, narrow, narrowLead, narrowRate) = modelLead > codeLead
            ? ("model", modelLead, model.DeploysPerDay, "code", codeLead, code.DeploysPerDay)
            : ("code", codeLead, code.DeploysPerDay, "model", modelLead, model.DeploysPerDay);
        var ratio = narrowLead > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({wideLead / narrowLead:0.#}× as long)") : string.Empty;
        return $"The {wide} lane is the wider gap: its changes take {DashboardFormat.Hours(wideLead)} from commit to production " +
            $"against {DashboardFormat.Hours(narrowLead)} for {narrow}{ratio}, median over the last {days} days; " +
            $"it deploys {DashboardFormat.Rate(wideRate)} times a day against {DashboardFormat.Rate(narrowRate)}.";
    }
}
