namespace Lockstep.Conventions.Tests;

/// <summary>
/// The release workflow's guard, run as the runner runs it: v&lt;major&gt; moves only to a commit whose action.yml runs
/// exactly the image that release pushes.
/// </summary>
public sealed class ReleaseWorkflowStepTests : IDisposable
{
    private const string Step = "The action names this release's image";

    private static readonly string Release = Repository.Read(".github/workflows/release.yml");

    private static readonly Dictionary<string, string> Version = new()
    {
        ["IMAGE"] = "ghcr.io/lockstep-ml/lockstep",
        ["VERSION"] = "1.4.2",
    };

    private readonly DirectoryInfo workspace = Directory.CreateTempSubdirectory("lockstep-release-step-");

    [Fact]
    public void It_passes_when_action_yml_runs_the_image_of_the_tagged_version()
    {
        WriteAction("docker://ghcr.io/lockstep-ml/lockstep:1.4.2");

        var (exitCode, output) = WorkflowStep.Run(Release, "release", Step, workspace.FullName, Version);

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("action/Dockerfile")]
    [InlineData("docker://ghcr.io/lockstep-ml/lockstep:1.4.1")]
    [InlineData("docker://ghcr.io/lockstep-ml/lockstep:1")]
    [InlineData("docker://ghcr.io/someone-else/lockstep:1.4.2")]
    public void It_stops_the_release_when_action_yml_runs_another_image(string image)
    {
        WriteAction(image);

        var (exitCode, output) = WorkflowStep.Run(Release, "release", Step, workspace.FullName, Version);

        Assert.Equal(1, exitCode);
        Assert.Contains($"::error file=action.yml::image is {image}, not docker://ghcr.io/lockstep-ml/lockstep:1.4.2", output, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Delete(recursive: true);

    /// <summary>The repository's action.yml with its image replaced.</summary>
    private void WriteAction(string image)
    {
        var lines = Repository.Read("action.yml").Split('\n').Select(line => line.StartsWith("  image: ", StringComparison.Ordinal) ? $"  image: {image}" : line);
        File.WriteAllText(Path.Combine(workspace.FullName, "action.yml"), string.Join('\n', lines));
    }
}
