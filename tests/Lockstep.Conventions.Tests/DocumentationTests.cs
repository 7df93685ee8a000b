using System.CommandLine;
using System.Text.RegularExpressions;
using Lockstep.Cli;
using Lockstep.Core.Policy;

namespace Lockstep.Conventions.Tests;

/// <summary>The docs name everything a user can set, and the README's commands are the ones CI runs.</summary>
public partial class DocumentationTests
{
    [Fact]
    public void Policy_reference_documents_every_key()
    {
        var reference = Repository.Read("docs/policy.md");

        var missing = PolicyReader.TopLevelKeys.Concat(PolicyReader.GateKeys).Where(key => !reference.Contains($"`{key}`", StringComparison.Ordinal));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_command_and_option_appears_in_the_docs()
    {
        var docs = Repository.Read("README.md") + string.Concat(Directory.GetFiles(Repository.Path("docs"), "*.md").Select(File.ReadAllText));
        var root = LockstepCommand.Create(() => throw new InvalidOperationException("not invoked"));

        var missing = root.Subcommands
            .SelectMany(command => command.Options.Where(o => o.Name != "--help" && !o.Hidden).Select(o => $"{command.Name} {o.Name}").Prepend($"lockstep {command.Name}"))
            .Where(item => !docs.Contains(item.Split(' ')[^1], StringComparison.Ordinal));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_action_input_is_documented()
    {
        var doc = Repository.Read("docs/github-action.md");

        var missing = Lockstep.GitHub.ActionInputs.Names.Where(name => !doc.Contains($"| `{name}` |", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"docs/github-action.md does not document: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_task_input_is_documented_and_is_one_the_cli_reads()
    {
        var task = System.Text.Json.Nodes.JsonNode.Parse(Repository.Read("action/azure-devops/LockstepGate/task.json"))!;
        var inputs = task["inputs"]!.AsArray().Select(input => input!["name"]!.GetValue<string>()).ToList();
        var doc = Repository.Read("docs/azure-devops.md");

        var undocumented = inputs.Where(name => !doc.Contains($"| `{name}` |", StringComparison.Ordinal)).ToList();

        Assert.True(undocumented.Count == 0, $"docs/azure-devops.md does not document: {string.Join(", ", undocumented)}");
        Assert.Equal(Lockstep.AzureDevOps.AzureTaskInputs.Names.Append("lockstepVersion").Order(), inputs.Order());
    }

    [Fact]
    public void The_map_of_the_code_names_every_source_file()
    {
        var map = Repository.Read("docs/architecture.md");
        var sources = new[] { "src", "analyzers" }
            .SelectMany(folder => Directory.GetFiles(Repository.Path(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(Path.GetFileName);

        var unnamed = sources.Where(file => !map.Contains(file!, StringComparison.Ordinal)).ToList();

        Assert.True(unnamed.Count == 0, $"docs/architecture.md does not name: {string.Join(", ", unnamed)}");
    }

    [Fact]
    public void Ci_runs_the_readme_test_command()
    {
        var readme = Repository.Read("README.md");
        var testCommand = ReadmeCommand().Matches(readme).Select(m => m.Groups["command"].Value).Single(c => c.StartsWith("dotnet test", StringComparison.Ordinal));

        var ciScript = Repository.Read(".ci/run");

        Assert.Contains($"\n{testCommand} ", ciScript, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_demo_command_runs_the_demo()
    {
        var readme = Repository.Read("README.md");

        Assert.Contains("\ndotnet run --project src/Lockstep.Cli -- demo\n", readme, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/policy.md")]
    public void Complete_policy_examples_in_the_docs_are_valid_policies(string document)
    {
        var examples = YamlBlock().Matches(Repository.Read(document))
            .Select(m => m.Groups["yaml"].Value)
            .Where(yaml => yaml.Contains("version: 1", StringComparison.Ordinal) && yaml.Contains("gates:", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, yaml => Assert.NotEmpty(PolicyReader.Parse(yaml, document).Gates));
    }

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    /// <summary>Commands in the README's fenced bash blocks, one per line, after a comment line.</summary>
    [GeneratedRegex(@"^# Run the tests\n(?<command>[^\n]+)$", RegexOptions.Multiline)]
    private static partial Regex ReadmeCommand();
}
