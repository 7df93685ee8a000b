using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Policy;

namespace Lockstep.Scaffolding.Tests;

/// <summary>Inputs the tests render: the demo's policy and report cards, and the files of the repository.</summary>
internal static class Samples
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryRoot, relative)).ReplaceLineEndings("\n");

    /// <summary>A file of the shared inputs beside the repository (<c>../shared</c>).</summary>
    public static string Shared(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", relative));

    public static GatePolicy DemoPolicy() => PolicyReader.Parse(Read("src/Lockstep.Cli/Demo/lockstep.yml"), "lockstep.yml");

    public static ReportCard Card(string name) => ReportCardReader.Parse(Read($"src/Lockstep.Cli/Demo/{name}"), name);

    public static GateResult GateOn(string candidate) => GateEvaluator.Evaluate(
        DemoPolicy(),
        new CardInput(candidate, Card(candidate)),
        new CardInput("baseline.json", Card("baseline.json")),
        [new InputDigest("policy", "lockstep.yml", new string('0', 64))]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Sdk.sln above {AppContext.BaseDirectory}");
    }
}
