using System.Text.Json.Serialization;

namespace Lockstep.Prometheus.Api;

/// <summary>The HTTP API's answer, source-generated: camelCase as Prometheus writes it, unknown properties ignored.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(QueryResponse))]
internal sealed partial class PrometheusJson : JsonSerializerContext;
