using System.Diagnostics;

namespace Lockstep.Tests.Shared;

/// <summary>The git command as a child process that must succeed; its error output otherwise fails the test.</summary>
internal static class GitCommand
{
    /// <summary>Runs git in the directory and returns its output, trimmed.</summary>
    public static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} exited {git.ExitCode}: {error}");
        return output.Result.Trim();
    }

    /// <summary>Commits what is staged, as a test author, and returns the commit.</summary>
    public static string Commit(string directory, string message)
    {
        Run(directory, "-c", "user.name=Lockstep tests", "-c", "user.email=tests@lockstep.invalid", "commit", "--quiet", "--no-gpg-sign", "-m", message);
        return Run(directory, "rev-parse", "HEAD");
    }
}
