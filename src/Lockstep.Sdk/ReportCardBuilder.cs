using Lockstep.Core.Contracts;

namespace Lockstep.Sdk;

/// <summary>
/// Builds the report card (<c>lockstep.report-card/v1</c>) a training job hands to <c>lockstep gate</c>: the model,
/// the run (<see cref="TrainingRun.Seed"/>, the commit and repository), the data sets with their digests, the
/// metrics overall and per slice, the timeline and the model card's facts. See docs/sdk.md.
/// </summary>
public sealed class ReportCardBuilder
{
    private readonly RunContext context;
    private readonly TimeProvider clock;
    private readonly ModelInfo model;
    private readonly List<DatasetReference> datasets = [];
    private readonly Dictionary<string, double> metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> slices = new(StringComparer.Ordinal);
    private Timeline timeline = new();
    private CardFacts? card;

    /// <param name="task">For example <c>binary-classification</c> or <c>regression</c>.</param>
    public ReportCardBuilder(string modelName, string modelVersion, string? task = null)
        : this(RunContext.Process, TimeProvider.System, modelName, modelVersion, task)
    {
    }

    internal ReportCardBuilder(RunContext context, TimeProvider clock, string modelName, string modelVersion, string? task)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        this.context = context;
        this.clock = clock;
        model = new ModelInfo { Name = modelName, Version = modelVersion, Task = task };
    }

    /// <summary>
    /// A local data file. When it is pinned in data.lock.json it is verified (as <see cref="DataLock.Path"/> does)
    /// and recorded by its pinned path and digest; otherwise its SHA-256 is computed.
    /// </summary>
    /// <param name="role">For example <c>train</c>, <c>validation</c>, <c>test</c>.</param>
    /// <exception cref="DataLockException">The file is pinned but differs from its pin.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative.</exception>
    public ReportCardBuilder Dataset(string role, string path, long? rows = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentOutOfRangeException.ThrowIfNegative(rows ?? 0, nameof(rows));
        var located = context.Data.Locate(path);
        if (located.Pin is { } pin)
        {
            context.Data.Verify(path);
            return Add(new DatasetReference { Role = role, Uri = located.Key!, Sha256 = pin.Sha256, Rows = rows });
        }

        if (!File.Exists(located.FullPath))
        {
            throw new FileNotFoundException($"{path}: the data set's file does not exist", located.FullPath);
        }

        return Add(new DatasetReference { Role = role, Uri = located.Key ?? path, Sha256 = FileSha256.Of(located.FullPath), Rows = rows });
    }

    /// <summary>A data set that is not a local file (<c>s3://…?versionId=…</c>, a dataset registry URI), with its digest when known.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative.</exception>
    public ReportCardBuilder RemoteDataset(string role, string uri, string? sha256 = null, long? rows = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentOutOfRangeException.ThrowIfNegative(rows ?? 0, nameof(rows));
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        return Add(new DatasetReference { Role = role, Uri = uri, Sha256 = sha256, Rows = rows });
    }

    /// <summary>An overall metric, by its flat dotted name (<c>auc</c>, <c>latency.p99_ms</c>); a name given again replaces the value.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite: a gate could not decide on it.</exception>
    public ReportCardBuilder Metric(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        RequireFinite(value, $"metric '{name}'");
        metrics[name] = value;
        return this;
    }

    /// <summary>A metric of one slice of the evaluation data (<c>region=EU</c>), read by a gate with <c>slice:</c>.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite: a gate could not decide on it.</exception>
    public ReportCardBuilder SliceMetric(string slice, string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slice);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        RequireFinite(value, $"metric '{name}' of slice '{slice}'");
        if (!slices.TryGetValue(slice, out var sliceMetrics))
        {
            slices[slice] = sliceMetrics = new Dictionary<string, double>(StringComparer.Ordinal);
        }

        sliceMetrics[name] = value;
        return this;
    }

    /// <summary>When the training data was snapshotted: the start of the model lane's stage strip.</summary>
    public ReportCardBuilder DataSnapshotAt(DateTimeOffset at)
    {
        timeline = timeline with { DataSnapshotAt = at };
        return this;
    }

    /// <summary>When training finished; now when not given.</summary>
    public ReportCardBuilder TrainedAt(DateTimeOffset? at = null)
    {
        timeline = timeline with { TrainedAt = at ?? clock.GetUtcNow() };
        return this;
    }

    /// <summary>When the model was evaluated; now when not given.</summary>
    public ReportCardBuilder EvaluatedAt(DateTimeOffset? at = null)
    {
        timeline = timeline with { EvaluatedAt = at ?? clock.GetUtcNow() };
        return this;
    }

    /// <summary>The model card's facts.</summary>
    public ReportCardBuilder Card(
        string? intendedUse = null, string? limitations = null, string? ethicalConsiderations = null, IEnumerable<string>? owners = null, string? license = null)
    {
        card = new CardFacts
        {
            IntendedUse = intendedUse,
            Limitations = limitations,
            EthicalConsiderations = ethicalConsiderations,
            Owners = owners?.ToList() ?? [],
            License = license,
        };
        return this;
    }

    /// <summary>The report card as it stands, with the run's seed, commit and repository.</summary>
    /// <exception cref="Core.InputException">The seed is invalid (see <see cref="TrainingRun.Seed"/>).</exception>
    public ReportCard Build() => new()
    {
        Schema = ReportCard.SchemaId,
        Model = model,
        Run = new RunInfo
        {
            Seed = context.Seed,
            Commit = SourceRevision.Commit(context.Environment),
            Repository = SourceRevision.Repository(context.Environment),
        },
        Datasets = [.. datasets],
        Metrics = new Dictionary<string, double>(metrics, StringComparer.Ordinal),
        Slices = slices.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(s.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        Timeline = timeline == new Timeline() ? null : timeline,
        Card = card,
    };

    /// <summary>Writes the report card as JSON, through a temporary file so a reader never sees half of it; returns its full path.</summary>
    public string Write(string path)
    {
        var fullPath = Path.GetFullPath(path, context.Environment.CurrentDirectory);
        var json = ReportCardReader.Serialize(Build());
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, json + "\n");
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return fullPath;
    }

    private static void RequireFinite(double value, string what)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{what} is {Core.Numbers.Format(value)}; a report card holds finite numbers", nameof(value));
        }
    }

    private ReportCardBuilder Add(DatasetReference dataset)
    {

        datasets.Add(dataset);
        return this;
    }
}
