namespace Lockstep.Core.Reporting;

/// <summary>
/// Where a gate's policy line is, as the PR comment names it: the policy file's path from the repository root, and,
/// on a platform that shows files by commit, the address of that commit's tree (e.g.
/// <c>https://github.com/o/r/blob/&lt;sha&gt;/</c>) so each reason links to its line. The Cli computes it; an absolute
/// runner path never reaches a comment.
/// </summary>
/// <param name="Path">The policy file from the repository root, with forward slashes (or as typed, outside one).</param>
/// <param name="Tree">The address the path is appended to, ending in <c>/</c>; null where there is none.</param>
public sealed record PolicyLink(string Path, Uri? Tree = null)
{
    /// <summary>The markdown for one line of the policy: <c>[lockstep.yml line 7](…/lockstep.yml#L7)</c>, or the plain words.</summary>
    public string Line(int line)
    {
        var words = FormattableString.Invariant($"{Path} line {line}");
        return Tree is null
            ? MarkdownText.Cell(words)
            : FormattableString.Invariant($"[{MarkdownText.Cell(words)}]({Tree}{string.Join('/', Path.Split('/').Select(Uri.EscapeDataString))}#L{line})");
    }
}
