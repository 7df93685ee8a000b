using System.Text.Json;
using System.Text.Json.Serialization;
using Lockstep.Core.Time;

namespace Lockstep.Core.Json;

/// <summary>
/// Timestamps read by <see cref="IsoTime"/>: strict ISO 8601 where one without an offset means UTC, never the
/// machine's local time zone, so the same file gives the same numbers on every machine.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("The JSON value could not be converted to System.DateTimeOffset.");
        }

        var parsed = reader.ValueIsEscaped || reader.HasValueSequence
            ? IsoTime.TryParse(reader.GetString(), out var value)
            : IsoTime.TryParse(reader.ValueSpan, out value);
        return parsed ? value : throw new JsonException(IsoTime.Problem(reader.GetString()));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
