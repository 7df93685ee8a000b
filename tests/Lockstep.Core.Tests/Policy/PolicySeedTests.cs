using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class PolicySeedTests
{
    private const string Gates = "gates:\n  - { id: a, metric: auc, min: 0.5 }\n";

    [Fact]
    public void Reads_the_seed_into_the_policy()
    {
        var policy = PolicyReader.Parse($"version: 1\nseed: 1234\n{Gates}", "lockstep.yml");

        Assert.Equal(1234, policy.Seed);
    }

    [Fact]
    public void A_policy_without_a_seed_has_none()
    {
        Assert.Null(PolicyReader.Parse($"version: 1\n{Gates}", "lockstep.yml").Seed);
        Assert.Null(PolicyReader.ReadSeed($"version: 1\n{Gates}", "lockstep.yml"));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("\"17\"", 17)]
    public void Reads_seeds_across_the_whole_range(string value, int expected)
    {
        Assert.Equal(expected, PolicyReader.ReadSeed($"version: 1\nseed: {value}\n{Gates}", "lockstep.yml"));
    }

    [Theory]
    [InlineData("-1", "'-1'")]
    [InlineData("2147483648", "'2147483648'")]
    [InlineData("1.5", "'1.5'")]
    [InlineData("abc", "'abc'")]
    [InlineData("[1, 2]", "a list")]
    public void Refuses_a_seed_that_is_not_a_whole_number_in_range(string value, string got)
    {
        var error = Assert.Throws<InputException>(() => PolicyReader.ReadSeed($"version: 1\nseed: {value}\n{Gates}", "lockstep.yml"));

        Assert.Equal($"lockstep.yml:2:7: seed: expected a whole number from 0 to 2147483647, got {got}", error.Message);
        Assert.Equal(error.Message, Assert.Throws<InputException>(() => PolicyReader.Parse($"version: 1\nseed: {value}\n{Gates}", "lockstep.yml")).Message);
    }

    [Fact]
    public void Reading_only_the_seed_does_not_depend_on_the_gates()
    {
        const string unfinished = "version: 1\nseed: 7\ngates: []\n";

        Assert.Equal(7, PolicyReader.ReadSeed(unfinished, "lockstep.yml"));
        Assert.Throws<InputException>(() => PolicyReader.Parse(unfinished, "lockstep.yml"));
    }

    [Fact]
    public void Reading_only_the_seed_still_refuses_unknown_keys_and_bad_yaml()
    {
        var unknown = Assert.Throws<InputException>(() => PolicyReader.ReadSeed("version: 1\nsed: 7\n", "lockstep.yml"));
        Assert.Equal("lockstep.yml:2:1: policy: unknown key 'sed' (did you mean 'seed'?)", unknown.Message);

        Assert.StartsWith("lockstep.yml:2:1: invalid YAML", Assert.Throws<InputException>(() => PolicyReader.ReadSeed("seed: [1,\n", "lockstep.yml")).Message, StringComparison.Ordinal);
    }
}
