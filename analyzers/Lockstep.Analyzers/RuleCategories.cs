namespace Lockstep.Analyzers;

internal static class RuleCategories
{
    public const string Randomness = "Randomness";
    public const string DataVersioning = "DataVersioning";
    public const string Determinism = "Determinism";
    public const string Evaluation = "Evaluation";
}
