using System.Text.RegularExpressions;
using Lockstep.Core;

namespace Lockstep.Scaffolding;

/// <summary>What a pipeline scaffold is asked for. <see cref="Validate"/> names the option at fault.</summary>
public sealed partial record PipelineOptions
{
    public required CiTarget Ci { get; init; }

    public IReadOnlyList<string> Stages { get; init; } = PipelineStages.All;

    /// <summary>The model's name; pipelines carry only its slug.</summary>
    public string ModelName { get; init; } = "model";

    /// <summary>The training project's folder. Run with <c>-- --out DIR</c> it writes DIR/model.zip and DIR/report-card.json.</summary>
    public string TrainingProject { get; init; } = "src/Model.Training";

    /// <summary>The training data, the reference for drift.</summary>
    public string Data { get; init; } = "data/dataset.csv";

    public string Policy { get; init; } = "lockstep.yml";

    /// <summary>The share of traffic the canary takes, and the share the previous model keeps as the warm fallback.</summary>
    public int CanaryPercent { get; init; } = 5;

    public const int MaxCanaryPercent = 50;

    public void Validate()
    {
        if (CanaryPercent is < 1 or > MaxCanaryPercent)
        {
            throw new InputException("--canary-percent", null, null, $"expected a whole number from 1 to {MaxCanaryPercent}, got {CanaryPercent}");
        }

        RequirePath(TrainingProject, "--training-project");
        RequirePath(Data, "--data");
        RequirePath(Policy, "--policy");
    }

    /// <summary>Paths are written into CI files unquoted by shells, so they are kept to characters that need no quoting.</summary>
    private static void RequirePath(string path, string option)
    {
        if (!SafePath().IsMatch(path) || path.Split('/').Contains(".."))
        {
            throw new InputException(option, null, null, $"'{path}' is not a relative path of letters, digits, '.', '_', '-' and '/'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePath();
}
