using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lockstep.Conventions.Tests;

/// <summary>
/// The Azure Pipelines YAML in the docs is valid against the pipeline service schema (Schemas/azure-pipelines), and its
/// LockstepGate steps use the task's inputs and values. The service schema knows only built-in tasks, so each
/// LockstepGate step is checked against task.json and then stands as a script step for the schema.
/// </summary>
public partial class PipelineYamlTests
{
    public static TheoryData<string> Pipelines()
    {
        var data = new TheoryData<string>();
        foreach (var document in new[] { "docs/azure-devops.md", "README.md" })
        {
            foreach (Match block in YamlBlock().Matches(Repository.Read(document)))
            {
                if (block.Groups["yaml"].Value.Contains("task: LockstepGate@0", StringComparison.Ordinal)
                    || block.Groups["yaml"].Value.Contains("azure-task", StringComparison.Ordinal))
                {
                    data.Add($"{document}: {block.Index}");
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Pipeline_examples_are_valid_azure_pipelines_yaml(string where)
    {
        var (document, index) = (where.Split(": ")[0], int.Parse(where.Split(": ")[1], System.Globalization.CultureInfo.InvariantCulture));
        var yaml = YamlBlock().Match(Repository.Read(document), index).Groups["yaml"].Value;

        // A lone step list is checked as the steps of a pipeline.
        var pipeline = YamlToJson.Convert(yaml);
        if (pipeline is JsonArray steps)
        {
            pipeline = new JsonObject { ["steps"] = steps };
        }

        foreach (var step in Steps(pipeline!).Where(s => s["task"]?.GetValue<string>() == "LockstepGate@0").ToList())
        {
            AssertTaskInputs(step["inputs"]!.AsObject());
            step.Remove("task");
            step.Remove("inputs");
            step["script"] = "lockstep azure-task";
        }

        JsonSchemas.AssertValid(JsonSchemas.AzurePipelines(pipeline));
    }

    private static void AssertTaskInputs(JsonObject inputs)
    {
        var task = JsonNode.Parse(Repository.Read("action/azure-devops/LockstepGate/task.json"))!["inputs"]!.AsArray()
            .ToDictionary(input => input!["name"]!.GetValue<string>(), input => input!);
        foreach (var (name, value) in inputs)
        {
            Assert.True(task.TryGetValue(name, out var input), $"LockstepGate has no input '{name}'");
            if (input!["options"] is JsonObject options)
            {
                Assert.True(options.ContainsKey(value!.ToString()), $"'{value}' is not a value of {name}");
            }
        }

        Assert.All(task.Values.Where(i => i["required"]!.GetValue<bool>()), i => Assert.True(inputs.ContainsKey(i["name"]!.GetValue<string>())));
    }

    /// <summary>Every step object of the pipeline, at any depth.</summary>
    private static IEnumerable<JsonObject> Steps(JsonNode node) => node switch
    {
        JsonObject o when o.ContainsKey("steps") => o["steps"]!.AsArray().OfType<JsonObject>().Concat(o.Where(p => p.Key != "steps" && p.Value is not null).SelectMany(p => Steps(p.Value!))),
        JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => Steps(p.Value!)),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => Steps(n!)),
        _ => [],
    };

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
