namespace Lockstep.Sdk;

/// <summary>Everything the Sdk derives from one process: its files, its seed and its verified data, each worked out once.</summary>
internal sealed class RunContext
{
    private static readonly Lazy<RunContext> ProcessContext = new(() => new RunContext(RunEnvironment.FromProcess()));

    private readonly Lazy<int> seed;

    public RunContext(RunEnvironment environment)
    {
        Environment = environment;
        Files = ProjectFiles.Locate(environment);
        seed = new Lazy<int>(() => SeedSource.Resolve(environment, Files));
        Data = new DataLockVerifier(Files.DataLockFile, environment.CurrentDirectory);
    }

    public static RunContext Process => ProcessContext.Value;

    public RunEnvironment Environment { get; }

    public ProjectFiles Files { get; }

    public int Seed => seed.Value;

    public DataLockVerifier Data { get; }
}
