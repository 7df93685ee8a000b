using Lockstep.Tests.Shared;

namespace Lockstep.Templates.Tests;

/// <summary>The dotnet command as a child process that must succeed; its output otherwise fails the test.</summary>
internal static class Dotnet
{
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = DotnetProcess.Run(workingDirectory, TimeSpan.FromMinutes(4), arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
        return output;
    }
}
