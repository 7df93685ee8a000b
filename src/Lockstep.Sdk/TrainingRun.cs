namespace Lockstep.Sdk;

/// <summary>
/// The seed of this training run, and deterministic random generators derived from it, so that the same commit
/// trains the same model. See docs/sdk.md.
/// </summary>
public static class TrainingRun
{
    /// <summary>The seed when neither <c>LOCKSTEP_SEED</c> nor lockstep.yml sets one.</summary>
    public const int DefaultSeed = 42;

    /// <summary>
    /// The run's seed, from 0 to 2147483647: the <c>LOCKSTEP_SEED</c> environment variable, else <c>seed:</c> in the
    /// repository's lockstep.yml, else <see cref="DefaultSeed"/>. Read once per process.
    /// </summary>
    /// <exception cref="Core.InputException">The seed is not a whole number from 0 to 2147483647; the message names the variable or the file and line.</exception>
    public static int Seed => RunContext.Process.Seed;

    /// <summary>
    /// A generator for the named stream (<c>"shuffle"</c>, <c>"dropout"</c>, …): seeded from <see cref="Seed"/> and
    /// the stream's name, so each stream is independent of the others and the same in every process, on every
    /// machine and .NET version, for the same seed and name. Each call returns a new generator at the start of its
    /// stream.
    /// </summary>
    public static System.Random Random(string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new System.Random(StreamSeed(Seed, stream));
    }

    /// <summary>
    /// The 31-bit seed of a stream: the top bits of XxHash64 of the name keyed by the run's seed. A seeded
    /// <see cref="System.Random(int)"/> keeps the algorithm of .NET Framework on every .NET version, so the sequence
    /// depends on this number only.
    /// </summary>
    internal static int StreamSeed(int seed, string stream) => (int)(StableHash.Keyed(stream, seed) >> 33);
}
