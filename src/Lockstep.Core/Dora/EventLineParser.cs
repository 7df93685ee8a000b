using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Lockstep.Core.Time;

namespace Lockstep.Core.Dora;

/// <summary>
/// Parses one events line straight from UTF-8 with <see cref="Utf8JsonReader"/>: events come by the million, and
/// a hand-written walk over the known fields is several times faster than general deserialization. Unknown
/// properties and wrong value kinds are errors naming the field, as everywhere else. The hot methods are compiled
/// fully optimized at once: a batch run parses a million lines before tiered compilation would catch up.
/// </summary>
internal static class EventLineParser
{
    /// <param name="keepFrom">Events before this time are only checked: once the line is known to be older, its
    /// commits are validated without being built.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EventLine Parse(ReadOnlySpan<byte> utf8, string source, int line, DateTimeOffset? keepFrom = null)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, "$", source, line);
            var result = new EventLine();
            var old = false;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                Next(ref reader);
                if (name.SequenceEqual("type"u8)) { result.Type = Known(ref reader, Types, "type", source, line); }
                else if (name.SequenceEqual("lane"u8)) { result.Lane = Known(ref reader, Lanes, "lane", source, line); }
                else if (name.SequenceEqual("id"u8)) { result.Id = String(ref reader, "id", source, line); }
                else if (name.SequenceEqual("environment"u8)) { result.Environment = Environment(ref reader, source, line); }
                else if (name.SequenceEqual("sha"u8)) { result.Sha = String(ref reader, "sha", source, line); }
                else if (name.SequenceEqual("status"u8)) { result.Status = Known(ref reader, Statuses, "status", source, line); }
                else if (name.SequenceEqual("created_at"u8)) { result.CreatedAt = Time(ref reader, "created_at", source, line); }
                else if (name.SequenceEqual("finished_at"u8)) { result.FinishedAt = Time(ref reader, "finished_at", source, line); old |= result.FinishedAt < keepFrom; }
                else if (name.SequenceEqual("opened_at"u8)) { result.OpenedAt = Time(ref reader, "opened_at", source, line); old |= result.OpenedAt < keepFrom; }
                else if (name.SequenceEqual("resolved_at"u8)) { result.ResolvedAt = Time(ref reader, "resolved_at", source, line); }
                else if (name.SequenceEqual("deployment_id"u8)) { result.DeploymentId = String(ref reader, "deployment_id", source, line); }
                else if (name.SequenceEqual("drill"u8)) { result.Drill = Known(ref reader, DrillScenarios.Names, "drill", source, line); }
                else if (name.SequenceEqual("model_version"u8)) { result.ModelVersion = String(ref reader, "model_version", source, line); }
                else if (name.SequenceEqual("unplanned"u8)) { result.Unplanned = Boolean(ref reader, "unplanned", source, line); }
                else if (name.SequenceEqual("fixes"u8)) { result.Fixes = Strings(ref reader, "fixes", source, line); }
                else if (name.SequenceEqual("commits"u8)) { result.Commits = Commits(ref reader, "commits", source, line, build: !old); }
                else if (name.SequenceEqual("pr"u8)) { result.Pr = PullRequest(ref reader, source, line, build: !old); }
                else if (name.SequenceEqual("stages"u8)) { result.Stages = Stages(ref reader, source, line); }
                else { throw Unknown(name, "$", source, line); }
            }

            return result;
        }
        catch (JsonException e)
        {
            throw new InputException(source, line, "$", $"invalid JSON: {e.Message.Split(" LineNumber", 2)[0].TrimEnd(' ', '|', '.')}");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader checks the JSON's structure, not the UTF-8 inside strings; decoding one finds it.
            throw new InputException(source, line, "$", "is not valid UTF-8 text");
        }
    }

    // Values that repeat on every line are matched as bytes and shared, not allocated a million times.
    private static readonly string[] Types = ["deployment", "incident"];
    private static readonly string[] Lanes = ["code", "model"];
    private static readonly string[] Statuses = ["success", "failure", "rolled_back"];

    [ThreadStatic]
    private static string? lastEnvironment;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Known(ref Utf8JsonReader reader, string[] values, string field, string source, int line)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            foreach (var value in values)
            {
                if (Matches(reader.ValueSpan, value))
                {
                    return value;
                }
            }
        }

        return String(ref reader, field, source, line);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Environment(ref Utf8JsonReader reader, string source, int line)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && lastEnvironment is { } last && Matches(reader.ValueSpan, last))
        {
            return last;
        }

        return lastEnvironment = String(ref reader, "environment", source, line);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Matches(ReadOnlySpan<byte> utf8, string ascii)
    {
        if (utf8.Length != ascii.Length)
        {
            return false;
        }

        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the line ends before the JSON does");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string field, string source, int line)
    {
        if (Next(ref reader) != type)
        {
            throw new InputException(source, line, field, type == JsonTokenType.StartObject ? "expected an object" : "expected an array");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? String(ref Utf8JsonReader reader, string field, string source, int line) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new InputException(source, line, $"$.{field}", "expected a string"),
    };

    private static bool? Boolean(ref Utf8JsonReader reader, string field, string source, int line) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new InputException(source, line, $"$.{field}", "expected true or false"),
    };

    /// <summary>ISO 8601; a time without an offset is UTC.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset? Time(ref Utf8JsonReader reader, string field, string source, int line)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueIsEscaped ? IsoTime.TryParse(reader.GetString(), out var value) : IsoTime.TryParse(reader.ValueSpan, out value))
            {
                return value;
            }

            throw new InputException(source, line, $"$.{field}", IsoTime.Problem(reader.GetString()));
        }

        throw new InputException(source, line, $"$.{field}", $"expected {IsoTime.Expected}");
    }

    /// <summary>A commit's time without building its field path, which only an error needs (two per commit, millions a file).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset? FastTime(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && IsoTime.TryParse(reader.ValueSpan, out var value) ? value : null;

    private static List<string>? Strings(ref Utf8JsonReader reader, string field, string source, int line)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        RequireArray(ref reader, field, source, line);
        var values = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            values.Add(String(ref reader, field, source, line) ?? throw new InputException(source, line, $"$.{field}[{values.Count}]", "must not be null"));
        }

        return values;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<CommitRef>? Commits(ref Utf8JsonReader reader, string field, string source, int line, bool build = true)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        RequireArray(ref reader, field, source, line);
        var commits = new List<CommitRef>(2);
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InputException(source, line, $"$.{field}[{count}]", "expected an object");
            }

            string? sha = null;
            DateTimeOffset? authored = null, committed = null;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                Next(ref reader);
                if (name.SequenceEqual("sha"u8))
                {
                    sha = reader.TokenType == JsonTokenType.String ? (build ? reader.GetString() : reader.ValueSpan.Trim(" \t"u8).IsEmpty ? string.Empty : "-") : String(ref reader, $"{field}[{count}].sha", source, line);
                }
                else if (name.SequenceEqual("authored_at"u8))
                {
                    authored = FastTime(ref reader) ?? Time(ref reader, $"{field}[{count}].authored_at", source, line);
                }
                else if (name.SequenceEqual("committed_at"u8))
                {
                    committed = FastTime(ref reader) ?? Time(ref reader, $"{field}[{count}].committed_at", source, line);
                }
                else
                {
                    throw Unknown(name, $"$.{field}[{count}]", source, line);
                }
            }

            if (build)
            {
                commits.Add(new CommitRef { Sha = sha!, AuthoredAt = authored, CommittedAt = committed });
            }
            else if (string.IsNullOrWhiteSpace(sha))
            {
                throw new InputException(source, line, $"{field}[{count}].sha", "missing");
            }

            count++;
        }

        return commits;
    }

    private static PullRequestRef? PullRequest(ref Utf8JsonReader reader, string source, int line, bool build = true)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        RequireObject(ref reader, "pr", source, line);
        int? number = null;
        List<CommitRef>? commits = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            if (name.SequenceEqual("number"u8))
            {
                number = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) ? n : throw new InputException(source, line, "$.pr.number", "expected an integer");
            }
            else if (name.SequenceEqual("commits"u8))
            {
                commits = Commits(ref reader, "pr.commits", source, line, build);
            }
            else
            {
                throw Unknown(name, "$.pr", source, line);
            }
        }

        return new PullRequestRef { Number = number ?? throw new InputException(source, line, "pr.number", "missing"), Commits = commits! };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static StageTimes? Stages(ref Utf8JsonReader reader, string source, int line)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        RequireObject(ref reader, "stages", source, line);
        var stages = new StageTimes();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            stages = name switch
            {
                _ when name.SequenceEqual("data_snapshot_at"u8) => stages with { DataSnapshotAt = Time(ref reader, "stages.data_snapshot_at", source, line) },
                _ when name.SequenceEqual("trained_at"u8) => stages with { TrainedAt = Time(ref reader, "stages.trained_at", source, line) },
                _ when name.SequenceEqual("evaluated_at"u8) => stages with { EvaluatedAt = Time(ref reader, "stages.evaluated_at", source, line) },
                _ when name.SequenceEqual("deployed_at"u8) => stages with { DeployedAt = Time(ref reader, "stages.deployed_at", source, line) },
                _ => throw Unknown(name, "$.stages", source, line),
            };
        }

        return stages;
    }

    private static void RequireArray(ref Utf8JsonReader reader, string field, string source, int line)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InputException(source, line, $"$.{field}", "expected an array");
        }
    }

    private static void RequireObject(ref Utf8JsonReader reader, string field, string source, int line)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InputException(source, line, $"$.{field}", "expected an object");
        }
    }

    private static InputException Unknown(ReadOnlySpan<byte> name, string path, string source, int line)
    {
        var text = Encoding.UTF8.GetString(name);
        return new InputException(source, line, $"{path}.{text}", $"unknown property '{text}'");
    }
}
