using System.Globalization;
using Lockstep.Tests.Shared;
using PuppeteerSharp;

namespace Lockstep.Benchmarks;

/// <summary>
/// <c>dashboard-history &lt;dir&gt; &lt;policy&gt; [days]</c> writes the generated history the dashboard tests use
/// (see <see cref="GeneratedHistory"/>); <c>dashboard-open &lt;page.html&gt; [--runs N]</c> opens a dashboard in headless
/// Chromium (<c>LOCKSTEP_CHROMIUM</c> or /usr/bin/chromium) N times, each in a fresh page, and prints the median and
/// each run's time from navigation start to the load event and to the first contentful paint, from the page's own
/// Navigation and Paint Timing.
/// </summary>
public static class DashboardTiming
{
    public static int WriteHistory(string[] args)
    {
        if (args.Length is < 2 or > 3)
        {
            Console.Error.WriteLine("usage: dashboard-history <dir> <policy.yml> [days, default 1095]");
            return 2;
        }

        var days = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1095;
        var files = GeneratedHistory.Write(args[0], File.ReadAllText(args[1]), days);
        Console.WriteLine($"{files.EventCount} delivery events, {files.ModelVersions} model versions (cards and gate results), {files.Freshness.Count} freshness reports in {args[0]}");
        return 0;
    }

    public static async Task<int> OpenAsync(string[] args)
    {
        if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--runs"))
        {
            Console.Error.WriteLine("usage: dashboard-open <page.html> [--runs N]");
            return 2;
        }

        var runs = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var url = new Uri(Path.GetFullPath(args[0])).AbsoluteUri;
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LOCKSTEP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        var loads = new List<double>();
        var paints = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 800 });
            await page.GoToAsync(url, WaitUntilNavigation.Load);
            loads.Add(await page.EvaluateExpressionAsync<double>("performance.getEntriesByType('navigation')[0].loadEventEnd"));
            paints.Add(await page.EvaluateExpressionAsync<double>(
                "new Promise(done => new PerformanceObserver(list => { const p = list.getEntriesByName('first-contentful-paint')[0]; if (p) done(p.startTime); }).observe({ type: 'paint', buffered: true }))"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[0]}: {new FileInfo(args[0]).Length / 1e6:0.00} MB; load event median {Median(loads):0} ms, first contentful paint median {Median(paints):0} ms over {runs} opens"));
        Console.WriteLine("load ms: " + string.Join(' ', loads.Select(l => l.ToString("0", CultureInfo.InvariantCulture))));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
