using System.Text.Json.Serialization;
using Lockstep.Core.Json;

namespace Lockstep.Core.Dora;

/// <summary>Which commit time a lead time starts from.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<CommitTime>))]
public enum CommitTime
{
    Committed,
    Authored,
}

/// <summary>The <c>dora:</c> section of lockstep.yml: windows, attribution, and what counts as production per lane.</summary>
public sealed record DoraSettings
{
    public static readonly IReadOnlyList<string> DefaultEnvironments = ["production", "prod", "production-*", "prod-*"];

    public int WindowDays { get; init; } = 30;

    public double AttributionHours { get; init; } = 24;

    public CommitTime CommitTime { get; init; } = CommitTime.Committed;

    /// <summary>Environment names or <c>*</c> patterns whose deployments count, per lane.</summary>
    public IReadOnlyDictionary<Lane, IReadOnlyList<string>> Environments { get; init; } = new Dictionary<Lane, IReadOnlyList<string>>
    {
        [Lane.Code] = DefaultEnvironments,
        [Lane.Model] = DefaultEnvironments,
    };

    /// <summary>
    /// Per lane, the GitHub issue labels that make an issue one of the lane's incidents (any one of them); read by the
    /// GitHub source (<c>lockstep events github</c>).
    /// </summary>
    public IReadOnlyDictionary<Lane, IReadOnlyList<string>> IncidentLabels { get; init; } = new Dictionary<Lane, IReadOnlyList<string>>
    {
        [Lane.Code] = ["incident"],
        [Lane.Model] = ["model-incident"],
    };

    /// <summary>
    /// Per lane, the GitHub Actions workflows (file name or id) whose runs are the lane's deployments, instead of
    /// GitHub deployments; none by default. Read by the GitHub source.
    /// </summary>
    public IReadOnlyDictionary<Lane, IReadOnlyList<string>> DeployWorkflows { get; init; } = new Dictionary<Lane, IReadOnlyList<string>>
    {
        [Lane.Code] = [],
        [Lane.Model] = [],
    };

    /// <summary>The policy key that names a lane's environments: <c>dora.lanes.model.environments</c>.</summary>
    public static string EnvironmentsKey(Lane lane) => lane == Lane.Code ? "dora.lanes.code.environments" : "dora.lanes.model.environments";

    public bool CountsAsProduction(Lane lane, string environment) =>
        (Environments.TryGetValue(lane, out var patterns) ? patterns : DefaultEnvironments).Any(pattern => Matches(pattern, environment));

    /// <summary>Case-insensitive match where <c>*</c> stands for any run of characters.</summary>
    public static bool Matches(string pattern, string value)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
        }

        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0)
            {
                if (!value.StartsWith(part, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                position = part.Length;
            }
            else if (i == parts.Length - 1)
            {
                return value.Length - position >= part.Length && value.EndsWith(part, StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                var found = value.IndexOf(part, position, StringComparison.OrdinalIgnoreCase);
                if (found < 0)
                {
                    return false;
                }

                position = found + part.Length;
            }
        }

        return true;
    }
}
