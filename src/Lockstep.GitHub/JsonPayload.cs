using System.Text.Json;
using Lockstep.Core;

namespace Lockstep.GitHub;

/// <summary>Parses a payload file GitHub hands a step, turning a syntax error into one line naming the file and line.</summary>
internal static class JsonPayload
{
    public static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var details = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            int? line = e.LineNumber is { } zeroBased ? (int)zeroBased + 1 : null;
            throw new InputException(source, line, null, $"invalid JSON: {(details >= 0 ? message[..details] : message).TrimEnd('.', ' ')}");
        }
    }
}
