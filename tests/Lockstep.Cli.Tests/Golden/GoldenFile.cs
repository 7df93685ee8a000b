using System.Runtime.CompilerServices;

namespace Lockstep.Cli.Tests.Golden;

/// <summary>
/// Compares text with a file checked in beside this class. Set LOCKSTEP_UPDATE_GOLDEN=1 to rewrite the files
/// after an intended change, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Path.GetDirectoryName(ThisFile())!, name);
        if (System.Environment.GetEnvironmentVariable("LOCKSTEP_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run with LOCKSTEP_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
