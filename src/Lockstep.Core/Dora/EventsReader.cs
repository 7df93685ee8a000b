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
    /// <summary>
    /// Reads UTF-8 JSON Lines from a stream block by block, without decoding to text; each block's lines are parsed
    /// in parallel and kept in file order, so memory holds the events and one block, not the file.
    /// </summary>
    /// <param name="keepFrom">When given, every line is still checked, but only events at or after this time are kept
    /// (a deployment's finish, an incident's opening): a long history needs no more memory than its recent part.</param>
    public static EventLog Read(Stream utf8, string source, DateTimeOffset? keepFrom = null, int blockSize = 8 << 20)
    {
        var events = new List<DeliveryEvent>();
        var dropped = false;
        var ids = new HashSet<(bool Deployment, Lane Lane, string Id)>();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var buffer = new byte[blockSize];
        var filled = 0;
        var firstLine = 1;
        var bomChecked = false;
        while (true)
        {
            var read = utf8.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled, throwOnEndOfStream: false);
            filled += read;
            var atEnd = read == 0 || filled < buffer.Length;
            if (!bomChecked)
            {
                bomChecked = true;
                if (buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8))
                {
                    buffer.AsSpan(3, filled - 3).CopyTo(buffer);
                    filled -= 3;
                }
            }

            var block = buffer.AsMemory(0, filled);
            var complete = atEnd ? block.Length : block.Span.LastIndexOf((byte)'\n') + 1;
            if (complete == 0 && !atEnd)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }

            firstLine = ReadBlock(block[..complete], source, firstLine, events, ids, strings, keepFrom, ref dropped);
            var rest = block.Length - complete;
            block.Slice(complete, rest).CopyTo(buffer);
            filled = rest;
            if (atEnd)
            {
                return new EventLog(events, dropped);
            }
        }
    }

    private static int ReadBlock(
        ReadOnlyMemory<byte> block,
        string source,
        int firstLine,
        List<DeliveryEvent> events,
        HashSet<(bool, Lane, string)> ids,
        Dictionary<string, string> strings,
        DateTimeOffset? keepFrom,
        ref bool dropped)
    {
        var lines = LineRanges(block.Span);
        var parsed = new (DeliveryEvent? Event, InputException? Error)[lines.Count];
        Parallel.For(0, lines.Count, i =>
        {
            var (start, length) = lines[i];
            var span = block.Span.Slice(start, length);
            if (IsBlank(span))
            {
                return;
            }

            try
            {
                parsed[i] = (ToEvent(EventLineParser.Parse(span, source, firstLine + i, keepFrom), source, firstLine + i), null);
            }
            catch (InputException e)
            {
                parsed[i] = (null, e);
            }
        });

        for (var i = 0; i < parsed.Length; i++)
        {
            var (item, error) = parsed[i];
            if (error is not null)
            {
                throw error;
            }

            if (item is null)
            {
                continue;
            }

            // Older events are checked line by line but not kept; ids need only be unique among the kept ones.
            if (keepFrom is { } from && TimeOf(item) < from)
            {
                dropped = true;
                continue;
            }

            events.Add(Shared(Checked(item, source, firstLine + i, ids), strings));
        }

        return firstLine + lines.Count;
    }

    internal static DateTimeOffset TimeOf(DeliveryEvent item) => item switch
    {
        Deployment deployment => deployment.FinishedAt,
        Incident incident => incident.OpenedAt,
        _ => DateTimeOffset.MaxValue,
    };

    /// <summary>Environments repeat on every line: keep one copy of each.</summary>
    private static DeliveryEvent Shared(DeliveryEvent item, Dictionary<string, string> strings)
    {
        if (item is not Deployment deployment)
        {
            return item;
        }

        if (!strings.TryGetValue(deployment.Environment, out var environment))
        {
            strings[deployment.Environment] = environment = deployment.Environment;
        }

        return ReferenceEquals(environment, deployment.Environment) ? item : deployment with { Environment = environment };
    }

    public static List<DeliveryEvent> Read(IEnumerable<string> lines, string source)
    {
        var events = new List<DeliveryEvent>();
        var ids = new HashSet<(bool Deployment, Lane Lane, string Id)>();
        var number = 0;
        foreach (var text in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            events.Add(Checked(ToEvent(Parse(System.Text.Encoding.UTF8.GetBytes(text), source, number), source, number), source, number, ids));
        }

        return events;
    }

    private static DeliveryEvent Checked(DeliveryEvent item, string source, int number, HashSet<(bool, Lane, string)> ids)
    {
        var isDeployment = item is Deployment;
        return ids.Add((isDeployment, item.Lane, item.Id))
            ? item
            : throw new InputException(source, number, "id", $"duplicate {(isDeployment ? "deployment" : "incident")} id '{item.Id}' in lane {Name(item.Lane)}");
    }

    private static List<(int Start, int Length)> LineRanges(ReadOnlySpan<byte> utf8)
    {
        var ranges = new List<(int, int)>();
        var start = 0;
        while (start <= utf8.Length)
        {
            var end = utf8[start..].IndexOf((byte)'\n');
            var length = end < 0 ? utf8.Length - start : end;
            if (end >= 0 || length > 0)
            {
                ranges.Add((start, length > 0 && utf8[start + length - 1] == (byte)'\r' ? length - 1 : length));
            }

            if (end < 0)
            {
                break;
            }

            start += end + 1;
        }

        return ranges;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;

    private static EventLine Parse(ReadOnlySpan<byte> utf8, string source, int number) => EventLineParser.Parse(utf8, source, number);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static DeliveryEvent ToEvent(EventLine line, string source, int number)
    {
        string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw new InputException(source, number, field, "missing") : value;

        IReadOnlyList<CommitRef> Commits(IReadOnlyList<CommitRef>? commits, string field)
        {
            for (var i = 0; i < (commits?.Count ?? 0); i++)
            {
                if (commits![i] is null || string.IsNullOrWhiteSpace(commits[i].Sha))
                {
                    throw new InputException(source, number, $"{field}[{i}].sha", "missing");
                }
            }

            return commits ?? [];
        }

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

                if (line.Drill is not null)
                {
                    throw new InputException(source, number, "drill", "only an incident can be a drill");
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
                    Commits = Commits(line.Commits, "commits"),
                    Pr = line.Pr is { } pr ? pr with { Commits = Commits(pr.Commits, "pr.commits") } : null,
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

                if (line.Drill is { } drill && !DrillScenarios.IsKnown(drill))
                {
                    throw new InputException(source, number, "drill", $"expected {DrillScenarios.Expected}, got '{drill}'");
                }

                return new Incident { Lane = lane, Id = id, Line = number, OpenedAt = opened, ResolvedAt = line.ResolvedAt, DeploymentId = line.DeploymentId, Drill = line.Drill };
            case var other:
                throw new InputException(source, number, "type", $"expected deployment or incident, got '{other}'");
        }
    }

    private static string Name(Lane lane) => lane == Lane.Code ? "code" : "model";
}

/// <summary>The events read, and whether older ones were checked but not kept.</summary>
public sealed record EventLog(List<DeliveryEvent> Events, bool EarlierHistoryDropped)
{
    /// <summary>
    /// The events at or after <paramref name="keepFrom"/> (a deployment's time is its finish, an incident's its opening),
    /// the same cut <see cref="EventsReader.Read(Stream, string, DateTimeOffset?, int)"/> makes, for events already read.
    /// </summary>
    public static EventLog Since(IReadOnlyList<DeliveryEvent> events, DateTimeOffset? keepFrom)
    {
        ArgumentNullException.ThrowIfNull(events);
        var kept = keepFrom is { } from ? events.Where(e => EventsReader.TimeOf(e) >= from).ToList() : [.. events];
        return new EventLog(kept, kept.Count < events.Count);
    }
}
