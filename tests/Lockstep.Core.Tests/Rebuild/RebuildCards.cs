using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Core.Rebuild;

namespace Lockstep.Core.Tests.Rebuild;

/// <summary>A registered card with a commit, a seed, two data pins, metrics, a slice and profiles; the rebuild tests change one thing at a time.</summary>
internal static class RebuildCards
{
    public const string TrainDigest = "4f2a000000000000000000000000000000000000000000000000000000000e7";
    public const string OtherDigest = "9c1b0000000000000000000000000000000000000000000000000000000002";

    public static ReportCard Registered { get; } = new()
    {
        Schema = ReportCard.SchemaId,
        Model = new ModelInfo { Name = "churn", Version = "1.4.0", Task = "binary-classification" },
        Run = new RunInfo { Commit = "0123456789abcdef0123456789abcdef01234567", Repository = "contoso/churn", Seed = 42 },
        Datasets =
        [
            new DatasetReference { Role = "train", Uri = "data/train.csv", Sha256 = TrainDigest, Rows = 1000 },
            new DatasetReference { Role = "test", Uri = "data/test.csv", Sha256 = OtherDigest, Rows = 200 },
        ],
        Metrics = new Dictionary<string, double> { ["auc"] = 0.8412, ["f1"] = 0.7 },
        Slices = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["region=EU"] = new Dictionary<string, double> { ["auc"] = 0.8412 } },
        Features = new Dictionary<string, FeatureProfile>
        {
            ["age"] = new() { Kind = "numeric", Histogram = new Histogram { Edges = [0, 30, 60], Counts = [400, 600] }, Missing = 2 },
            ["city"] = new() { Kind = "categorical", Categories = new Dictionary<string, long> { ["Paris"] = 12, ["Lyon"] = 8 } },
        },
    };

    public static RebuildCheck Check(ReportCard rebuilt, double tolerance = RebuildComparer.DefaultTolerance) => Check(Registered, rebuilt, tolerance);

    public static RebuildCheck Check(ReportCard registered, ReportCard rebuilt, double tolerance = RebuildComparer.DefaultTolerance) =>
        RebuildComparer.Compare(registered, rebuilt, tolerance, new InputDigest("card", "registered.json", new string('a', 64)), new InputDigest("card", "rebuilt.json", new string('b', 64)));

    public static string[] Messages(RebuildCheck check) => [.. check.Differences.Select(d => d.Message)];

    public static ReportCard WithMetrics(this ReportCard card, params (string Name, double Value)[] metrics) =>
        card with { Metrics = metrics.ToDictionary(m => m.Name, m => m.Value) };

    public static ReportCard WithDatasets(this ReportCard card, params DatasetReference[] datasets) => card with { Datasets = datasets };
}
