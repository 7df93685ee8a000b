namespace Lockstep.Scaffolding;

/// <summary>The model tasks the scaffolds know: they choose the policy's quality gates and the starter's trainer.</summary>
public static class ModelTasks
{
    public const string BinaryClassification = "binary-classification";

    public const string Regression = "regression";

    public static IReadOnlyList<string> Names { get; } = [BinaryClassification, Regression];
}
