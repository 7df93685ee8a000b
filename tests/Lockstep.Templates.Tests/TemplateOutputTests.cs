namespace Lockstep.Templates.Tests;

/// <summary>dotnet new and lockstep scaffold write the same files for the same options: one source, two front doors.</summary>
[Collection(TemplatePackUsers.Name)]
public class TemplateOutputTests(TemplatePack pack)
{
    [Theory]
    [InlineData("github", "binary-classification", 5)]
    [InlineData("github", "regression", 3)]
    [InlineData("azure", "binary-classification", 7)]
    [InlineData("azure", "regression", 10)]
    [InlineData("both", "binary-classification", 50)]
    [InlineData("both", "regression", 1)]
    public void Lockstep_ml_writes_what_lockstep_scaffold_repo_writes(string ci, string task, int canary)
    {
        var created = pack.New($"ml-{ci}-{task}-{canary}", "lockstep-ml", "-n", "ChurnModel", "--ci", ci, "--task", task, "--canary-percent", $"{canary}", "-o", "ChurnModel");
        var scaffolded = Scaffold($"ml-{ci}-{task}-{canary}", "scaffold", "repo", "--name", "ChurnModel", "--ci", ci, "--task", task, "--canary-percent", $"{canary}");

        AssertSameFiles(Path.Combine(scaffolded, "ChurnModel"), Path.Combine(created, "ChurnModel"));
    }

    [Theory]
    [InlineData("binary-classification")]
    [InlineData("regression")]
    public void Lockstep_modelcard_writes_what_lockstep_card_writes(string task)
    {
        var created = pack.New($"card-{task}", "lockstep-modelcard", "-n", "FraudDetector", "--task", task);
        var scaffolded = Scaffold($"card-{task}", "card", "--name", "FraudDetector", "--task", task);

        AssertSameFiles(scaffolded, created);
        Assert.Equal(["MODEL_CARD.md"], LockstepCli.Files(created).Keys);
    }

    [Theory]
    [InlineData("github", 5)]
    [InlineData("azure", 20)]
    [InlineData("both", 10)]
    public void Lockstep_pipeline_writes_what_lockstep_scaffold_pipeline_writes(string ci, int canary)
    {
        var created = pack.New($"pipeline-{ci}", "lockstep-pipeline", "-n", "SpendForecast", "--ci", ci, "--canary-percent", $"{canary}");
        var scaffolded = Scaffold($"pipeline-{ci}", "scaffold", "pipeline", "--ci", ci, "--model-name", "SpendForecast", "--training-project", "src/SpendForecast.Training", "--canary-percent", $"{canary}");

        AssertSameFiles(scaffolded, created);
    }

    private string Scaffold(string name, params string[] arguments)
    {
        var folder = Directory.CreateDirectory(Path.Combine(pack.Root.FullName, "scaffold", name)).FullName;
        var (exitCode, output) = LockstepCli.Run(folder, arguments);
        Assert.True(exitCode == 0, output);
        return folder;
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        var want = LockstepCli.Files(expected);
        var got = LockstepCli.Files(actual);

        Assert.Equal(want.Keys, got.Keys);
        Assert.NotEmpty(want);
        foreach (var (path, bytes) in want)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(got[path]), $"{path} differs:\n--- lockstep\n{System.Text.Encoding.UTF8.GetString(bytes)}\n--- dotnet new\n{System.Text.Encoding.UTF8.GetString(got[path])}");
        }
    }
}
