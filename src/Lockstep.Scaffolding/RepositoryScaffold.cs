using System.Security.Cryptography;
using System.Text;
using Lockstep.Core.Pinning;
using Lockstep.Core.Policy;
using Scriban.Runtime;

namespace Lockstep.Scaffolding;

/// <summary>
/// The starter repository: a training project on Lockstep.Sdk and ML.NET, its tests, pinned synthetic data, the
/// policy, runbook and model card, and the pipelines — everything a first pull request needs to be gated.
/// </summary>
public static class RepositoryScaffold
{
    public static IReadOnlyList<GeneratedFile> Render(Scaffolder scaffolder, RepositoryOptions options)
    {
        options.Validate();
        var data = SyntheticDataset.Csv(options.Task);
        var model = Model(options);
        var policy = scaffolder.Policy(options.Task, firstModelAllowed: true);
        var name = options.Name;

        List<GeneratedFile> files =
        [
            new("README.md", scaffolder.Render("repo/README.md.sbn", model)),
            new(".gitignore", scaffolder.Render("repo/gitignore.sbn", model)),
            new("Directory.Build.props", scaffolder.Render("repo/Directory.Build.props.sbn", model)),
            new($"{name}.slnx", scaffolder.Render("repo/solution.slnx.sbn", model)),
            new($"src/{name}.Training/{name}.Training.csproj", scaffolder.Render("repo/training.csproj.sbn", model)),
            new($"src/{name}.Training/Program.cs", scaffolder.Render("repo/Program.cs.sbn", model)),
            new($"src/{name}.Training/ModelTraining.cs", scaffolder.Render("repo/ModelTraining.cs.sbn", model)),
            new($"tests/{name}.Tests/{name}.Tests.csproj", scaffolder.Render("repo/tests.csproj.sbn", model)),
            new($"tests/{name}.Tests/TrainingTests.cs", scaffolder.Render("repo/TrainingTests.cs.sbn", model)),
            new(SyntheticDataset.Path, data),
            new(DataLockFile.FileName, DataLock(data)),
            policy,
            scaffolder.Runbook(PolicyReader.Parse(policy.Content, policy.Path), policy.Path),
            scaffolder.ModelCardPlaceholder(name, options.Task),
        ];
        files.AddRange(scaffolder.Pipelines(options.Pipelines));
        return files;
    }

    private static ScriptObject Model(RepositoryOptions options) => new()
    {
        ["name"] = options.Name,
        ["task"] = options.Task,
        ["data"] = SyntheticDataset.Path,
        ["rows"] = SyntheticDataset.Rows,
        ["canary_percent"] = options.CanaryPercent,
        ["ci_github"] = options.Ci.IncludesGitHub(),
        ["ci_azure"] = options.Ci.IncludesAzure(),
        ["lockstep_version"] = LockstepVersion.Current,
        ["packages"] = new ScriptObject
        {
            ["microsoft_ml"] = StarterPackages.MicrosoftMl,
            ["test_sdk"] = StarterPackages.TestSdk,
            ["xunit"] = StarterPackages.Xunit,
            ["xunit_runner"] = StarterPackages.XunitRunner,
        },
    };

    private static string DataLock(string data)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
        return DataLockJson.Serialize(new DataLockFile
        {
            Schema = DataLockFile.SchemaId,
            Files = new Dictionary<string, DataPin>(StringComparer.Ordinal)
            {
                [SyntheticDataset.Path] = new DataPin { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Size = bytes.Length },
            },
        });
    }
}
