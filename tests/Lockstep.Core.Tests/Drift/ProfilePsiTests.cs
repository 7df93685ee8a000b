using Lockstep.Core.Contracts;
using Lockstep.Core.Drift;
using Lockstep.Core.Metrics;

namespace Lockstep.Core.Tests.Drift;

public class ProfilePsiTests
{
    [Fact]
    public void Psi_and_significance_come_from_the_profiles_counts_without_the_missing_values()
    {
        var reference = Categories(new Dictionary<string, long> { ["a"] = 40, ["b"] = 35, ["c"] = 25 }, missing: 5);
        var current = Categories(new Dictionary<string, long> { ["a"] = 30, ["b"] = 30, ["d"] = 45 }, missing: 10);

        var profilePsi = ProfilePsi.Of(reference, current, EmptyBinRule.Evidently, 0.99)!;

        long[] referenceCounts = [40, 35, 25, 0], currentCounts = [30, 30, 0, 45];
        var psi = Psi.FromCounts(referenceCounts, currentCounts, EmptyBinRule.Evidently);
        Assert.Equal(psi, profilePsi.Psi);
        Assert.Equal(PsiSignificance.Of(psi, referenceCounts, currentCounts, 0.99), profilePsi.Significance);
    }

    [Fact]
    public void One_occupied_bin_gives_a_psi_without_significance()
    {
        var profilePsi = ProfilePsi.Of(
            Categories(new Dictionary<string, long> { ["a"] = 5 }, 0), Categories(new Dictionary<string, long> { ["a"] = 7 }, 2), EmptyBinRule.Evidently, 0.95)!;

        Assert.Equal(0, profilePsi.Psi, 1e-15);
        Assert.Null(profilePsi.Significance);
    }

    [Fact]
    public void Profiles_that_are_not_comparable_give_nothing()
    {
        var histogram = (double[] edges) => new FeatureProfile { Kind = "numeric", Histogram = new Histogram { Edges = edges, Counts = [3, 4] } };

        Assert.Null(ProfilePsi.Of(histogram([0, 1, 2]), histogram([0, 1.5, 2]), EmptyBinRule.Evidently, 0.95));
        Assert.Null(ProfilePsi.Of(histogram([0, 1, 2]), Categories(new Dictionary<string, long> { ["a"] = 1 }, 0), EmptyBinRule.Evidently, 0.95));
    }

    private static FeatureProfile Categories(Dictionary<string, long> counts, long missing) =>
        new() { Kind = "categorical", Categories = counts, Missing = missing };
}
