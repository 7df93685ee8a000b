using System.Globalization;
using System.Text;

namespace Lockstep.Prometheus.Tests.Harness;

/// <summary>
/// The series every Prometheus test reads: <c>lockstep_test_requests_total</c> with <c>code="200"</c> and
/// <c>code="500"</c>, sampled every 15 s for four minutes from <see cref="Start"/> (17 samples each). Within each
/// minute a counter grows by the same amount every 15 s, so <c>increase</c> over a minute is exact whether the
/// range includes its first sample (Prometheus 2) or not (Prometheus 3 extrapolates the even rate to the same value).
/// <code>
/// minute           1     2     3     4
/// code="200"     +60  +120    +0  +240    (15, 30, 0, 60 per 15 s: 0 → 60 → 180 → 180 → 420)
/// code="500"      +0   +12    +4    +8    (0, 3, 1, 2 per 15 s: 0 → 0 → 12 → 16, then a restart: 2, 4, 6, 8)
/// </code>
/// </summary>
public static class KnownSeries
{
    /// <summary>2023-11-14 22:20:00 UTC, a whole minute.</summary>
    public static DateTimeOffset Start { get; } = DateTimeOffset.FromUnixTimeSeconds(1_700_000_400);

    public const string Metric = "lockstep_test_requests_total";

    public static string OpenMetrics()
    {
        var text = new StringBuilder("# HELP lockstep_test_requests Requests served, by status code.\n# TYPE lockstep_test_requests counter\n");
        Series(text, "200", Cumulative(0, [15, 30, 0, 60], resetBeforeMinute: null));
        Series(text, "500", Cumulative(0, [0, 3, 1, 2], resetBeforeMinute: 4));
        return text.Append("# EOF\n").ToString();
    }

    private static List<double> Cumulative(double first, int[] perSample, int? resetBeforeMinute)
    {
        var values = new List<double> { first };
        for (var minute = 1; minute <= perSample.Length; minute++)
        {
            for (var sample = 0; sample < 4; sample++)
            {
                var previous = minute == resetBeforeMinute && sample == 0 ? 0 : values[^1];
                values.Add(previous + perSample[minute - 1]);
            }
        }

        return values;
    }

    private static void Series(StringBuilder text, string code, List<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var time = Start.ToUnixTimeSeconds() + (15 * i);
            text.Append(CultureInfo.InvariantCulture, $"{Metric}{{code=\"{code}\"}} {values[i]} {time}\n");
        }
    }
}
