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
        // One category holds every value: PSI is 0 whatever the sample, so it has no p-value.
        Assert.False(withPsi.Metrics.ContainsKey("drift.psi_p_value.plan"));
        Assert.False(withPsi.Metrics.ContainsKey("drift.psi_min_detectable.plan"));
    }

    [Theory]
    [InlineData("evidently")]
    [InlineData("quantile")]
    public void Profile_psi_significance_equals_the_drift_commands_on_the_same_counts(string binning)
    {
        // Sturges or decile edges, with missing values on both sides; then a numeric feature binned by value, and categories.
        var options = new DriftOptions { Binning = binning == "quantile" ? BinningMode.Quantile : BinningMode.Evidently };
        var reference = Enumerable.Range(0, 400).Select(i => i % 37 == 0 ? double.NaN : (i * 37 % 101) / 10.0).ToArray();
        var current = Enumerable.Range(0, 350).Select(i => i % 29 == 0 ? double.NaN : (i * 53 % 97 / 9.0) + 0.4).ToArray();
        var counts = Enumerable.Range(0, 500).Select(i => (double)(i * 7 % 6)).ToArray();
        var shifted = Enumerable.Range(0, 300).Select(i => (double)(i * 11 % 7)).ToArray();
        var features = new[]
        {
            FeatureDriftCalculator.Compare("age", FeatureSample.Numeric(reference, reference.Length), FeatureSample.Numeric(current, current.Length), options),
            FeatureDriftCalculator.Compare("visits", FeatureSample.Numeric(counts, counts.Length), FeatureSample.Numeric(shifted, shifted.Length), options),
            FeatureDriftCalculator.Compare(
                "plan",
                FeatureSample.Categorical(new Dictionary<string, long> { ["basic"] = 50, ["pro"] = 30, ["team"] = 20 }, missing: 4),
                FeatureSample.Categorical(new Dictionary<string, long> { ["basic"] = 35, ["pro"] = 40, ["enterprise"] = 5 }, missing: 0),
                options),
        };

        var withPsi = ProfileDrift.WithProfilePsi(
            Card(features.Select(f => (f.Feature, f.Current)).ToArray()), Card(features.Select(f => (f.Feature, f.Reference)).ToArray()), EmptyBinRule.Evidently);

        var byDriftCommand = DriftReport.SummaryMetrics(features);
        Assert.Equal(3, features.Count(f => f.PsiPValue is not null && f.PsiMinDetectable is not null));
        foreach (var name in byDriftCommand.Keys.Where(n => n.StartsWith("drift.psi", StringComparison.Ordinal)))
        {
            Assert.True(withPsi.Metrics.ContainsKey(name), $"{name} missing");
            Assert.Equal(byDriftCommand[name], withPsi.Metrics[name], 1e-12);
        }
    }

    [Theory]
    // Oracle: SciPy 1.10.1 and NumPy 1.24.2 (Debian 12), /usr/bin/python3, printed with repr: shares r = ref / ref.sum(),
    // c = cur / cur.sum(), a zero share replaced by Evidently's rule (m / 1e6 if m <= 1e-4 else 1e-4, m the side's smallest
    // non-zero share), psi = np.sum((r - c) * np.log(r / c)); B = np.sum(ref + cur > 0); s = 1 / ref.sum() + 1 / cur.sum();
    // p = scipy.stats.chi2.sf(psi / s, B - 1); min detectable = scipy.stats.chi2.ppf(level, B - 1) * s.
    [InlineData(new long[] { 10, 10, 10 }, new long[] { 5, 10, 15 }, 0.95, 0.1831020481113516, 0.2532785618838642, 0.3994309698071986)]
    [InlineData(new long[] { 50, 0, 30, 20 }, new long[] { 40, 0, 35, 25 }, 0.95, 0.041179066688494366, 0.35719384291359313, 0.11982929094215958)] // B = 3
    [InlineData(new long[] { 50, 0, 30, 20 }, new long[] { 40, 0, 35, 25 }, 0.99, 0.041179066688494366, 0.35719384291359313, 0.1842068074395236)]
    public void Histogram_profiles_get_the_p_value_and_smallest_detectable_psi_of_scipy(
        long[] reference, long[] current, double level, double psi, double pValue, double minDetectable)
    {
        var edges = Enumerable.Range(0, reference.Length + 1).Select(i => (double)i).ToArray();
        var profile = (long[] counts, long missing) => new FeatureProfile { Kind = "numeric", Histogram = new Histogram { Edges = edges, Counts = counts }, Missing = missing };

        var withPsi = ProfileDrift.WithProfilePsi(Card(("age", profile(current, 7))), Card(("age", profile(reference, 3))), EmptyBinRule.Evidently, level);

        AssertSignificance(withPsi, "age", psi, pValue, minDetectable);
    }

    [Fact]
    public void Category_profiles_get_the_p_value_over_the_union_of_their_categories()
    {
        var baseline = Card(("plan", new FeatureProfile { Kind = "categorical", Categories = new Dictionary<string, long> { ["a"] = 40, ["b"] = 35, ["c"] = 25 }, Missing = 5 }));
        var candidate = Card(("plan", new FeatureProfile { Kind = "categorical", Categories = new Dictionary<string, long> { ["a"] = 30, ["b"] = 30, ["d"] = 45 }, Missing = 10 }));

        var withPsi = ProfileDrift.WithProfilePsi(candidate, baseline, EmptyBinRule.Evidently);

        // Oracle as above, ref = [40, 35, 25, 0], cur = [30, 30, 0, 45] (categories a, b, c, d; missing values not counted).
        AssertSignificance(withPsi, "plan", 5.590054037270745, 9.084713662761486e-62, 0.15257325906347544);
    }

    [Fact]
    public void Significance_the_candidate_carries_is_kept_and_none_is_added_beside_a_psi_it_carries()
    {
        var profile = (long[] counts) => new FeatureProfile { Kind = "numeric", Histogram = new Histogram { Edges = [0, 1, 2, 3], Counts = counts } };
        var baseline = Card(("age", profile([10, 10, 10])), ("tenure", profile([10, 10, 10])));
        var candidate = Card(("age", profile([5, 10, 15])), ("tenure", profile([5, 10, 15]))) with
        {
            Metrics = new Dictionary<string, double> { ["drift.psi_p_value.age"] = 0.5, ["drift.psi.tenure"] = 0.3 },
        };

        var metrics = ProfileDrift.WithProfilePsi(candidate, baseline, EmptyBinRule.Evidently).Metrics;

        Assert.Equal(0.5, metrics["drift.psi_p_value.age"]);
        Assert.Equal(0.3994309698071986, metrics["drift.psi_min_detectable.age"], 1e-12);
        Assert.Equal(0.3, metrics["drift.psi.tenure"]);
        Assert.False(metrics.ContainsKey("drift.psi_p_value.tenure"));
        Assert.False(metrics.ContainsKey("drift.psi_min_detectable.tenure"));
    }

    private static void AssertSignificance(ReportCard card, string feature, double psi, double pValue, double minDetectable)
    {
        Assert.Equal(psi, card.Metrics[$"drift.psi.{feature}"], 1e-12);
        var (actualP, actualMin) = (card.Metrics[$"drift.psi_p_value.{feature}"], card.Metrics[$"drift.psi_min_detectable.{feature}"]);
        Assert.True(Math.Abs(actualP - pValue) <= 1e-9 * pValue, $"p-value: expected {pValue:R}, got {actualP:R}");
        Assert.True(Math.Abs(actualMin - minDetectable) <= 1e-9 * minDetectable, $"min detectable: expected {minDetectable:R}, got {actualMin:R}");
    }

    private static ReportCard Card(params (string Name, FeatureProfile Profile)[] features) => new()
    {
        Schema = ReportCard.SchemaId,
        Model = new ModelInfo { Name = "m", Version = "1" },
        Metrics = new Dictionary<string, double>(),
        Features = features.ToDictionary(f => f.Name, f => f.Profile),
    };
}
