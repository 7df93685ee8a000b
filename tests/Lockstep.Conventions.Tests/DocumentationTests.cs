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

        var missing = PolicyReader.TopLevelKeys.Concat(PolicyReader.GateKeys).Concat(PolicyReader.SloKeys).Where(key => !reference.Contains($"`{key}`", StringComparison.Ordinal));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_option_written_after_a_lockstep_command_in_the_docs_is_an_option_of_that_command()
    {
        var root = LockstepCommand.Create(() => throw new InvalidOperationException("not invoked"));
        var lines = CommandLinesInDocs.Documents().SelectMany(CommandLinesInDocs.In).ToList();

        var wrong = lines
            .Select(line => (Line: line, Resolved: CommandLinesInDocs.Resolve(root, line.Words)))
            .SelectMany(x => x.Resolved.Options
                .Where(option => !CommandLinesInDocs.OptionNames(x.Resolved.Command, root).Contains(option))
                .Select(option => $"{x.Line.Document}: `{x.Resolved.Path} {option}` (in `{x.Line.Text}`)"))
            .Distinct()
            .ToList();

        Assert.True(lines.Count > 100, $"expected the docs to show many lockstep command lines, found {lines.Count}");
        Assert.True(wrong.Count == 0, "options the command does not have:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Every_option_of_every_command_is_shown_with_its_command_in_the_docs()
    {
        var root = LockstepCommand.Create(() => throw new InvalidOperationException("not invoked"));
        var shown = CommandLinesInDocs.Documents().SelectMany(CommandLinesInDocs.In)
            .Select(line => CommandLinesInDocs.Resolve(root, line.Words))
            .SelectMany(x => x.Options.Select(option => $"{x.Path} {option}").Append(x.Path))
            .Concat(CommandLinesInDocs.Documents().SelectMany(document => CommandLinesInDocs.OptionTables(document, root)))
            .ToHashSet(StringComparer.Ordinal);

        var missing = Commands(root, "lockstep")
            .SelectMany(c => c.Command.Options.Where(o => !o.Hidden)
                .Where(o => !o.Aliases.Prepend(o.Name).Any(name => shown.Contains($"{c.Path} {name}")))
                .Select(o => $"{c.Path} {o.Name}")
                .Prepend(shown.Contains(c.Path) ? null : c.Path))
            .OfType<string>()
            .ToList();

        Assert.True(missing.Count == 0, "neither shown in a lockstep command line nor in the options table of its command's section in the README or docs:\n" + string.Join('\n', missing));
    }

    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path) =>
        command.Subcommands.SelectMany(sub => Commands(sub, $"{path} {sub.Name}").Prepend(($"{path} {sub.Name}", sub)));

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
