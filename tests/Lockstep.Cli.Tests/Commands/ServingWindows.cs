using System.Globalization;
using System.Text;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>Serving windows as CSV, for the monitor's tests: deterministic, from a seed.</summary>
internal static class ServingWindows
{
    /// <summary>
    /// A serving window: a tenure feature (shifted by <paramref name="shift"/> standard deviations), a plan category, the
    /// model's score, a label that follows the score (or a coin when not <paramref name="informative"/>), a latency and an
    /// event time whose newest value is <paramref name="newest"/>.
    /// </summary>
    public static string Csv(int seed, int rows, double shift, bool informative, DateTimeOffset newest)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("tenure,plan,p_churn,churned,latency_ms,event_time\n");
        for (var i = 0; i < rows; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var score = 1 / (1 + Math.Exp(-4 * z));
            var churned = random.NextDouble() < (informative ? score : 0.5);
            var plan = (i % 10) switch { < 5 => "basic", < 8 => "plus", _ => "pro" };
            var latency = 40 + (random.NextDouble() * 60);
            var time = newest.AddMinutes(-(i % 600));
            csv.Append(CultureInfo.InvariantCulture, $"{z + shift:R},{plan},{score:R},{(churned ? "true" : "false")},{latency:R},{time:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        return csv.ToString();
    }
}
