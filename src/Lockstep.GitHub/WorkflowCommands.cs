using System.Text;

namespace Lockstep.GitHub;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>) with the runner's escaping:
/// data escapes <c>%</c>, CR and LF; property values also escape <c>:</c> and <c>,</c>.
/// </summary>
public static class WorkflowCommands
{
    public static string Format(string command, IReadOnlyList<KeyValuePair<string, string>> properties, string message)
    {
        var line = new StringBuilder("::").Append(command);
        var first = true;
        foreach (var (key, value) in properties)
        {
            line.Append(first ? ' ' : ',').Append(key).Append('=').Append(EscapeProperty(value));
            first = false;
        }

        return line.Append("::").Append(EscapeData(message)).ToString();
    }

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
