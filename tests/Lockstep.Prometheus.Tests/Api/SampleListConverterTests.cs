using System.Text.Json;
using Lockstep.Prometheus.Api;

namespace Lockstep.Prometheus.Tests.Api;

public class SampleListConverterTests
{
    [Fact]
    public void Samples_read_their_time_in_unix_seconds_and_their_value_from_a_string()
    {
        var answer = Read("""[[1700000400, "150"], [1700000460.5, "1e3"], [1700000520, "NaN"], [1700000580, "+Inf"], [1700000640, "-Inf"]]""");

        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_400);
        Assert.Equal(
            [
                new(start, 150), new(start.AddSeconds(60.5), 1000), new(start.AddMinutes(2), double.NaN),
                new(start.AddMinutes(3), double.PositiveInfinity), new PrometheusPoint(start.AddMinutes(4), double.NegativeInfinity),
            ],
            answer);
    }

    [Theory]
    [InlineData("""[[1700000400, 150]]""", "sample value as a string")]
    [InlineData("""[["1700000400", "150"]]""", "sample time in Unix seconds")]
    [InlineData("""[[1700000400, "many"]]""", "\"many\" is not a number")]
    [InlineData("""[[1700000400, "1", "2"]]""", "the end of a sample")]
    public void A_sample_of_another_shape_is_refused(string values, string problem)
    {
        var error = Assert.Throws<JsonException>(() => Read(values));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<PrometheusPoint> Read(string values)
    {
        var json = $$$"""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":{{{values}}}}]}}""";
        var answer = JsonSerializer.Deserialize(json, PrometheusJson.Default.QueryResponse)!;
        return answer.Data!.Result![0].Values!;
    }
}
