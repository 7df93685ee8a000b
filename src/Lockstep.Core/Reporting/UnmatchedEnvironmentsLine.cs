using System.Globalization;
using Lockstep.Core.Dora;

namespace Lockstep.Core.Reporting;

/// <summary>
/// One line per lane naming the environments whose deployments the lane did not count, with counts and the policy
/// key that would count them, for the console and the markdown alike.
/// </summary>
public static class UnmatchedEnvironmentsLine
{
    /// <param name="name">How an environment or a key is written: as is on a console, as inline code in markdown.</param>
    public static IEnumerable<string> For(DoraReport report, Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(name);
        return report.UnmatchedEnvironments
            .GroupBy(u => u.Lane)
            .OrderBy(g => g.Key)
            .Select(lane => string.Create(
                CultureInfo.InvariantCulture,
                $"not counted: {LaneNames.Of(lane.Key)} lane deployments to {string.Join(", ", lane.Select(u => $"{name(u.Environment)} ({u.Deployments})"))}: "
                    + $"no environment of the lane matches; add them to {name(lane.First().PolicyKey)} in the policy to count them"));
    }
}
