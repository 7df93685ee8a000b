using Lockstep.Core;
using Lockstep.Core.Dora;
using Lockstep.Core.Platform;
using Lockstep.Core.Reporting;

namespace Lockstep.AzureDevOps;

/// <summary>Where the delivery events come from: none, a file (<c>events</c>) or the project itself.</summary>
public enum DoraSource
{
    None,
    AzureDevOps,
}

/// <summary>
/// The Azure DevOps task's inputs, read once from the <c>INPUT_*</c> variables as azure-pipelines-task-lib names them
/// (the input name upper-cased: <c>commentMode</c> is <c>INPUT_COMMENTMODE</c>). <see cref="Names"/> is checked
/// against task.json by a test.
/// </summary>
public sealed class AzureTaskInputs
{
    private const string Source = "task inputs";

    public static IReadOnlyList<string> Names { get; } =
    [
        "policy", "candidate", "baseline", "drift", "events", "doraSource", "codeEnvironments", "modelEnvironments",
        "codePipelines", "modelPipelines", "incidentType", "codeIncidentTag", "modelIncidentTag", "doraDays",
        "token", "commentMode", "reportId", "lane", "failOn", "workingDirectory",
        "dashboardUrl",
    ];

    public required string Policy { get; init; }

    public required string Candidate { get; init; }

    public string? Baseline { get; init; }

    /// <summary>Drift or freshness reports whose metrics join the candidate's, one per line or comma-separated.</summary>
    public IReadOnlyList<string> Drift { get; init; } = [];

    public string? Events { get; init; }

    public DoraSource DoraSource { get; init; }

    /// <summary>What the Azure DevOps delivery source reads, without its horizon (set from <see cref="DoraDays"/> at run time).</summary>
    public DeliverySourceSettings? Delivery { get; init; }

    public int DoraDays { get; init; } = 90;

    /// <summary>Never printed: masked in the log before anything else is written.</summary>
    public string? Token { get; init; }

    public CommentMode CommentMode { get; init; } = CommentMode.Always;

    public string ReportId { get; init; } = "lockstep";

    public Lane Lane { get; init; } = Lane.Model;

    public FailOn FailOn { get; init; } = FailOn.Fail;

    public string? WorkingDirectory { get; init; }

    /// <summary>The published dashboard, linked from the thread's delivery section.</summary>
    public Uri? DashboardUrl { get; init; }

    /// <summary>The token input alone, so that it is masked before any other input is read (and before one is refused).</summary>
    public static string? TokenFrom(IReadOnlyDictionary<string, string> environment) => Input(environment, "token");

    public static AzureTaskInputs FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Input(string name) => AzureTaskInputs.Input(environment, name);
        IReadOnlyList<string> List(string name) =>
            (Input(name) ?? string.Empty).Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var mode = Input("commentMode") ?? "always";
        if (!CommentModes.TryParse(mode, out var commentMode))
        {
            throw new InputException(Source, null, "commentMode", $"expected always, changes, failures or off, got '{mode}'");
        }

        var doraSource = Input("doraSource") switch
        {
            null or "none" => DoraSource.None,
            "azure-devops" => DoraSource.AzureDevOps,
            var other => throw new InputException(Source, null, "doraSource", $"expected none or azure-devops, got '{other}'"),
        };
        var delivery = new DeliverySourceSettings
        {
            Since = DateTimeOffset.MinValue,
            Environments = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = List("codeEnvironments"), [Lane.Model] = List("modelEnvironments") },
            Pipelines = new Dictionary<Lane, IReadOnlyList<string>> { [Lane.Code] = List("codePipelines"), [Lane.Model] = List("modelPipelines") },
            IncidentTags = new[] { (Lane.Code, Input("codeIncidentTag")), (Lane.Model, Input("modelIncidentTag")) }
                .Where(t => t.Item2 is not null).ToDictionary(t => t.Item1, t => t.Item2!),
            IncidentType = Input("incidentType"),
        };
        if (doraSource == DoraSource.AzureDevOps && delivery.SharedIncidentTag is { } shared)
        {
            throw new InputException(Source, null, "modelIncidentTag", $"'{shared}' is codeIncidentTag too: a work item with it would be an incident of both lanes; give each lane its own tag");
        }

        if (doraSource == DoraSource.AzureDevOps && !delivery.ReadsAnything)
        {
            throw new InputException(Source, null, "doraSource", "azure-devops needs at least one of codeEnvironments, modelEnvironments, codePipelines, modelPipelines");
        }

        return new AzureTaskInputs
        {
            Policy = Input("policy") ?? "lockstep.yml",
            Candidate = Input("candidate") ?? throw new InputException(Source, null, "candidate", "missing: name the candidate's report card"),
            Baseline = Input("baseline"),
            Drift = List("drift"),
            Events = Input("events"),
            DoraSource = doraSource,
            Delivery = doraSource == DoraSource.AzureDevOps ? delivery : null,
            DoraDays = Input("doraDays") is { } days
                ? int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3660
                    ? n
                    : throw new InputException(Source, null, "doraDays", $"expected a whole number of days from 1 to 3660, got '{days}'")
                : 90,
            Token = Input("token"),
            CommentMode = commentMode,
            ReportId = Input("reportId") is { } reportId
                ? ReportMarker.IsValidId(reportId)
                    ? reportId
                    : throw new InputException(Source, null, "reportId", $"expected {ReportMarker.IdRule}, got '{reportId}'")
                : "lockstep",
            Lane = Input("lane") switch
            {
                null or "model" => Lane.Model,
                "code" => Lane.Code,
                var other => throw new InputException(Source, null, "lane", $"expected code or model, got '{other}'"),
            },
            FailOn = FailOnRule.TryParse(Input("failOn"), out var failOn)
                ? failOn
                : throw new InputException(Source, null, "failOn", $"expected fail, warn or never, got '{Input("failOn")}'"),
            WorkingDirectory = Input("workingDirectory"),
            DashboardUrl = DashboardAddress.Parse(Input("dashboardUrl"), Source, "dashboardUrl"),
        };
    }

    private static string? Input(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue($"INPUT_{name.ToUpperInvariant()}", out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
