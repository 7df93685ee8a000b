using System.Text.Json.Serialization;

namespace Lockstep.Prometheus.Api;

/// <summary>
/// The envelope of every Prometheus HTTP API answer: <c>status</c> <c>success</c> with <c>data</c>, or <c>error</c>
/// with <c>errorType</c> and <c>error</c> (sent with a 4xx/5xx status, and read from the body).
/// </summary>
internal sealed record QueryResponse(
    string? Status,
    RangeData? Data,
    string? ErrorType,
    string? Error,
    IReadOnlyList<string>? Warnings);

/// <summary>A range query's data: <c>resultType</c> <c>matrix</c> and one entry per series.</summary>
internal sealed record RangeData(string? ResultType, IReadOnlyList<RangeSeries>? Result);

/// <summary>One series: its labels and its <c>[unix seconds, "value"]</c> pairs.</summary>
internal sealed record RangeSeries(
    IReadOnlyDictionary<string, string>? Metric,
    [property: JsonConverter(typeof(SampleListConverter))] IReadOnlyList<PrometheusPoint>? Values);
