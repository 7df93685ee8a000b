using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lockstep.Core.Json;

/// <summary>
/// ISO 8601 timestamps where one without an offset means UTC, never the machine's local time zone, so the same
/// file gives the same numbers on every machine.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        throw new JsonException("The JSON value could not be converted to System.DateTimeOffset.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
