using Lockstep.Core.Pinning;

namespace Lockstep.Core.Tests.Pinning;

public class DataPinCheckTests
{
    private static readonly DataPin Pin = new() { Sha256 = new string('a', 64), Size = 10 };

    [Fact]
    public void A_file_matches_only_with_the_same_size_and_digest()
    {
        Assert.True(DataPinCheck.Matches(Pin, 10, new string('a', 64)));
        Assert.False(DataPinCheck.Matches(Pin, 11, new string('a', 64)));
        Assert.False(DataPinCheck.Matches(Pin, 10, new string('b', 64)));
    }

    [Fact]
    public void A_mismatch_names_the_file_both_digests_and_the_command_that_re_pins_it()
    {
        var message = DataPinCheck.Mismatch("data/train.csv", Pin, 1, new string('b', 64));

        Assert.Equal(
            $"data/train.csv: does not match its pin: expected sha256 {new string('a', 64)} (10 bytes), found sha256 {new string('b', 64)} (1 byte); " +
            "if the change is intended, re-pin it: lockstep data pin data/train.csv",
            message);
    }

    [Fact]
    public void The_re_pin_command_quotes_a_path_with_spaces()
    {
        Assert.Equal("lockstep data pin \"my data/a.csv\"", DataPinCheck.RepinCommand("my data/a.csv"));
    }
}
