using System.Text;

namespace Lockstep.AzureDevOps;

/// <summary>
/// Azure Pipelines logging commands (<c>##vso[area.action key=value;…]message</c>) with the agent's escaping:
/// <c>%</c> → <c>%AZP25</c>, CR → <c>%0D</c>, LF → <c>%0A</c>; property values also escape <c>;</c> and <c>]</c>.
/// </summary>
public static class LoggingCommands
{
    public static string Format(string command, IReadOnlyList<KeyValuePair<string, string>> properties, string message)
    {
        var line = new StringBuilder("##vso[").Append(command);
        if (properties.Count > 0)
        {
            line.Append(' ');
            foreach (var (key, value) in properties)
            {
                line.Append(key).Append('=').Append(EscapeProperty(value)).Append(';');
            }
        }

        return line.Append(']').Append(EscapeData(message)).ToString();
    }

    public static string EscapeData(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace("]", "%5D", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal);
}
