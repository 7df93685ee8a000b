using Lockstep.Tests.Shared;
using System.Text;
using System.Text.RegularExpressions;

namespace Lockstep.Cli.Tests.Docs;

/// <summary>
/// docs/getting-started.md runs as written: its bash blocks, in order, in an empty folder, against the real command,
/// each command with the exit code the doc states in a comment (<c># … exit 1</c>), else 0.
/// </summary>
public sealed partial class GettingStartedTests : IDisposable
{
    /// <summary>Installing the tool changes the machine; the test runs the command in-process instead.</summary>
    private static readonly string[] InstallSteps = ["build/release.sh ", "dotnet pack src/Lockstep.Cli ", "dotnet tool install "];

    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void The_walk_through_runs_as_written()
    {
        var steps = Steps(Repository.Read("docs/getting-started.md")).ToList();

        Assert.Empty(steps.Where(s => s.Args is null && s.File is null).Select(s => s.Line));
        Assert.True(steps.Count(s => s.Args is not null) >= 9, $"expected the walk-through's commands, found {steps.Count}");
        foreach (var step in steps)
        {
            if (step.Args is null)
            {
                cli.Write(step.File!, step.Content!);
                continue;
            }

            var run = cli.Run(step.Args);
            Assert.True(run.ExitCode == step.ExitCode, $"`{step.Line}` should exit {step.ExitCode}:\n{run}");
        }

        Assert.All(["candidate.json", "drift.json", "freshness.json", "result.json", "report.md", "dora.json", "pr-comment.md"], file => Assert.True(cli.Exists(file), file));
        Assert.Contains("## ", cli.Read("pr-comment.md"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A command to run (<see cref="Args"/>), a file to write (<see cref="File"/>, from a here-document), or neither: a
    /// line the test cannot run, which fails it, so that the walk-through stays runnable.
    /// </summary>
    private sealed record Step(string Line, string[]? Args, int ExitCode, string? File = null, string? Content = null);

    private static IEnumerable<Step> Steps(string markdown)
    {
        foreach (var block in Blocks(markdown))
        {
            var lines = Lines(block).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (HereDocument().Match(line) is { Success: true } heredoc)
                {
                    var end = lines.IndexOf("EOF", i + 1);
                    Assert.True(end > i, $"here-document without EOF: {line}");
                    yield return new Step(line, null, 0, heredoc.Groups["file"].Value, string.Join('\n', lines[(i + 1)..end]) + "\n");
                    i = end;
                }
                else if (line.StartsWith("lockstep ", StringComparison.Ordinal))
                {
                    var (command, comment) = line.Split(" #", 2) is [var c, var rest] ? (c, rest) : (line, string.Empty);
                    var exit = ExitCode().Match(comment) is { Success: true } stated ? int.Parse(stated.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                    yield return new Step(line, Words(command)[1..], exit);
                }
                else if (line.Length > 0 && !line.StartsWith('#') && !InstallSteps.Any(line.StartsWith))
                {
                    yield return new Step(line, null, 0);
                }
            }
        }
    }

    /// <summary>The bodies of the ```bash blocks.</summary>
    private static IEnumerable<string> Blocks(string markdown) =>
        BashBlock().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["body"].Value);

    /// <summary>The block's lines, with backslash continuations joined.</summary>
    private static IEnumerable<string> Lines(string block) =>
        Continuation().Replace(block, " ").Split('\n').Select(line => line.Trim());

    /// <summary>Shell words: split at spaces, with single and double quotes; a variable is refused, since the folder has none.</summary>
    private static string[] Words(string command)
    {
        Assert.DoesNotContain('$', command);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                (quote, inWord) = (c, true);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    (word, inWord) = (new StringBuilder(), false);
                }
            }
            else
            {
                (inWord, _) = (true, word.Append(c));
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    [GeneratedRegex("^```bash\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"\\\n\s*")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"^cat > (?<file>\S+) <<'EOF'$")]
    private static partial Regex HereDocument();

    [GeneratedRegex(@"\bexit (?<code>\d)\b")]
    private static partial Regex ExitCode();
}
