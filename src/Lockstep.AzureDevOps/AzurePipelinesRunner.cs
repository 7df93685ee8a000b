using System.Globalization;
using System.Text.RegularExpressions;
using Lockstep.Core.Platform;

namespace Lockstep.AzureDevOps;

/// <summary>
/// The Azure Pipelines agent: issues, output variables, an uploaded markdown summary and the task result,
/// all as logging commands on stdout. The summary is written into <paramref name="summaryDirectory"/>
/// (the agent's temp directory) because the agent uploads a file, not text. Other text reaches stdout through
/// <see cref="NeutraliseLine"/>, and the human-readable text of its own commands passes it too, so that nothing taken
/// from the inputs becomes a logging command.
/// </summary>
public sealed partial class AzurePipelinesRunner(TextWriter stdout, string summaryDirectory) : IRunnerContext
{
    private int summaries;

    public string Name => "azure";

    public void Annotate(Annotation annotation)
    {
        var properties = new List<KeyValuePair<string, string>>
        {
            new("type", annotation.Level == AnnotationLevel.Error ? "error" : "warning"),
        };
        if (annotation.File is { } file)
        {
            properties.Add(new("sourcepath", file));
        }

        if (annotation.Line is { } line)
        {
            properties.Add(new("linenumber", line.ToString(CultureInfo.InvariantCulture)));
        }

        var message = annotation.Title is { } title ? $"{title}: {annotation.Message}" : annotation.Message;
        stdout.WriteLine(LoggingCommands.Format("task.logissue", properties, NeutraliseLine(message)));
    }

    /// <summary>Sets an output variable; kebab-case names become camelCase (<c>failed-gates</c> → <c>failedGates</c>),
    /// since Azure variable names are letters, digits, <c>.</c> and <c>_</c>.</summary>
    public void SetOutput(string name, string value) =>
        stdout.WriteLine(LoggingCommands.Format("task.setvariable", [new("variable", VariableName(name)), new("isOutput", "true")], value));

    internal static string VariableName(string name)
    {
        var parts = name.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    public void AppendSummary(string markdown)
    {
        summaries++;
        var name = summaries == 1 ? "lockstep-summary.md" : $"lockstep-summary-{summaries}.md";
        var path = Path.Combine(summaryDirectory, name);
        Directory.CreateDirectory(summaryDirectory);
        File.WriteAllText(path, markdown);
        stdout.WriteLine(LoggingCommands.Format("task.uploadsummary", [], path));
    }

    public void Complete(RunOutcome outcome, string message) =>
        stdout.WriteLine(LoggingCommands.Format("task.complete", [new("result", outcome.ToString())], NeutraliseLine(message)));

    public void MaskSecret(string secret) => stdout.WriteLine(LoggingCommands.Format("task.setsecret", [], secret));

    /// <summary>
    /// The agent reads <c>##vso[</c> anywhere in a line as a logging command and <c>##[</c> as a formatting command
    /// (<c>##[error]</c>, <c>##[group]</c> …), in any case. Each becomes <c># #vso[</c> or <c># #[</c>: still readable,
    /// never a command.
    /// </summary>
    public string NeutraliseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return AgentCommand().Replace(line, "# #${vso}[");
    }

    [GeneratedRegex(@"##(?<vso>vso)?\[", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AgentCommand();
}
