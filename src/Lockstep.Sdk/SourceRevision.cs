using System.Diagnostics;

namespace Lockstep.Sdk;

/// <summary>The commit and repository a run was trained from: <c>git</c> in the working directory, else the CI's variables.</summary>
internal static class SourceRevision
{
    /// <summary>
    /// <c>git rev-parse HEAD</c> in the working directory, else <c>GITHUB_SHA</c> (GitHub Actions), else
    /// <c>BUILD_SOURCEVERSION</c> (Azure Pipelines); null outside git and CI. The checkout comes first because a job
    /// may check out another commit than the one that started it (a drill rebuilding a registered model), while the
    /// variables still name the commit that started it; they stand in where there is no .git (a container build).
    /// </summary>
    public static string? Commit(RunEnvironment environment) =>
        GitHead(environment.CurrentDirectory) ?? environment.Variable("GITHUB_SHA") ?? environment.Variable("BUILD_SOURCEVERSION");

    /// <summary><c>GITHUB_REPOSITORY</c> (owner/name), else <c>BUILD_REPOSITORY_NAME</c>; null elsewhere.</summary>
    public static string? Repository(RunEnvironment environment) =>
        environment.Variable("GITHUB_REPOSITORY") ?? environment.Variable("BUILD_REPOSITORY_NAME");

    private static string? GitHead(string directory)
    {
        var start = new ProcessStartInfo("git", ["rev-parse", "HEAD"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: the card is written without a commit rather than not at all.
            return null;
        }
    }
}
