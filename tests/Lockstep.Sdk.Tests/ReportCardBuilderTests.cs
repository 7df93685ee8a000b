using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.Json;
using Json.Schema;
using Lockstep.Core.Contracts;
using Lockstep.Tests.Shared;

namespace Lockstep.Sdk.Tests;

public sealed class ReportCardBuilderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);
    private readonly TempRepository repository = new();

    public ReportCardBuilderTests()
    {
        repository.Write("lockstep.yml", "version: 1\nseed: 2024\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");
        repository.Write("data/train.csv", "x,y\n1,0\n2,1\n");
        repository.Write("data/extra.csv", "x,y\n5,1\n");
        repository.Pin("data/train.csv");
    }

    [Fact]
    public void Writes_a_card_the_gate_reads_back_and_the_schema_accepts()
    {
        var builder = Builder(("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567"), ("GITHUB_REPOSITORY", "contoso/churn"))
            .Dataset("train", "data/train.csv", rows: 2)
            .Dataset("extra", "data/extra.csv")
            .RemoteDataset("test", "s3://bucket/test.parquet?versionId=3", rows: 1000)
            .Metric("auc", 0.91)
            .Metric("latency.p99_ms", 12.5)
            .SliceMetric("region=EU", "auc", 0.88)
            .DataSnapshotAt(Now.AddDays(-1))
            .TrainedAt()
            .EvaluatedAt(Now.AddHours(1))
            .Card(intendedUse: "Churn scoring", owners: ["ml-team"], license: "MIT");

        var path = builder.Write("artifacts/report-card.json");
        var json = File.ReadAllText(path);
        var card = ReportCardReader.Parse(json, path);

        Assert.Equal(repository.Path("artifacts/report-card.json"), path);
        Assert.True(Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        Assert.Equal(new ModelInfo { Name = "churn", Version = "1.4.0", Task = "binary-classification" }, card.Model);
        Assert.Equal(new RunInfo { Seed = 2024, Commit = "0123456789abcdef0123456789abcdef01234567", Repository = "contoso/churn" }, card.Run);
        Assert.Equal(
            [
                new DatasetReference { Role = "train", Uri = "data/train.csv", Sha256 = TempRepository.Sha256(repository.Path("data/train.csv")), Rows = 2 },
                new DatasetReference { Role = "extra", Uri = "data/extra.csv", Sha256 = TempRepository.Sha256(repository.Path("data/extra.csv")) },
                new DatasetReference { Role = "test", Uri = "s3://bucket/test.parquet?versionId=3", Rows = 1000 },
            ],
            card.Datasets);
        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.91, ["latency.p99_ms"] = 12.5 }, card.Metrics);
        Assert.Equal(0.88, card.Slices["region=EU"]["auc"]);
        Assert.Equal(new Timeline { DataSnapshotAt = Now.AddDays(-1), TrainedAt = Now, EvaluatedAt = Now.AddHours(1) }, card.Timeline);
        Assert.Equal(("Churn scoring", "MIT"), (card.Card!.IntendedUse, card.Card.License));
        Assert.Equal(["ml-team"], card.Card.Owners);
    }

    [Fact]
    public void The_seed_is_the_runs_seed()
    {
        var card = Builder(("LOCKSTEP_SEED", "99")).Build();

        Assert.Equal(99, card.Run!.Seed);
    }

    [Fact]
    public void Azure_pipelines_variables_name_the_commit_and_repository()
    {
        var card = Builder(("BUILD_SOURCEVERSION", "fedcba9876543210fedcba9876543210fedcba98"), ("BUILD_REPOSITORY_NAME", "churn")).Build();

        Assert.Equal(("fedcba9876543210fedcba9876543210fedcba98", "churn"), (card.Run!.Commit, card.Run.Repository));
    }

    [Fact]
    public void Outside_ci_the_commit_is_git_head()
    {
        var head = CommitThePolicy();

        var card = Builder().Build();

        Assert.Equal(head, card.Run!.Commit);
        Assert.Null(card.Run.Repository);
    }

    [Fact]
    public void A_checkout_of_another_commit_than_the_ci_variable_names_the_checked_out_commit()
    {
        var head = CommitThePolicy();

        var card = Builder(("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567"), ("BUILD_SOURCEVERSION", "fedcba9876543210fedcba9876543210fedcba98")).Build();

        Assert.Equal(head, card.Run!.Commit);
    }

    [Fact]
    public void Outside_git_and_ci_there_is_no_commit()
    {
        Directory.Delete(repository.Path(".git"));

        Assert.Null(Builder().Build().Run!.Commit);
    }

    [Fact]
    public void A_pinned_data_set_that_changed_is_refused()
    {
        repository.Write("data/train.csv", "x,y\n1,1\n2,1\n");

        var error = Assert.Throws<DataLockException>(() => Builder().Dataset("train", "data/train.csv"));

        Assert.Contains("data/train.csv: does not match its pin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_set_is_refused()
    {
        Assert.Throws<FileNotFoundException>(() => Builder().Dataset("train", "data/nowhere.csv"));
    }

    [Fact]
    public void A_metric_given_again_replaces_the_value_and_an_empty_timeline_is_left_out()
    {
        var card = Builder().Metric("auc", 0.5).Metric("auc", 0.9).Build();

        Assert.Equal(0.9, card.Metrics["auc"]);
        Assert.Null(card.Timeline);
        Assert.Null(card.Card);
    }

    [Theory]
    [InlineData(double.NaN, "metric 'auc' is NaN; a report card holds finite numbers")]
    [InlineData(double.PositiveInfinity, "metric 'auc' is ∞; a report card holds finite numbers")]
    [InlineData(double.NegativeInfinity, "metric 'auc' is -∞; a report card holds finite numbers")]
    public void A_metric_that_is_not_finite_is_refused_by_its_name(double value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Builder().Metric("auc", value));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_row_count_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>("rows", () => Builder().RemoteDataset("train", "s3://bucket/train.csv", rows: -1));

    [Fact]
    public void A_slice_metric_that_is_not_finite_is_refused_by_its_slice_and_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Builder().SliceMetric("region=EU", "auc", double.NaN));

        Assert.StartsWith("metric 'auc' of slice 'region=EU' is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_replaces_an_existing_card_and_leaves_no_temporary_file()
    {
        repository.Write("artifacts/report-card.json", "old");

        Builder().Metric("auc", 0.9).Write("artifacts/report-card.json");

        Assert.Equal(["report-card.json"], Directory.GetFiles(repository.Path("artifacts")).Select(Path.GetFileName));
        Assert.Equal(0.9, ReportCardReader.Parse(File.ReadAllText(repository.Path("artifacts/report-card.json")), "card").Metrics["auc"]);
    }

    private ReportCardBuilder Builder(params (string Name, string Value)[] variables) =>
        new(repository.Context(null, variables), new FixedClock(Now), "churn", "1.4.0", "binary-classification");

    /// <summary>Makes the test repository a git repository with lockstep.yml committed; returns the commit.</summary>
    private string CommitThePolicy()
    {
        Directory.Delete(repository.Path(".git"));
        Git("init", "--quiet");
        Git("add", "lockstep.yml");
        Git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "first");
        return Git("rev-parse", "HEAD");
    }

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = repository.Root, RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output;
    }

    // Parsed once: a schema registers its $id for the whole process.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Repository.Read("docs/schemas/report-card.v1.schema.json")));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public void Dispose() => repository.Dispose();
}
