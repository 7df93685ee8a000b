namespace Lockstep.Cli;

/// <summary>Everything a command may touch of the process, read once at the entry point.</summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    bool OutputIsTerminal)
{
    /// <summary>Whether stderr is a terminal: progress is drawn there only then; CI logs get one summary line.</summary>
    public bool ErrorIsTerminal { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The CI runner, chosen once by <see cref="RunnerSelection.Select"/>; a terminal until then.</summary>
    public Lockstep.Core.Platform.IRunnerContext Runner { get; init; } = new LocalRunner();

    /// <summary>Cancelled when the user presses Ctrl-C, just before the process ends, so progress lines can end theirs.</summary>
    public CancellationToken Interrupted { get; init; }

    /// <summary>Colour only on a terminal and never when <c>NO_COLOR</c> is set (no-color.org).</summary>
    public bool UseColour => OutputIsTerminal && string.IsNullOrEmpty(Variable("NO_COLOR"));

    public string? Variable(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    public static CliContext FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        // The process still ends on Ctrl-C as it would without the handler; the handler only lets progress lines end.
        var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, _) => interrupted.Cancel();
        return new CliContext(Console.Out, Console.Error, environment, Directory.GetCurrentDirectory(), !Console.IsOutputRedirected)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
            Interrupted = interrupted.Token,
        };
    }
}
