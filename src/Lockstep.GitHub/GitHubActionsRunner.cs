using System.Text.RegularExpressions;
using Lockstep.Core.Platform;

namespace Lockstep.GitHub;

/// <summary>
/// The GitHub Actions runner: annotations as workflow commands on stdout, outputs appended to <c>$GITHUB_OUTPUT</c>
/// (multi-line values with a random heredoc delimiter), the summary appended to <c>$GITHUB_STEP_SUMMARY</c>. Other
/// text reaches stdout through <see cref="NeutraliseLine"/>, so that none of it can start a workflow command.
/// </summary>
public sealed partial class GitHubActionsRunner(
    TextWriter stdout, string? outputFile, string? summaryFile, Func<string>? newDelimiter = null) : IRunnerContext
{
    private readonly Func<string> newDelimiter = newDelimiter ?? (() => $"ghadelimiter_{Guid.NewGuid():N}");

    public string Name => "github";

    public void Annotate(Annotation annotation)
    {
        var properties = new List<KeyValuePair<string, string>>();
        if (annotation.File is { } file)
        {
            properties.Add(new("file", file));
        }

        if (annotation.Line is { } line)
        {
            properties.Add(new("line", line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (annotation.Title is { } title)
        {
            properties.Add(new("title", title));
        }

        var command = annotation.Level == AnnotationLevel.Error ? "error" : "warning";
        stdout.WriteLine(WorkflowCommands.Format(command, properties, annotation.Message));
    }

    public void SetOutput(string name, string value)
    {
        if (outputFile is null)
        {
            stdout.WriteLine(WorkflowCommands.Format("debug", [], $"GITHUB_OUTPUT is not set; output '{name}' not written"));
            return;
        }

        File.AppendAllText(outputFile, OutputEntry(name, value));
    }

    public void AppendSummary(string markdown)
    {
        if (summaryFile is not null)
        {
            File.AppendAllText(summaryFile, markdown.EndsWith('\n') ? markdown : markdown + "\n");
        }
    }

    public void Complete(RunOutcome outcome, string message)
    {
        // GitHub takes a step's result from its exit code; there is no command to set it.
    }

    public void MaskSecret(string secret) => stdout.WriteLine(WorkflowCommands.Format("add-mask", [], secret));

    /// <summary>
    /// The runner reads a line as a command when it starts with <c>::</c> after any spaces (<c>::error::</c>,
    /// <c>::add-mask::</c>, <c>::stop-commands::</c> …), or holds <c>##[</c> anywhere (its older command form). The
    /// first becomes <c>: :</c>, the second <c># #[</c>: still readable, never a command.
    /// </summary>
    public string NeutraliseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var safe = OldCommand().Replace(line, "# #[");
        return CommandStart().Replace(safe, "${space}: :");
    }

    [GeneratedRegex(@"##\[", RegexOptions.CultureInvariant)]
    private static partial Regex OldCommand();

    [GeneratedRegex(@"\A(?<space>\s*)::", RegexOptions.CultureInvariant)]
    private static partial Regex CommandStart();

    internal string OutputEntry(string name, string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal))
        {
            return $"{name}={value}\n";
        }

        var delimiter = newDelimiter();
        if (value.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output '{name}' contains its own delimiter");
        }

        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }
}
