using System.CommandLine;
using System.Text.RegularExpressions;

namespace Lockstep.Conventions.Tests;

/// <summary>The <c>lockstep …</c> command lines written in the README and docs: in fenced blocks and in inline code.</summary>
internal static partial class CommandLinesInDocs
{
    /// <summary>One command line: the document, the words after <c>lockstep</c>, and the line as written.</summary>
    public sealed record CommandLine(string Document, IReadOnlyList<string> Words, string Text);

    public static IEnumerable<string> Documents() =>
        Directory.GetFiles(Repository.Path("docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(Repository.Path("."), path).Replace('\\', '/'))
            .Prepend("README.md");

    public static IEnumerable<CommandLine> In(string document)
    {
        var text = Repository.Read(document).ReplaceLineEndings("\n");
        var code = FencedBlock().Matches(text).Select(m => m.Groups["body"].Value.Replace("\\\n", " ", StringComparison.Ordinal))
            .SelectMany(block => block.Split('\n'))
            .Concat(InlineCode().Matches(FencedBlock().Replace(text, string.Empty)).Select(m => m.Groups["code"].Value));
        foreach (var line in code)
        {
            foreach (var part in Separator().Split(line.Split(" #", 2)[0]))
            {
                if (Invocation().Match(part) is { Success: true } match)
                {
                    yield return new CommandLine(document, Words(match.Groups["rest"].Value), part.Trim());
                }
            }
        }
    }

    /// <summary>
    /// The options in the first column of the tables under a heading that names a command (<c>## `lockstep report`</c>),
    /// as <c>lockstep report --gate</c>, up to the next heading of the same or a higher level.
    /// </summary>
    public static IEnumerable<string> OptionTables(string document, Command root)
    {
        (int Level, string Path)? section = null;
        foreach (var line in Repository.Read(document).ReplaceLineEndings("\n").Split('\n'))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups["level"].Length;
                if (InlineCode().Match(heading.Groups["title"].Value) is { Success: true } code && Invocation().Match(code.Groups["code"].Value) is { Success: true } named)
                {
                    section = (level, Resolve(root, Words(named.Groups["rest"].Value)).Path);
                }
                else if (section is { } current && level <= current.Level)
                {
                    section = null;
                }
            }
            else if (section is { } current && line.StartsWith('|'))
            {
                foreach (Match option in TableOption().Matches(line.Split('|')[1]))
                {
                    yield return $"{current.Path} {option.Value}";
                }
            }
        }
    }

    /// <summary>The command the words name (the deepest subcommand they spell) and the options they give it.</summary>
    public static (Command Command, string Path, IReadOnlyList<string> Options) Resolve(Command root, IReadOnlyList<string> words)
    {
        var command = root;
        var path = new List<string> { "lockstep" };
        var i = 0;
        for (; i < words.Count && command.Subcommands.FirstOrDefault(c => c.Name == words[i]) is { } sub; i++)
        {
            command = sub;
            path.Add(sub.Name);
        }

        var options = words.Skip(i).Where(w => w.StartsWith("--", StringComparison.Ordinal) && w.Length > 2)
            .Select(w => OptionName().Match(w).Value)
            .Where(option => option.Length > 0)
            .ToList();
        return (command, string.Join(' ', path), options);
    }

    /// <summary>Every name an option answers to on a command, its own and those it inherits (<c>--help</c>).</summary>
    public static HashSet<string> OptionNames(Command command, Command root) =>
        command.Options.Concat(root.Options.Where(o => o.Recursive))
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .ToHashSet(StringComparer.Ordinal);

    private static List<string> Words(string rest) =>
        rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('`', ',', ')', '(', '[', ']', '"', '\'')).ToList();

    [GeneratedRegex(@"^(?<indent>[ \t]*)```[^\n]*\n(?<body>.*?)^\k<indent>```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex("`(?<code>[^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\s(?:&&|\|\||\||;)\s|\$\(")]
    private static partial Regex Separator();

    [GeneratedRegex(@"(?:^|[\s(""'=])lockstep(?<rest>(?:\s+\S+)*)\s*$")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex("(?<=`)--[A-Za-z0-9-]+")]
    private static partial Regex TableOption();

    [GeneratedRegex("^--[A-Za-z0-9-]+")]
    private static partial Regex OptionName();
}
