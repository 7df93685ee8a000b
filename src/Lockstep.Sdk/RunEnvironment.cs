using System.Collections;

namespace Lockstep.Sdk;

/// <summary>What the Sdk reads of the process, read once: environment variables and the working directory.</summary>
internal sealed record RunEnvironment(IReadOnlyDictionary<string, string> Variables, string CurrentDirectory)
{
    public static RunEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return new RunEnvironment(variables, Directory.GetCurrentDirectory());
    }

    /// <summary>The variable's value, or null when it is not set or empty (an unset CI input arrives as empty).</summary>
    public string? Variable(string name) =>
        Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
