using Lockstep.Cli;

namespace Lockstep.Templates.Tests;

/// <summary>The lockstep command, run in-process in a working directory.</summary>
internal static class LockstepCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, new Dictionary<string, string>(), workingDirectory, false);
        var exitCode = Task.Run(() => LockstepCommand.RunAsync(arguments, context)).GetAwaiter().GetResult();
        return (exitCode, output.ToString() + error);
    }

    /// <summary>Every file below a folder, by relative path with '/', except the generated-files manifest.</summary>
    public static SortedDictionary<string, byte[]> Files(string folder) => new(
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith(".lockstep/", StringComparison.Ordinal))
            .ToDictionary(path => path, path => File.ReadAllBytes(Path.Combine(folder, path))),
        StringComparer.Ordinal);
}
