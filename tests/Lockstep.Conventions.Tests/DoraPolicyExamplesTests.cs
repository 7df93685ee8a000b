using System.Text.RegularExpressions;
using Lockstep.Core.Policy;

namespace Lockstep.Conventions.Tests;

/// <summary>The docs' policies without gates, written for <c>lockstep dora</c> and <c>lockstep events</c>, are valid for them.</summary>
public partial class DoraPolicyExamplesTests
{
    [Theory]
    [InlineData("docs/policy.md")]
    [InlineData("docs/dora-sources.md")]
    public void Policies_with_only_a_dora_section_in_the_docs_are_valid_for_dora(string document)
    {
        var examples = YamlBlock().Matches(Repository.Read(document))
            .Select(m => m.Groups["yaml"].Value)
            .Where(yaml => yaml.StartsWith("version: 1\n", StringComparison.Ordinal) && !yaml.Contains("gates:", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, yaml => Assert.NotNull(PolicyReader.ReadDora(yaml, document)));
        Assert.All(examples, yaml => JsonSchemas.AssertValid(JsonSchemas.Project("policy.v1.schema.json", YamlToJson.Convert(yaml))));
    }

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
