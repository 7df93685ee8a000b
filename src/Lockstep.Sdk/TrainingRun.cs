namespace Lockstep.Sdk;

/// <summary>The seed of this training run, and deterministic random generators derived from it.</summary>
public static class TrainingRun
{
    /// <summary>The seed when neither <c>LOCKSTEP_SEED</c> nor lockstep.yml sets one.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The run's seed: <c>LOCKSTEP_SEED</c>, else <c>seed:</c> in the repository's lockstep.yml, else <see cref="DefaultSeed"/>.</summary>
    public static int Seed => throw new NotImplementedException();

    /// <summary>An independent generator for the named stream, the same in every process for the same seed and name.</summary>
    public static System.Random Random(string stream) => throw new NotImplementedException();
}
