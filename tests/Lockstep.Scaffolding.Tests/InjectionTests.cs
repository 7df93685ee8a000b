using System.Text.RegularExpressions;
using Lockstep.Conventions.Tests;
using Lockstep.Core.Contracts;
using Lockstep.Scaffolding.Engine;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Scaffolding.Tests;

/// <summary>User text is data: it renders literally, never as template code, YAML structure or a CI expression.</summary>
public partial class InjectionTests
{
    public static TheoryData<string> Hostile => new()
    {
        "churn {{ 7 * 7 }} model",
        "}} {{ end }} {%{ x }%}",
        "${{ secrets.GITHUB_TOKEN }}",
        "it's a \"quoted\" name",
        "two\nlines\r\nand\ttab",
        "key: value # not a comment",
        "- [a, b]\n? c\n&anchor *alias !tag |",
        "#",
        "",
        "emoji 🙂 and \u2028 separator \u0085 next line \u0007 bell",
    };

    private static readonly Scaffolder Scaffolder = new(TemplateLibrary.BuiltIn);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_yaml_quoted_value_reads_back_as_the_same_string(string value)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader($"key: {YamlScalar.Quote(value)}\nnext: 1\n"));

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal(value, ((YamlScalarNode)root["key"]).Value);
        Assert.Equal(2, root.Children.Count);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void The_model_card_front_matter_means_the_same_and_the_text_is_literal(string hostile)
    {
        var card = Samples.Card("candidate-pass.json") with
        {
            Model = new ModelInfo { Name = "m " + hostile, Version = hostile + "1", Task = hostile },
            Metrics = new Dictionary<string, double> { ["auc"] = 0.9, [hostile + ".x"] = 1.5 },
            Datasets = [new DatasetReference { Role = "test", Uri = hostile + "/test.csv" }],
            Card = new CardFacts { IntendedUse = hostile, Limitations = "{{ model.name }}" },
        };

        var markdown = Scaffolder.ModelCard(card, null, Samples.DemoPolicy()).Content;

        var front = FrontMatter(markdown);
        var index = (YamlMappingNode)((YamlSequenceNode)front["model-index"]).Children[0];
        Assert.Equal("m " + hostile, ((YamlScalarNode)index["name"]).Value);
        var result = (YamlMappingNode)((YamlSequenceNode)index["results"]).Children[0];
        Assert.Equal(hostile + "/test.csv", ((YamlScalarNode)((YamlMappingNode)result["dataset"])["type"]).Value);
        var metrics = ((YamlSequenceNode)result["metrics"]).Children.Cast<YamlMappingNode>().Select(m => ((YamlScalarNode)m["type"]).Value).ToList();
        Assert.Equal(new[] { "auc", hostile + ".x" }.Order(StringComparer.Ordinal), metrics.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("49", markdown, StringComparison.Ordinal);
        Assert.Contains("{{ model.name }}", markdown, StringComparison.Ordinal);
        Assert.Single(TitleLine().Matches(markdown));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Pipelines_carry_no_user_text_only_the_slug(string hostile)
    {
        var plain = Pipelines("churn");
        var evil = Pipelines("churn " + hostile);

        foreach (var (file, reference) in evil.Zip(plain))
        {
            Assert.Equal(Expressions(reference.Content), Expressions(file.Content));
            if (file.Path.EndsWith(".yml", StringComparison.Ordinal))
            {
                PipelineSchemaTests.AssertValid(file);
                var model = YamlToJson.Convert(file.Content)![file.Path.StartsWith("azure-pipelines", StringComparison.Ordinal) ? "variables" : "env"]!["MODEL"]!.GetValue<string>();
                Assert.Matches("^[a-z0-9._-]+$", model);
            }
        }
    }

    [Fact]
    public void A_policy_message_renders_literally_in_the_runbook_and_its_flowchart()
    {
        var policy = Lockstep.Core.Policy.PolicyReader.Parse(
            "version: 1\ngates:\n  - id: a\n    metric: \"x\\\"]{{ 1 + 1 }}\"\n    higher_is_better: false\n    max: 1\n    message: \"{{ steps }} | <b>#1</b>\"\n",
            "lockstep.yml");

        var runbook = Scaffolder.Runbook(policy, "lockstep.yml").Content;

        Assert.Contains("_{{ steps }} \\| &lt;b>#1&lt;/b>_", runbook, StringComparison.Ordinal);
        Assert.Contains("q1{\"Is x#quot;]{{ 1 + 1 }} above 1?\"}", runbook, StringComparison.Ordinal);
    }

    private static IReadOnlyList<GeneratedFile> Pipelines(string name) =>
        Scaffolder.Pipelines(new PipelineOptions { Ci = CiTarget.Both, ModelName = name });

    private static List<string> Expressions(string text) => GitHubExpression().Matches(text).Select(m => m.Value).ToList();

    private static YamlMappingNode FrontMatter(string markdown)
    {
        var end = markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(markdown[4..end]));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [GeneratedRegex(@"\$\{\{.*?\}\}")]
    private static partial Regex GitHubExpression();

    [GeneratedRegex("^# Model card: ", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}
