using Lockstep.Cli;
using Lockstep.Cli.Commands;
using Lockstep.Tests.Shared;

namespace Lockstep.Browser.Tests.Dashboard;

/// <summary>
/// The history of the "done when": the demo's sample (its events and its gate run on the failing candidate)
/// recorded together with a generated three-year, two-lane history, then the dashboard and <c>lockstep dora --json</c>
/// for the same as-of, all through the <c>lockstep</c> command in-process. Built once for the test class.
/// </summary>
public sealed class HistoryDashboard : IDisposable
{
    public const string AsOf = "2026-11-24T18:00:00Z";

    public HistoryDashboard()
    {
        Run("demo", "--scenario", "fail", "--out-dir", "demo");
        Generated = GeneratedHistory.Write(Path.Combine(Directory, "generated"), File.ReadAllText(Path.Combine(Directory, "demo", "lockstep.yml")));
        Run(["record", "--history", "history", "demo/events.jsonl", "demo/candidate.json", "demo/baseline.json", "demo/result.json"]);
        Run(["record", "--history", "history", .. Generated.All.Select(p => Path.GetRelativePath(Directory, p))]);
        Run("dashboard", "--history", "history", "--policy", "demo/lockstep.yml", "--as-of", AsOf, "--out", "site/index.html");
        Run("dashboard", "--history", "history", "--policy", "demo/lockstep.yml", "--as-of", AsOf, "--out", "site/three-years.html", "--window-days", "1095");
        Run("dora", "--history", "history", "--policy", "demo/lockstep.yml", "--as-of", AsOf, "--json", "dora.json");
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("lockstep-dashboard-").FullName;

    internal GeneratedFiles Generated { get; }

    public string Page => Path.Combine(Directory, "site", "index.html");

    public string ThreeYearPage => Path.Combine(Directory, "site", "three-years.html");

    public string DoraJson => Path.Combine(Directory, "dora.json");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private void Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, new Dictionary<string, string>(), Directory, false);
        var exitCode = Task.Run(() => LockstepCommand.RunAsync(args, context)).GetAwaiter().GetResult();
        if (exitCode != 0 && !(args[0] == "demo" && exitCode == 1))
        {
            throw new InvalidOperationException($"lockstep {string.Join(' ', args.Take(3))} … exited {exitCode}:\n{output}\n{error}");
        }
    }
}
