using System.Globalization;
using Lockstep.Core.Reporting;

namespace Lockstep.Core.Dashboard;

/// <summary>How the dashboard writes days, durations, shares and metric values.</summary>
internal static class DashboardFormat
{
    public static string Day(DateOnly day) => day.ToString("MMM d", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Hours(double hours) => Durations.Format(hours);

    public static string Share(double share) => Numbers.Percent(share);

    public static string Count(double count) => count.ToString("0", CultureInfo.InvariantCulture);

    /// <summary><c>1 run</c>, <c>14 runs</c>.</summary>
    public static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");

    public static string Value(double value) => Numbers.Format(value);

    public static string Rate(double perDay) => perDay.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Range(DateOnly first, DateOnly last) =>
        first.Year == last.Year
            ? $"{Day(first)} – {Day(last)} {last.Year}"
            : $"{Day(first)} {first.Year} – {Day(last)} {last.Year}";
}
