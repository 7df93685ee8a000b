using System.Text.Json.Nodes;
using Json.Schema;
using Lockstep.Core.Dora;

namespace Lockstep.GitHub.Tests.Deliveries;

/// <summary>Checks events against the published <c>docs/schemas/events.v1.schema.json</c>, line by line as written.</summary>
internal static class EventsSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "schemas", "events.v1.schema.json"))));

    public static void AssertValid(IEnumerable<DeliveryEvent> events)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        foreach (var line in EventsWriter.Write(events).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var result = Schema.Value.Evaluate(JsonNode.Parse(line), options);
            Assert.True(result.IsValid, $"not a lockstep.events/v1 line: {line}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Sdk.sln above {AppContext.BaseDirectory}");
    }
}
