using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lockstep.GitHub.Deliveries;

/// <summary>
/// Reads and writes the cache file. A cache is only an optimisation: one that cannot be read, or is of another
/// version, is reported and replaced, never an error.
/// </summary>
public static class DeliveryCacheJson
{
    public static string Serialize(DeliveryCache cache) => JsonSerializer.Serialize(cache, DeliveryCacheContext.Default.DeliveryCache);

    /// <summary>
    /// The cache to use for a repository: the one in <paramref name="json"/> when it is a cache of that repository,
    /// otherwise an empty one, with a note saying why the file was not used.
    /// </summary>
    public static DeliveryCache Load(string? json, Uri api, string repository, out string? note)
    {
        note = null;
        if (json is null)
        {
            return DeliveryCache.For(api, repository);
        }

        var cache = TryParse(json, out var problem);
        if (cache is null)
        {
            note = $"cache not used: {problem}; starting afresh";
            return DeliveryCache.For(api, repository);
        }

        if (!cache.Describes(api, repository))
        {
            note = $"cache not used: it holds {cache.Repository} at {cache.Api}; starting afresh";
            return DeliveryCache.For(api, repository);
        }

        return cache;
    }

    /// <summary>The cache in <paramref name="json"/>, or null with the reason it cannot be used.</summary>
    public static DeliveryCache? TryParse(string json, out string? problem)
    {
        try
        {
            var cache = JsonSerializer.Deserialize(json, DeliveryCacheContext.Default.DeliveryCache);
            problem = cache is null ? "empty" : cache.Schema == DeliveryCache.SchemaId ? null : $"schema '{cache.Schema}', expected '{DeliveryCache.SchemaId}'";
            return problem is null ? cache : null;
        }
        catch (JsonException e)
        {
            problem = $"not a Lockstep cache ({e.Message.Split('.')[0]})";
            return null;
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeliveryCache))]
internal sealed partial class DeliveryCacheContext : JsonSerializerContext;
