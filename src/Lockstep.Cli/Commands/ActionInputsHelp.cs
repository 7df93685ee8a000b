using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Lockstep.Cli.Commands;

/// <summary>
/// The help of <c>lockstep github-action</c> ends with the action's inputs, read from the action's own metadata
/// (action.yml, embedded in the tool), so the two cannot disagree. Other commands' help is left as it is; the
/// metadata is read only when this help is shown.
/// </summary>
internal sealed class ActionInputsHelp(HelpAction help) : SynchronousCommandLineAction
{
    private const int Width = 100;

    public override bool ClearsParseErrors => true;

    /// <summary>Puts this help in place of the root command's, which every subcommand's <c>--help</c> uses.</summary>
    public static void Install(RootCommand root)
    {
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
        {
            option.Action = new ActionInputsHelp(help);
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = help.Invoke(parseResult);
        if (parseResult.CommandResult.Command.Name == GitHubActionCommand.Name)
        {
            parseResult.InvocationConfiguration.Output.Write(Render());
        }

        return exitCode;
    }

    /// <summary>The inputs section: each input's name, whether it is required or its default, and its description.</summary>
    internal static string Render()
    {
        var text = new StringBuilder("Inputs (action.yml; the runner sets each as INPUT_<NAME>, upper-cased, hyphens kept):\n");
        foreach (var (name, description, required, defaultValue) in Inputs())
        {
            var words = (required ? "Required. " : string.Empty) + description + (defaultValue is { } value ? $" Default: {value}" : string.Empty);
            var lines = Wrap(words, Width - 24);
            text.Append("  ").Append(name.PadRight(20)).Append("  ").Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                text.Append(' ', 24).Append(line).Append('\n');
            }
        }

        return text.Append('\n').ToString();
    }

    private static IEnumerable<(string Name, string Description, bool Required, string? Default)> Inputs()
    {
        using var stream = typeof(ActionInputsHelp).Assembly.GetManifestResourceStream("Lockstep.Cli.action.yml")
            ?? throw new InvalidOperationException("action.yml is not embedded");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var inputs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("inputs")];
        foreach (var (key, node) in inputs.Children)
        {
            var input = (YamlMappingNode)node;
            string? Field(string name) => input.Children.TryGetValue(new YamlScalarNode(name), out var value) ? ((YamlScalarNode)value).Value : null;
            yield return (((YamlScalarNode)key).Value!, Field("description")?.Trim() ?? string.Empty, Field("required") == "true", Field("default"));
        }
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }
}
