using System.Text.Json;
using Lockstep.Core.Json;

namespace Lockstep.Core.Dora;

/// <summary>
/// Reads <c>lockstep.events/v1</c> JSON Lines, one event per line (blank lines are skipped). Problems name the file,
/// the line and the field: invalid JSON, an unknown type or lane, a missing field, an incident resolved before it
/// opened, a duplicate id.
/// </summary>
public static class EventsReader
{
    public static List<DeliveryEvent> Read(IEnumerable<string> lines, string source)
    {
        var events = new List<DeliveryEvent>();
        var ids = new HashSet<(string Type, Lane Lane, string Id)>();
        var number = 0;
        foreach (var text in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var line = Parse(text, source, number);
            var item = ToEvent(line, source, number);
            if (!ids.Add((line.Type!, item.Lane, item.Id)))
            {
                throw new InputException(source, number, "id", $"duplicate {line.Type} id '{item.Id}' in lane {Name(item.Lane)}");
            }

            events.Add(item);
        }

        return events;
    }

    private static EventLine Parse(string text, string source, int number)
    {
        try
        {
            return JsonSerializer.Deserialize(text, LockstepJson.Default.EventLine)
                ?? throw new InputException(source, number, null, "expected an event object, got null");
        }
        catch (JsonException e)
        {
            var error = JsonErrors.ToInputError(e, source);
            throw new InputException(source, number, error.Field, error.Problem);
        }
    }

    private static DeliveryEvent ToEvent(EventLine line, string source, int number)
    {
        T Required<T>(T? value, string field)
            where T : class => value ?? throw new InputException(source, number, field, "missing");

        DateTimeOffset RequiredTime(DateTimeOffset? value, string field) =>
            value ?? throw new InputException(source, number, field, "missing: expected an ISO 8601 timestamp");

        var lane = Required(line.Lane, "lane") switch
        {
            "code" => Lane.Code,
            "model" => Lane.Model,
            var other => throw new InputException(source, number, "lane", $"expected code or model, got '{other}'"),
        };
        var id = Required(line.Id, "id");

        switch (Required(line.Type, "type"))
        {
            case "deployment":
                var created = RequiredTime(line.CreatedAt, "created_at");
                var finished = RequiredTime(line.FinishedAt, "finished_at");
                if (finished < created)
                {
                    throw new InputException(source, number, "finished_at", "the deployment finished before it was created");
                }

                return new Deployment
                {
                    Lane = lane,
                    Id = id,
                    Line = number,
                    Environment = Required(line.Environment, "environment"),
                    Sha = line.Sha,
                    Status = Required(line.Status, "status") switch
                    {
                        "success" => DeploymentStatus.Success,
                        "failure" => DeploymentStatus.Failure,
                        "rolled_back" => DeploymentStatus.RolledBack,
                        var other => throw new InputException(source, number, "status", $"expected success, failure or rolled_back, got '{other}'"),
                    },
                    CreatedAt = created,
                    FinishedAt = finished,
                    Commits = line.Commits ?? [],
                    Pr = line.Pr is { } pr ? pr with { Commits = pr.Commits ?? [] } : null,
                    ModelVersion = line.ModelVersion,
                    Stages = line.Stages,
                    Unplanned = line.Unplanned ?? false,
                    Fixes = line.Fixes ?? [],
                };
            case "incident":
                var opened = RequiredTime(line.OpenedAt, "opened_at");
                if (line.ResolvedAt is { } resolved && resolved < opened)
                {
                    throw new InputException(source, number, "resolved_at", "the incident was resolved before it opened");
                }

                return new Incident { Lane = lane, Id = id, Line = number, OpenedAt = opened, ResolvedAt = line.ResolvedAt, DeploymentId = line.DeploymentId };
            case var other:
                throw new InputException(source, number, "type", $"expected deployment or incident, got '{other}'");
        }
    }

    private static string Name(Lane lane) => lane == Lane.Code ? "code" : "model";
}
