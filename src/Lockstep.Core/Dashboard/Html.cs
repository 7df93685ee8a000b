using System.Text;

namespace Lockstep.Core.Dashboard;

/// <summary>
/// Text and attribute values made safe for HTML: a model or feature name is data, never markup. Only the five
/// characters that mean something in HTML are escaped; the page is UTF-8, so × or → stay as they are.
/// </summary>
internal static class Html
{
    public static string Text(string value)
    {
        if (value.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    public static string Attribute(string value) => Text(value);
}
