using Lockstep.Core.Contracts;
using Lockstep.Core.Rebuild;
using static Lockstep.Core.Tests.Rebuild.RebuildCards;

namespace Lockstep.Core.Tests.Rebuild;

public class DataPinComparerTests
{
    private static readonly DatasetReference Train = Registered.Datasets[0];
    private static readonly DatasetReference Test = Registered.Datasets[1];

    [Fact]
    public void A_different_digest_names_the_pin_and_both_digests()
    {
        var check = Check(Registered.WithDatasets(Train with { Sha256 = OtherDigest }, Test));

        Assert.Equal([$"data pin 'train' (data/train.csv): sha256 {TrainDigest} registered, {OtherDigest} rebuilt"], Messages(check));
        Assert.Equal((RebuildDifferenceKind.DataPin, "train", "sha256"), (check.Differences[0].Kind, check.Differences[0].Subject, check.Differences[0].Field));
    }

    [Fact]
    public void Digests_differing_in_letter_case_only_are_the_same()
    {
        Assert.Equal(RebuildVerdict.Identical, Check(Registered.WithDatasets(Train with { Sha256 = TrainDigest.ToUpperInvariant() }, Test)).Verdict);
    }

    [Fact]
    public void A_different_row_count_names_the_pin()
    {
        Assert.Equal(["data pin 'test' (data/test.csv): rows 200 registered, 199 rebuilt"], Messages(Check(Registered.WithDatasets(Train, Test with { Rows = 199 }))));
    }

    [Fact]
    public void A_digest_or_rows_missing_from_the_rebuilt_pin_differs()
    {
        var check = Check(Registered.WithDatasets(Train with { Sha256 = null, Rows = null }, Test));

        Assert.Equal(["data pin 'train' (data/train.csv): sha256 missing from the rebuilt card", "data pin 'train' (data/train.csv): rows missing from the rebuilt card"], Messages(check));
    }

    [Fact]
    public void A_pin_on_one_side_only_is_missing_from_the_other()
    {
        var extra = new DatasetReference { Role = "validation", Uri = "data/validation.csv", Sha256 = OtherDigest };

        var check = Check(Registered.WithDatasets(Train, extra));

        Assert.Equal(["data pin 'test' (data/test.csv): missing from the rebuilt card", "data pin 'validation' (data/validation.csv): missing from the registered card"], Messages(check));
    }

    [Fact]
    public void Pins_are_matched_by_role_and_uri_whatever_their_order()
    {
        Assert.Equal(RebuildVerdict.Identical, Check(Registered.WithDatasets(Test, Train)).Verdict);
    }

    [Fact]
    public void The_one_pin_of_a_role_at_another_uri_is_compared_and_its_uri_named()
    {
        var check = Check(Registered.WithDatasets(Train with { Uri = "data/train-v2.csv", Sha256 = OtherDigest }, Test));

        Assert.Equal(
            ["data pin 'train': uri data/train.csv registered, data/train-v2.csv rebuilt", $"data pin 'train' (data/train.csv): sha256 {TrainDigest} registered, {OtherDigest} rebuilt"],
            Messages(check));
    }

    [Fact]
    public void A_registered_pin_without_a_digest_cannot_tell()
    {
        var registered = Registered.WithDatasets(Train, Test with { Sha256 = null });

        var check = Check(registered, registered);

        Assert.Equal(RebuildVerdict.CannotTell, check.Verdict);
        Assert.Equal("cannot tell: data pin 'test' (data/test.csv): sha256 missing from the registered card", check.Summary);
    }

    [Fact]
    public void A_registered_card_without_data_pins_cannot_tell()
    {
        var registered = Registered.WithDatasets();

        Assert.Equal("cannot tell: datasets: no data pin in the registered card", Check(registered, registered).Summary);
    }
}
