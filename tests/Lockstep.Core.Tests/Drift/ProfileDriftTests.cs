using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Drift;

public class ProfileDriftTests
{
    private static readonly DriftOptions Options = new();

    [Fact]
    public void Histograms_of_shards_merge_into_the_histogram_of_the_whole()
    {
        var whole = Enumerable.Range(0, 1000).Select(i => (i * 7919 % 1000) / 7.0).ToArray();
        var edges = NumpyHistogram.SturgesEdges(whole.Order().ToArray(), []);

        FeatureProfile ProfileOf(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return new FeatureProfile { Kind = "numeric", Histogram = new Histogram { Edges = edges, Counts = NumpyHistogram.Counts(sorted, edges) } };
        }

        var merged = ProfileDrift.Merge(ProfileDrift.Merge(ProfileOf(whole[..300]), ProfileOf(whole[300..650])), ProfileOf(whole[650..]));

        Assert.Equal(ProfileOf(whole).Histogram!.Counts, merged.Histogram!.Counts);
    }

    [Fact]
    public void Category_profiles_merge_by_adding_counts()
    {
        var a = new FeatureProfile { Kind = "categorical", Categories = new Dictionary<string, long> { ["x"] = 2, ["y"] = 1 }, Missing = 1 };
        var b = new FeatureProfile { Kind = "categorical", Categories = new Dictionary<string, long> { ["y"] = 4, ["z"] = 3 }, Missing = 2 };

        var merged = ProfileDrift.Merge(a, b);

        Assert.Equal(new Dictionary<string, long> { ["x"] = 2, ["y"] = 5, ["z"] = 3 }, merged.Categories);
        Assert.Equal(3, merged.Missing);
    }

    [Fact]
    public void Histograms_over_different_edges_do_not_merge()
    {
        var a = new FeatureProfile { Kind = "numeric", Histogram = new Histogram { Edges = [0, 1, 2], Counts = [1, 1] } };
        var b = new FeatureProfile { Kind = "numeric", Histogram = new Histogram { Edges = [0, 1.5, 2], Counts = [1, 1] } };

        Assert.Throws<MetricException>(() => ProfileDrift.Merge(a, b));
        Assert.Null(ProfileDrift.TryPsi(a, b, EmptyBinRule.Evidently));
    }

    [Fact]
    public void Psi_from_profiles_equals_psi_from_the_raw_data()
    {
        var reference = Enumerable.Range(0, 300).Select(i => (i * 37 % 101) / 10.0).ToArray();
        var current = Enumerable.Range(0, 250).Select(i => (i * 53 % 97 / 8.0) + 1.5).ToArray();
        var drift = FeatureDriftCalculator.Compare(
            "age", FeatureSample.Numeric(reference, reference.Length), FeatureSample.Numeric(current, current.Length), Options);

        var fromProfiles = ProfileDrift.TryPsi(drift.Reference, drift.Current, EmptyBinRule.Evidently);

        // Oracle: Evidently's PSI of these samples re-run with NumPy 1.24.2 (FeatureDriftCalculatorTests).
        Assert.Equal(2.4725011467468407, fromProfiles!.Value, 1e-9);
    }

    [Fact]
    public void Cards_with_comparable_profiles_get_psi_metrics()
    {
        var profile = (long[] counts) => new FeatureProfile { Kind = "numeric", Histogram = new Histogram { Edges = [0, 1, 2, 3], Counts = counts } };
        var baseline = Card(("age", profile([10, 10, 10])));
        var candidate = Card(("age", profile([5, 10, 15])));

        var withPsi = ProfileDrift.WithProfilePsi(candidate, baseline, EmptyBinRule.Evidently);

        // Oracle: NumPy 1.24.2, r = np.array([10, 10, 10]) / 30, c = np.array([5, 10, 15]) / 30,
        // np.sum((r - c) * np.log(r / c)) = 0.1831020481113516.
        Assert.Equal(0.1831020481113516, withPsi.Metrics["drift.psi.age"], 1e-12);
        Assert.Equal(0.1831020481113516, withPsi.Metrics["drift.psi.max"], 1e-12);
    }

    [Fact]
    public void Psi_the_candidate_already_carries_is_kept()
    {
        var profile = new FeatureProfile { Kind = "categorical", Categories = new Dictionary<string, long> { ["a"] = 1 } };
        var candidate = Card(("plan", profile)) with { Metrics = new Dictionary<string, double> { ["drift.psi.max"] = 0.42 } };

        var withPsi = ProfileDrift.WithProfilePsi(candidate, Card(("plan", profile)), EmptyBinRule.Evidently);

        Assert.Equal(0.42, withPsi.Metrics["drift.psi.max"]);
        Assert.Equal(0, withPsi.Metrics["drift.psi.plan"], 1e-15);
    }

    private static ReportCard Card(params (string Name, FeatureProfile Profile)[] features) => new()
    {
        Schema = ReportCard.SchemaId,
        Model = new ModelInfo { Name = "m", Version = "1" },
        Metrics = new Dictionary<string, double>(),
        Features = features.ToDictionary(f => f.Name, f => f.Profile),
    };
}
