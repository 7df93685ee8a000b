namespace Lockstep.Core.Dora;

/// <summary>
/// The disaster-recovery drills an incident can stand for (its <c>drill</c> field): losing the feature store, the model
/// registry or the training cluster. A drill is timed like an incident but never counted as one.
/// </summary>
public static class DrillScenarios
{
    public const string FeatureStore = "feature-store";

    public const string ModelRegistry = "model-registry";

    public const string TrainingCluster = "training-cluster";

    /// <summary>Every scenario, in the order the article drills them.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The scenarios as a sentence, for messages and help.</summary>
    public const string Expected = "feature-store, model-registry or training-cluster";

    internal static readonly string[] Names = [FeatureStore, ModelRegistry, TrainingCluster];

    public static bool IsKnown(string scenario) => Array.IndexOf(Names, scenario) >= 0;
}
