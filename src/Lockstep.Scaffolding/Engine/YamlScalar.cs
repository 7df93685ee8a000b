using System.Globalization;
using System.Text;

namespace Lockstep.Scaffolding.Engine;

/// <summary>
/// A value written into YAML as a double-quoted scalar, so that whatever it holds — <c>:</c>, <c>#</c>, quotes, line
/// breaks, <c>{{</c> — it reads back as the same string and never as YAML structure.
/// </summary>
public static class YamlScalar
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case var c when c < 0x20 || c is 0x7F or 0x85 or 0x2028 or 0x2029 or 0xFEFF || (c >= 0x80 && c < 0xA0):
                    builder.Append("\\u").Append(c.ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(rune.ToString()); break;
            }
        }

        return builder.Append('"').ToString();
    }
}
