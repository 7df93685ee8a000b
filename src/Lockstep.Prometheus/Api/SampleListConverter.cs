using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lockstep.Prometheus.Api;

/// <summary>
/// Reads <c>[[1700000120.5, "150"], …]</c>: the time as a JSON number of Unix seconds, the value as a string because
/// JSON has no NaN or infinity (<c>"NaN"</c>, <c>"+Inf"</c>, <c>"-Inf"</c>).
/// </summary>
internal sealed class SampleListConverter : JsonConverter<IReadOnlyList<PrometheusPoint>>
{
    public override IReadOnlyList<PrometheusPoint> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray, "a list of samples");
        var points = new List<PrometheusPoint>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray, "a sample [time, \"value\"]");
            reader.Read();
            Expect(ref reader, JsonTokenType.Number, "a sample time in Unix seconds");
            var seconds = reader.GetDecimal();
            reader.Read();
            Expect(ref reader, JsonTokenType.String, "a sample value as a string");
            var value = Value(reader.GetString()!);
            reader.Read();
            Expect(ref reader, JsonTokenType.EndArray, "the end of a sample");
            var time = DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m, MidpointRounding.AwayFromZero));
            points.Add(new PrometheusPoint(time, value));
        }

        return points;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<PrometheusPoint> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Lockstep only reads Prometheus samples.");

    internal static double Value(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"sample value \"{text}\" is not a number"),
    };

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"expected {what}, found {reader.TokenType}");
        }
    }
}
