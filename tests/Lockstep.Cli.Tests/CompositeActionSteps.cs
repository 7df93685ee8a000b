using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lockstep.Conventions.Tests;
using Lockstep.Tests.Shared;

namespace Lockstep.Cli.Tests;

/// <summary>
/// The steps of composite/action.yml as the runner runs them: each <c>${{ … }}</c> of a step's env replaced by the
/// value the test gives that expression, then its script under bash (-e, pipefail), as GitHub's bash shell runs it.
/// </summary>
internal static partial class CompositeActionSteps
{
    public static JsonNode Metadata { get; } = YamlToJson.Convert(Repository.Read("composite/action.yml"))!;

    public static JsonNode Step(Func<JsonNode, bool> match) => Metadata["runs"]!["steps"]!.AsArray().Single(step => match(step!))!;

    public static JsonNode Step(string id) => Step(step => step["id"]?.GetValue<string>() == id);

    /// <summary>The step's env with every expression resolved; an expression the test gave no value is a test error.</summary>
    public static IEnumerable<(string Name, string Value)> Environment(JsonNode step, IReadOnlyDictionary<string, string> expressions) =>
        step["env"]!.AsObject().Select(variable => (variable.Key, Expression().Replace(variable.Value!.GetValue<string>(), match =>
            expressions.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"{variable.Key}: no value for ${{{{ {match.Groups[1].Value} }}}}"))));

    /// <summary>The values of <c>${{ inputs.x }}</c>: the given inputs, else the default composite/action.yml declares, else empty.</summary>
    public static Dictionary<string, string> Inputs(IReadOnlyDictionary<string, string> given) =>
        Metadata["inputs"]!.AsObject().ToDictionary(
            input => $"inputs.{input.Key}",
            input => given.TryGetValue(input.Key, out var value) ? value : input.Value!["default"]?.GetValue<string>() ?? string.Empty);

    /// <summary>The bash command line GitHub runs for a <c>shell: bash</c> step.</summary>
    public static ProcessStartInfo Bash(JsonNode step, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory };
        foreach (var argument in new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]!.GetValue<string>() })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    [GeneratedRegex(@"\$\{\{\s*(\S+?)\s*\}\}")]
    private static partial Regex Expression();
}
