using Lockstep.Core.Contracts;
using Lockstep.Core.Rebuild;
using static Lockstep.Core.Tests.Rebuild.RebuildCards;

namespace Lockstep.Core.Tests.Rebuild;

public class ProfileComparerTests
{
    private static readonly FeatureProfile Age = Registered.Features["age"];
    private static readonly FeatureProfile City = Registered.Features["city"];

    [Fact]
    public void Different_bin_category_and_missing_counts_are_each_named()
    {
        var check = Check(Profiles(
            Age with { Histogram = Age.Histogram! with { Counts = [401, 599] }, Missing = 0 },
            City with { Categories = new Dictionary<string, long> { ["Paris"] = 12, ["Nice"] = 8 } }));

        Assert.Equal(
            [
                "feature 'age': bin 1 count 400 registered, 401 rebuilt",
                "feature 'age': bin 2 count 600 registered, 599 rebuilt",
                "feature 'age': missing count 2 registered, 0 rebuilt",
                "feature 'city': category 'Lyon' count 8 registered, 0 rebuilt",
                "feature 'city': category 'Nice' count 0 registered, 8 rebuilt",
            ],
            Messages(check));
    }

    [Fact]
    public void Different_edges_are_named_once_without_comparing_bins()
    {
        var check = Check(Profiles(Age with { Histogram = new Histogram { Edges = [0, 30, 61], Counts = [1, 2] } }, City));

        Assert.Equal(["feature 'age': histogram edges [0, 30, 60] registered, [0, 30, 61] rebuilt"], Messages(check));
    }

    [Fact]
    public void A_different_kind_is_named()
    {
        Assert.Equal(["feature 'age': kind numeric registered, categorical rebuilt"], Messages(Check(Profiles(Age with { Kind = "categorical" }, City))));
    }

    [Fact]
    public void A_feature_profiled_on_one_side_only_is_missing_from_the_other()
    {
        var rebuilt = Registered with { Features = new Dictionary<string, FeatureProfile> { ["age"] = Age, ["plan"] = City } };

        Assert.Equal(["feature 'city': missing from the rebuilt card", "feature 'plan': missing from the registered card"], Messages(Check(rebuilt)));
    }

    [Fact]
    public void Profiles_are_compared_only_when_both_cards_have_them()
    {
        Assert.Equal(RebuildVerdict.Identical, Check(Registered with { Features = new Dictionary<string, FeatureProfile>() }).Verdict);
    }

    private static ReportCard Profiles(FeatureProfile age, FeatureProfile city) =>
        Registered with { Features = new Dictionary<string, FeatureProfile> { ["age"] = age, ["city"] = city } };
}
