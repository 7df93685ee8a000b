using System.Text.RegularExpressions;
using Lockstep.Core;

namespace Lockstep.Scaffolding;

/// <summary>What the starter repository (<c>lockstep scaffold repo</c>, <c>dotnet new lockstep-ml</c>) is asked for.</summary>
public sealed partial record RepositoryOptions
{
    /// <summary>The model's name; also its projects' and namespaces' name, so a C# identifier.</summary>
    public required string Name { get; init; }

    public string Task { get; init; } = ModelTasks.BinaryClassification;

    public CiTarget Ci { get; init; } = CiTarget.GitHub;

    public int CanaryPercent { get; init; } = 5;

    public void Validate()
    {
        if (!Identifier().IsMatch(Name))
        {
            throw new InputException("--name", null, null, $"'{Name}' is not a C# identifier (letters, digits and '_', not starting with a digit): it names the projects and namespaces");
        }

        if (!ModelTasks.Names.Contains(Task))
        {
            throw new InputException("--task", null, null, $"expected one of {string.Join(", ", ModelTasks.Names)}, got '{Task}'");
        }
    }

    public PipelineOptions Pipelines => new()
    {
        Ci = Ci,
        ModelName = Name,
        TrainingProject = $"src/{Name}.Training",
        Data = SyntheticDataset.Path,
        CanaryPercent = CanaryPercent,
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
