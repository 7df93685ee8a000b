using System.Text.RegularExpressions;

namespace Lockstep.Browser.Tests.Reporting;

/// <summary>The Mermaid code blocks of a markdown text, as GitHub finds them.</summary>
internal static partial class MermaidBlocks
{
    public static IReadOnlyList<string> Of(string markdown) =>
        [.. Block().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["code"].Value)];

    [GeneratedRegex(@"^```mermaid\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
