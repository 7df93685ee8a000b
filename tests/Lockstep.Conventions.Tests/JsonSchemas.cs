using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Lockstep.Conventions.Tests;

/// <summary>
/// Evaluates instances against the project's schemas (docs/schemas) and the Azure Pipelines service schema kept as
/// test data (tests/Lockstep.Conventions.Tests/Schemas/azure-pipelines, see its README).
/// </summary>
internal static class JsonSchemas
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    // Parsed once per path: a schema registers its $id globally, and registering it again is an error.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new(StringComparer.Ordinal);

    public static EvaluationResults Project(string file, JsonNode? instance) => Evaluate(Repository.Path($"docs/schemas/{file}"), instance);

    public static EvaluationResults AzurePipelines(JsonNode? instance) =>
        Evaluate(Repository.Path("tests/Lockstep.Conventions.Tests/Schemas/azure-pipelines/service-schema.json"), instance);

    public static void AssertValid(EvaluationResults results)
    {
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(results.IsValid, string.Join("\n", errors));
    }

    private static EvaluationResults Evaluate(string path, JsonNode? instance) =>
        Schemas.GetOrAdd(path, p => new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(p))))
            .Value.Evaluate(JsonSerializer.SerializeToElement(instance), Options);
}
