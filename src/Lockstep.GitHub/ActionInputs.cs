using Lockstep.Core;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.GitHub;

/// <summary>
/// The action's inputs, read once from the <c>INPUT_*</c> variables the runner sets (upper-cased names, hyphens kept:
/// <c>github-token</c> is <c>INPUT_GITHUB-TOKEN</c>). <see cref="Names"/> is checked against action.yml by a test.
/// </summary>
public sealed class ActionInputs
{
    public static IReadOnlyList<string> Names { get; } =
        ["policy", "candidate", "baseline", "drift", "events", "dora-source", "dora-cache", "github-token", "comment-mode", "report-id", "lane", "fail-on", "check-run", "working-directory", "dashboard-url"];

    public required string Policy { get; init; }

    public required string Candidate { get; init; }

    public string? Baseline { get; init; }

    /// <summary>Drift or freshness reports, one per line or comma-separated.</summary>
    public IReadOnlyList<string> Drift { get; init; } = [];

    public string? Events { get; init; }

    /// <summary><c>dora-source: github</c>: read the delivery events from the repository's GitHub history instead of an events file.</summary>
    public bool DoraFromGitHub { get; init; }

    /// <summary>The GitHub source's cache file, to restore and save with actions/cache; null: <c>.lockstep/cache/github.json</c> in the workspace.</summary>
    public string? DoraCache { get; init; }

    /// <summary>Never printed: masked in the log before anything else is written.</summary>
    public string? Token { get; init; }

    public CommentMode CommentMode { get; init; } = CommentMode.Always;

    public const string DefaultReportId = "lockstep";

    public string ReportId { get; init; } = DefaultReportId;

    public string Lane { get; init; } = "model";

    public FailOn FailOn { get; init; } = FailOn.Fail;

    /// <summary>Publish the gate as a check run with annotations (needs <c>checks: write</c>); off: workflow-command annotations only.</summary>
    public bool CheckRun { get; init; } = true;

    public string? WorkingDirectory { get; init; }

    /// <summary>The published dashboard, linked from the comment's delivery section.</summary>
    public Uri? DashboardUrl { get; init; }

    /// <summary>The token alone, so that it is masked before any other input is read (and before one is refused).</summary>
    public static string? TokenFrom(IReadOnlyDictionary<string, string> environment) => Input(environment, "github-token");

    public static ActionInputs FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        string? Input(string name) => ActionInputs.Input(environment, name);

        var mode = Input("comment-mode") ?? "always";
        if (!CommentModes.TryParse(mode, out var commentMode))
        {
            throw new InputException("action inputs", null, "comment-mode", $"expected always, changes, failures or off, got '{mode}'");
        }

        var doraFromGitHub = Input("dora-source") switch
        {
            null or "events" => false,
            "github" => Input("events") is null
                ? true
                : throw new InputException("action inputs", null, "dora-source", "github reads the events from GitHub: leave out the events input, or dora-source"),
            var other => throw new InputException("action inputs", null, "dora-source", $"expected github or events, got '{other}'"),
        };

        return new ActionInputs
        {
            Policy = Input("policy") ?? "lockstep.yml",
            Candidate = Input("candidate") ?? throw new InputException("action inputs", null, "candidate", "missing: name the candidate's report card"),
            Baseline = Input("baseline"),
            Drift = (Input("drift") ?? string.Empty).Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Events = Input("events"),
            DoraFromGitHub = doraFromGitHub,
            DoraCache = Input("dora-cache"),
            Token = Input("github-token"),
            CommentMode = commentMode,
            ReportId = Input("report-id") is { } reportId
                ? ReportMarker.IsValidId(reportId)
                    ? reportId
                    : throw new InputException("action inputs", null, "report-id", $"expected {ReportMarker.IdRule}, got '{reportId}'")
                : DefaultReportId,
            Lane = Input("lane") switch
            {
                null or "model" => "model",
                "code" => "code",
                var other => throw new InputException("action inputs", null, "lane", $"expected code or model, got '{other}'"),
            },
            FailOn = FailOnRule.TryParse(Input("fail-on"), out var failOn)
                ? failOn
                : throw new InputException("action inputs", null, "fail-on", $"expected fail, warn or never, got '{Input("fail-on")}'"),
            CheckRun = Input("check-run") switch
            {
                null or "auto" => true,
                "off" => false,
                var other => throw new InputException("action inputs", null, "check-run", $"expected auto or off, got '{other}'"),
            },
            WorkingDirectory = Input("working-directory"),
            DashboardUrl = DashboardAddress.Parse(Input("dashboard-url"), "action inputs", "dashboard-url"),
        };
    }

    private static string? Input(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue($"INPUT_{name.ToUpperInvariant().Replace(' ', '_')}", out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
}
