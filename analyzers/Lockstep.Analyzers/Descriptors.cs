using Microsoft.CodeAnalysis;

namespace Lockstep.Analyzers;

/// <summary>Every rule's descriptor: id, title, message (which says what to do), category, default severity, help page.</summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor UnseededRandom = Create(
        RuleIdentifiers.UnseededRandom,
        RuleCategories.Randomness,
        DiagnosticSeverity.Warning,
        "Random without a seed",
        "'new Random()' has no seed, so every run draws different numbers: use TrainingRun.Random(\"{0}\") or pass a seed from configuration",
        "A Random created without a seed is seeded from entropy: shuffles, samples and initial weights change on every run.");

    public static readonly DiagnosticDescriptor UnseedableRandom = Create(
        RuleIdentifiers.UnseedableRandom,
        RuleCategories.Randomness,
        DiagnosticSeverity.Info,
        "Random source that cannot be seeded",
        "'{0}' cannot be seeded, so the run cannot be repeated: use TrainingRun.Random(\"<stream>\") for training randomness",
        "Random.Shared and RandomNumberGenerator cannot be given a seed; training randomness drawn from them differs on every run.");

    public static readonly DiagnosticDescriptor UnseededMLContext = Create(
        RuleIdentifiers.UnseededMLContext,
        RuleCategories.Randomness,
        DiagnosticSeverity.Warning,
        "MLContext without a seed",
        "'new MLContext()' without a seed shuffles, splits and initializes differently on every run: use new MLContext(seed: TrainingRun.Seed)",
        "An MLContext without a seed draws every random choice of its catalogs from entropy.");

    public static readonly DiagnosticDescriptor EntropySeed = Create(
        RuleIdentifiers.EntropySeed,
        RuleCategories.Randomness,
        DiagnosticSeverity.Info,
        "Seed computed from the clock or entropy",
        "The seed comes from {0}, which differs on every run: use TrainingRun.Seed or a seed from configuration",
        "A seed taken from the clock, a tick count, a new Guid or a hash code is a different seed on every run.");

    public static readonly DiagnosticDescriptor UnseededSplit = Create(
        RuleIdentifiers.UnseededSplit,
        RuleCategories.Randomness,
        DiagnosticSeverity.Info,
        "ML.NET split or shuffle without a seed",
        "'{0}' has no seed and its MLContext is not seeded where it is created: pass seed: TrainingRun.Seed",
        "Without a seed, ML.NET's splits, shuffles, samples and cross-validation folds draw from the MLContext's random source, which is only repeatable when the MLContext was created with a seed.");

    public static readonly DiagnosticDescriptor TorchManualSeedMissing = Create(
        RuleIdentifiers.TorchManualSeedMissing,
        RuleCategories.Randomness,
        DiagnosticSeverity.Warning,
        "TorchSharp used without torch.manual_seed",
        "TorchSharp modules or optimizers are created but torch.manual_seed is never called in this project: call torch.manual_seed(TrainingRun.Seed) before creating them",
        "TorchSharp initializes weights and dropout masks from libtorch's global generator, which is seeded from entropy unless torch.manual_seed is called.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnseededDataLoader = Create(
        RuleIdentifiers.UnseededDataLoader,
        RuleCategories.Randomness,
        DiagnosticSeverity.Warning,
        "Shuffling DataLoader without a seed",
        "This DataLoader shuffles without a seed, and its shuffler ignores torch.manual_seed: pass seed: TrainingRun.Seed",
        "TorchSharp's DataLoader shuffles with its own System.Random, seeded from its seed argument only; torch.manual_seed does not reach it.");

    public static readonly DiagnosticDescriptor TorchReseed = Create(
        RuleIdentifiers.TorchReseed,
        RuleCategories.Randomness,
        DiagnosticSeverity.Info,
        "Non-deterministic TorchSharp reseed",
        "'{0}' reseeds from entropy, so the run cannot be repeated: use torch.manual_seed(TrainingRun.Seed)",
        "torch.seed(), torch.random.seed() and Generator.seed() replace the seed with a non-deterministic one.");

    public static readonly DiagnosticDescriptor DataFrameSample = Create(
        RuleIdentifiers.DataFrameSample,
        RuleCategories.Randomness,
        DiagnosticSeverity.Info,
        "DataFrame.Sample cannot be seeded",
        "DataFrame.Sample cannot be seeded: draw the row indices with TrainingRun.Random(\"<stream>\") and select them from the DataFrame",
        "Microsoft.Data.Analysis's DataFrame.Sample uses an unseeded Random, so it returns different rows on every run.");

    public static readonly DiagnosticDescriptor UnpinnedDataPath = Create(
        RuleIdentifiers.UnpinnedDataPath,
        RuleCategories.DataVersioning,
        DiagnosticSeverity.Warning,
        "Data file not pinned",
        "Data file '{0}' is not pinned in data.lock.json: pin it with 'lockstep data pin {0}' and read it through DataLock.Path(\"{0}\")",
        "A data file read by path can change under the same commit; pinning its SHA-256 in data.lock.json makes a changed file an error instead of a silently different model.");

    public static readonly DiagnosticDescriptor MutableDataReference = Create(
        RuleIdentifiers.MutableDataReference,
        RuleCategories.DataVersioning,
        DiagnosticSeverity.Warning,
        "Data reference that moves",
        "'{0}' refers to '{1}', which changes over time: refer to a fixed version (a commit, a version id or a dated snapshot)",
        "References such as latest, current, main or master point at different data tomorrow.");

    public static readonly DiagnosticDescriptor UnpinnedRemoteData = Create(
        RuleIdentifiers.UnpinnedRemoteData,
        RuleCategories.DataVersioning,
        DiagnosticSeverity.Info,
        "Remote data not pinned to a version",
        "Remote data '{0}' is not pinned to a version: {1}",
        "Remote objects can be replaced in place; only a version id, a commit SHA or a content hash names the bytes a model was trained on.");

    public static readonly DiagnosticDescriptor MachineSpecificPath = Create(
        RuleIdentifiers.MachineSpecificPath,
        RuleCategories.DataVersioning,
        DiagnosticSeverity.Info,
        "Machine-specific absolute path",
        "'{0}' is a path on one person's machine: use a path relative to the repository and read it through DataLock.Path",
        "A home-directory path exists on one machine only; CI and colleagues cannot reproduce the run.");

    public static readonly DiagnosticDescriptor ProcessRandomizedHash = Create(
        RuleIdentifiers.ProcessRandomizedHash,
        RuleCategories.Determinism,
        DiagnosticSeverity.Info,
        "Process-randomized hash used as data",
        "'{0}' differs between processes (string hashing is randomized in .NET): use StableHash.Of or StableHash.Bucket for buckets, splits and stored values",
        "string.GetHashCode and System.HashCode are seeded per process, so buckets, splits or stored hashes built on them change on every run.");

    public static readonly DiagnosticDescriptor UnorderedFileEnumeration = Create(
        RuleIdentifiers.UnorderedFileEnumeration,
        RuleCategories.Determinism,
        DiagnosticSeverity.Info,
        "File enumeration without an order",
        "'{0}' returns entries in file-system order, which differs between machines: sort them, e.g. .OrderBy(p => p, StringComparer.Ordinal)",
        "Directory listings come back in the file system's order, which differs between operating systems, file systems and copies of the same folder.");

    public static readonly DiagnosticDescriptor ParallelFloatReduction = Create(
        RuleIdentifiers.ParallelFloatReduction,
        RuleCategories.Determinism,
        DiagnosticSeverity.Info,
        "Parallel floating-point reduction",
        "{0} adds floating-point values in a different order on every run: reduce sequentially, or in fixed partitions combined in order",
        "Floating-point addition is not associative; a parallel reduction's result depends on how the work was split and scheduled.");

    public static readonly DiagnosticDescriptor UnpinnedTrainerThreads = Create(
        RuleIdentifiers.UnpinnedTrainerThreads,
        RuleCategories.Determinism,
        DiagnosticSeverity.Info,
        "Trainer threads or determinism not pinned",
        "'{0}' leaves {1} unset, so results depend on the machine and its scheduling: set {1}",
        "LightGBM is deterministic only with Deterministic and a Seed; FastTree and SDCA results depend on the number of threads unless NumberOfThreads is set.");

    public static readonly DiagnosticDescriptor EvaluateOnTrainSet = Create(
        RuleIdentifiers.EvaluateOnTrainSet,
        RuleCategories.Evaluation,
        DiagnosticSeverity.Info,
        "Evaluation on the training split",
        "This evaluation reads TrainTestData.TrainSet, the rows the model was trained on: evaluate on TestSet",
        "Metrics measured on the training rows overstate the model's quality and make the evaluation gate meaningless.");

    private static DiagnosticDescriptor Create(
        string id, string category, DiagnosticSeverity severity, string title, string message, string description, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinks.For(id), tags);
}
