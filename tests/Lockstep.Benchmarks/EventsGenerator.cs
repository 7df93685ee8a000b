using System.Globalization;
using System.Text;

namespace Lockstep.Benchmarks;

/// <summary>
/// <c>generate-events --out FILE [--events N] [--seed N]</c>: a seeded three-year, two-lane delivery history in
/// <c>lockstep.events/v1</c> for the DORA benchmark: 90 % deployments (one in ten on the model lane, with stages; two
/// commits each; one in 97 rolled back) and 10 % incidents.
/// </summary>
public static class EventsGenerator
{
    public const int DefaultEvents = 1_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        string? path = null;
        int events = DefaultEvents, seed = Synthetic.DefaultSeed;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--out": path = args[i + 1]; break;
                case "--events": events = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    await Console.Error.WriteLineAsync($"error: unexpected '{args[i]}'\nusage: generate-events --out FILE [--events N] [--seed N]").ConfigureAwait(false);
                    return 2;
            }
        }

        if (path is null)
        {
            await Console.Error.WriteLineAsync("error: --out FILE is required").ConfigureAwait(false);
            return 2;
        }

        var temp = path + ".tmp";
        Write(temp, events, seed);
        File.Move(temp, path, overwrite: true);
        await Console.Error.WriteLineAsync($"wrote {path}: {events:N0} events").ConfigureAwait(false);
        return 0;
    }

    private static void Write(string path, int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2023, 11, 26, 0, 0, 0, TimeSpan.Zero);
        var span = TimeSpan.FromDays(3 * 365).TotalSeconds;
        var deployments = count / 10 * 9;
        var times = new double[deployments];
        for (var i = 0; i < deployments; i++)
        {
            times[i] = random.NextDouble() * span;
        }

        Array.Sort(times);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < deployments; i++)
        {
            var lane = i % 10 == 0 ? "model" : "code";
            var finished = start.AddSeconds(times[i]);
            var line = new StringBuilder(320);
            line.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"deployment\",\"lane\":\"{lane}\",\"id\":\"d{i}\",\"environment\":\"production\",\"status\":\"{(i % 97 == 0 ? "rolled_back" : "success")}\",");
            line.Append(CultureInfo.InvariantCulture, $"\"created_at\":\"{Iso(finished.AddMinutes(-7))}\",\"finished_at\":\"{Iso(finished)}\",\"commits\":[");
            for (var k = 0; k < 2; k++)
            {
                line.Append(CultureInfo.InvariantCulture, $"{(k > 0 ? "," : string.Empty)}{{\"sha\":\"{i:x8}{k}\",\"committed_at\":\"{Iso(finished.AddHours(-random.NextDouble() * 72))}\"}}");
            }

            line.Append(']');
            if (lane == "model")
            {
                line.Append(CultureInfo.InvariantCulture, $",\"stages\":{{\"data_snapshot_at\":\"{Iso(finished.AddHours(-50))}\",\"trained_at\":\"{Iso(finished.AddHours(-30))}\",\"evaluated_at\":\"{Iso(finished.AddHours(-5))}\"}}");
            }

            writer.Write(line.Append("}\n"));
        }

        for (var j = 0; j < count - deployments; j++)
        {
            var opened = start.AddSeconds(random.NextDouble() * span);
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"type\":\"incident\",\"lane\":\"{(j % 3 == 0 ? "model" : "code")}\",\"id\":\"i{j}\",\"opened_at\":\"{Iso(opened)}\",\"resolved_at\":\"{Iso(opened.AddMinutes(random.NextDouble() * 600))}\"}}\n"));
        }
    }

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
