using System.Text.RegularExpressions;

namespace Lockstep.Conventions.Tests;

/// <summary>
/// A clone builds and passes its tests with nothing beside it: no file of the product or its tests reaches into a
/// <c>shared</c> folder next to the repository.
/// </summary>
public partial class SelfContainedTests
{
    private static readonly string[] Roots = ["src", "tests", "templates", "analyzers", "action"];

    private static readonly string[] Skipped = ["node_modules", "bin", "obj"];

    [Fact]
    public void No_file_reads_a_shared_folder_beside_the_repository()
    {
        var files = Files().ToList();

        var offending = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(l => ReadsBeside(l.line))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.file)}:{l.index + 1}: {l.line.Trim()}")
            .ToList();

        Assert.True(files.Count >= 400, $"scanned only {files.Count} files under {string.Join(", ", Roots)}");
        Assert.Contains(Repository.Path("tests/Shared/Repository.cs"), files);
        Assert.Empty(offending);
    }

    // Written with escapes so that this file does not contain what it looks for.
    [Theory]
    [InlineData("Path.Combine(Repository.Root, \"..\", \"shared\", \"fixtures\")")]
    [InlineData("Path.Combine(root, \"..\",\"shared\")")]
    [InlineData("var schemas = \"..\u002Fshared/schemas\";")]
    [InlineData("<None Include=\"..\\..\\..\u005Cshared\\fixtures\\**\" />")]
    [InlineData("const dir = \"..\\\\shared\\\\fixtures\";")]
    public void Each_way_of_naming_the_folder_is_found(string line) => Assert.True(ReadsBeside(line), line);

    [Theory]
    [InlineData("using Lockstep.Tests.Shared;")]
    [InlineData("""<Compile Include="../Shared/Repository.cs" />""")]
    [InlineData("double Noise() => Random.Shared.NextDouble();")]
    public void The_tests_own_shared_helpers_are_not_that_folder(string line) => Assert.False(ReadsBeside(line), line);

    private static bool ReadsBeside(string line) => BesideRepository().IsMatch(line);

    private static IEnumerable<string> Files() =>
        Roots.SelectMany(root => Directory.EnumerateFiles(Repository.Path(root), "*", SearchOption.AllDirectories))
            .Where(file => !Path.GetRelativePath(Repository.Root, file).Split(Path.DirectorySeparatorChar).Any(part => Skipped.Contains(part)));

    // The parent folder and "shared" as two path segments, or joined by a slash or a backslash (doubled in a literal).
    [GeneratedRegex("""("\.\."\s*,\s*"shared")|(\.\.(/|\\{1,2})shared\b)""")]
    private static partial Regex BesideRepository();
}
