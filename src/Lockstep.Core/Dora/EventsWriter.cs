using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lockstep.Core.Dora;

/// <summary>
/// Writes delivery events as <c>lockstep.events/v1</c> JSON Lines, one event a line, in the order given: what every
/// DORA source (GitHub, Azure DevOps) hands to <c>lockstep dora</c>. Empty lists and unset values are left out.
/// </summary>
public static class EventsWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IEnumerable<DeliveryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder();
        foreach (var delivery in events)
        {
            text.Append(Line(delivery)).Append('\n');
        }

        return text.ToString();
    }

    public static string Line(DeliveryEvent delivery)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            switch (delivery)
            {
                case Deployment deployment:
                    WriteDeployment(json, deployment);
                    break;
                case Incident incident:
                    WriteIncident(json, incident);
                    break;
                default:
                    throw new ArgumentException($"unknown event type {delivery.GetType().Name}", nameof(delivery));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDeployment(Utf8JsonWriter json, Deployment deployment)
    {
        json.WriteString("type", "deployment");
        WriteHead(json, deployment);
        json.WriteString("environment", deployment.Environment);
        Optional(json, "sha", deployment.Sha);
        json.WriteString("status", StatusName(deployment.Status));
        json.WriteString("created_at", Time(deployment.CreatedAt));
        json.WriteString("finished_at", Time(deployment.FinishedAt));
        Commits(json, "commits", deployment.Commits);
        if (deployment.Pr is { } pr)
        {
            json.WriteStartObject("pr");
            json.WriteNumber("number", pr.Number);
            Commits(json, "commits", pr.Commits);
            json.WriteEndObject();
        }

        Optional(json, "model_version", deployment.ModelVersion);
        if (deployment.Stages is { } stages)
        {
            json.WriteStartObject("stages");
            Optional(json, "data_snapshot_at", stages.DataSnapshotAt);
            Optional(json, "trained_at", stages.TrainedAt);
            Optional(json, "evaluated_at", stages.EvaluatedAt);
            Optional(json, "deployed_at", stages.DeployedAt);
            json.WriteEndObject();
        }

        if (deployment.Unplanned)
        {
            json.WriteBoolean("unplanned", true);
        }

        if (deployment.Fixes.Count > 0)
        {
            json.WriteStartArray("fixes");
            foreach (var fix in deployment.Fixes)
            {
                json.WriteStringValue(fix);
            }

            json.WriteEndArray();
        }
    }

    /// <summary>A deployment status as the events contract spells it.</summary>
    public static string StatusName(DeploymentStatus status) => status switch
    {
        DeploymentStatus.Success => "success",
        DeploymentStatus.Failure => "failure",
        DeploymentStatus.RolledBack => "rolled_back",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static void WriteIncident(Utf8JsonWriter json, Incident incident)
    {
        json.WriteString("type", "incident");
        WriteHead(json, incident);
        json.WriteString("opened_at", Time(incident.OpenedAt));
        Optional(json, "resolved_at", incident.ResolvedAt);
        Optional(json, "deployment_id", incident.DeploymentId);
        Optional(json, "drill", incident.Drill);
    }

    private static void WriteHead(Utf8JsonWriter json, DeliveryEvent delivery)
    {
        json.WriteString("lane", delivery.Lane == Lane.Code ? "code" : "model");
        json.WriteString("id", delivery.Id);
    }

    private static void Commits(Utf8JsonWriter json, string name, IReadOnlyList<CommitRef> commits)
    {
        if (commits.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var commit in commits)
        {
            json.WriteStartObject();
            json.WriteString("sha", commit.Sha);
            Optional(json, "authored_at", commit.AuthoredAt);
            Optional(json, "committed_at", commit.CommittedAt);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Optional(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, Time(time));
        }
    }

    /// <summary>UTC with a <c>Z</c>, seconds always and fractions only when there are any.</summary>
    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
