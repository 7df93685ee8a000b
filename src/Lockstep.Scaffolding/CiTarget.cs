namespace Lockstep.Scaffolding;

/// <summary>Which CI the pipelines are written for.</summary>
public enum CiTarget
{
    GitHub,
    Azure,
    Both,
}

public static class CiTargets
{
    public static IReadOnlyList<string> Names { get; } = ["github", "azure", "both"];

    public static CiTarget Parse(string name) => name switch
    {
        "github" => CiTarget.GitHub,
        "azure" => CiTarget.Azure,
        "both" => CiTarget.Both,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "expected github, azure or both"),
    };

    public static string Name(CiTarget target) => Names[(int)target];

    public static bool IncludesGitHub(this CiTarget target) => target is CiTarget.GitHub or CiTarget.Both;

    public static bool IncludesAzure(this CiTarget target) => target is CiTarget.Azure or CiTarget.Both;
}
