using System.Globalization;
using System.Text;

namespace Lockstep.Analyzers.Data;

/// <summary>
/// Every string (property names and values) in a JSON text. The analyzer needs no more of data.lock.json than the
/// paths in it, and an analyzer cannot bring System.Text.Json into every compiler host, so it reads the strings itself.
/// </summary>
internal static class JsonStrings
{
    public static IEnumerable<string> Read(string json)
    {
        var text = new StringBuilder();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '"')
            {
                continue;
            }

            text.Clear();
            for (i++; i < json.Length && json[i] != '"'; i++)
            {
                if (json[i] != '\\' || i + 1 >= json.Length)
                {
                    text.Append(json[i]);
                    continue;
                }

                i++;
                switch (json[i])
                {
                    case 'n': text.Append('\n'); break;
                    case 't': text.Append('\t'); break;
                    case 'r': text.Append('\r'); break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'u' when i + 4 < json.Length && int.TryParse(json.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        text.Append((char)code);
                        i += 4;
                        break;
                    default: text.Append(json[i]); break;
                }
            }

            yield return text.ToString();
        }
    }
}
