using System.Text;
using System.Text.RegularExpressions;
using Lockstep.Core;

namespace Lockstep.Scaffolding;

/// <summary>
/// Hand-written text inside a generated file: a region between <c>lockstep:keep ID</c> and <c>lockstep:end ID</c>
/// marker lines (in an HTML comment in markdown, after <c>#</c> in YAML). A re-render keeps each region's text;
/// the generated text around it is replaced.
/// </summary>
public static partial class KeptRegions
{
    /// <summary>The text of every region of <paramref name="text"/>, by id, in order.</summary>
    public static IReadOnlyDictionary<string, string> Read(string text, string source)
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in Parse(text, source))
        {
            regions[region.Id] = region.Body;
        }

        return regions;
    }

    /// <summary>
    /// The new rendering with each region's text taken from the existing file. A region the new rendering no longer
    /// has is appended at the end, so hand-written text is never lost.
    /// </summary>
    public static string Merge(string rendered, string existing, string source)
    {
        var kept = Read(existing, source);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var lines = Lines(rendered);
        var output = new StringBuilder(rendered.Length);
        var regions = Parse(rendered, "the template").ToDictionary(r => r.StartLine);
        for (var i = 0; i < lines.Count; i++)
        {
            if (regions.TryGetValue(i, out var region) && kept.TryGetValue(region.Id, out var body))
            {
                output.Append(lines[i]).Append(body);
                used.Add(region.Id);
                i = region.EndLine - 1;
                continue;
            }

            output.Append(lines[i]);
        }

        foreach (var orphan in Parse(existing, source).Where(r => !used.Contains(r.Id)))
        {
            output.Append('\n').Append(orphan.Text);
        }

        return output.ToString();
    }

    /// <summary>The text with every region's body removed: what "generated" means when checking for hand edits.</summary>
    public static string WithoutBodies(string text, string source)
    {
        var lines = Lines(text);
        var output = new StringBuilder(text.Length);
        var regions = Parse(text, source).ToDictionary(r => r.StartLine);
        for (var i = 0; i < lines.Count; i++)
        {
            output.Append(lines[i]);
            if (regions.TryGetValue(i, out var region))
            {
                i = region.EndLine - 1;
            }
        }

        return output.ToString();
    }

    private static List<Region> Parse(string text, string source)
    {
        var lines = Lines(text);
        var regions = new List<Region>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (!marker.Success)
            {
                continue;
            }

            var id = marker.Groups["id"].Value;
            if (marker.Groups["kind"].Value == "end")
            {
                throw new InputException(source, i + 1, "lockstep:end", $"'lockstep:end {id}' without a 'lockstep:keep {id}' before it");
            }

            if (!seen.Add(id))
            {
                throw new InputException(source, i + 1, "lockstep:keep", $"the region '{id}' appears twice");
            }

            var end = FindEnd(lines, i + 1, id) ?? throw new InputException(source, i + 1, "lockstep:keep", $"the region '{id}' has no 'lockstep:end {id}' line");
            regions.Add(new Region(id, i, end, string.Concat(lines.Skip(i + 1).Take(end - i - 1)), string.Concat(lines.Skip(i).Take(end - i + 1))));
            i = end;
        }

        return regions;
    }

    private static int? FindEnd(List<string> lines, int from, string id)
    {
        for (var j = from; j < lines.Count; j++)
        {
            var marker = Marker().Match(lines[j]);
            if (marker.Success)
            {
                return marker.Groups["kind"].Value == "end" && marker.Groups["id"].Value == id ? j : null;
            }
        }

        return null;
    }

    /// <summary>The lines with their line breaks, so joining them gives the text back.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    [GeneratedRegex(@"^\s*(?:<!--|#)\s*lockstep:(?<kind>keep|end)\s+(?<id>[a-z0-9][a-z0-9-]*)\s*(?:-->)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    /// <summary>A region: its marker lines' indexes, the text between them, and the whole region with its markers.</summary>
    private sealed record Region(string Id, int StartLine, int EndLine, string Body, string Text);
}
