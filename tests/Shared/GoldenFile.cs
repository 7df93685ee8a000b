namespace Lockstep.Tests.Shared;

/// <summary>
/// Compares text with a golden file checked in under tests/{test project}/Golden (copied beside the test
/// assembly). Set LOCKSTEP_UPDATE_GOLDEN=1 to rewrite the checked-in files after an intended change, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("LOCKSTEP_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), name), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        Assert.True(File.Exists(path), $"golden file {name} is missing; run the tests with LOCKSTEP_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sdk.sln")))
            {
                return Path.Combine(directory.FullName, "tests", typeof(GoldenFile).Assembly.GetName().Name!, "Golden");
            }
        }

        throw new InvalidOperationException("Sdk.sln not found above the test assembly");
    }
}
