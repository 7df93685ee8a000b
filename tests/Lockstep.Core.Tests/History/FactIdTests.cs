using Lockstep.Core.History;

namespace Lockstep.Core.Tests.History;

public class FactIdTests
{
    [Fact]
    public void Id_is_the_lowercase_hex_sha256_of_the_key() =>
        // SHA-256 of "abc", the FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FactId.Of("abc"));

    [Fact]
    public void Parts_cannot_run_into_each_other()
    {
        Assert.NotEqual(FactId.Of("ab", "c"), FactId.Of("a", "bc"));
        Assert.NotEqual(FactId.Of("a", null), FactId.Of("a", string.Empty));
    }

    [Fact]
    public void Month_is_the_utc_month()
    {
        Assert.Equal("2026-11", FactId.Month(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("2026-12", FactId.Month(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero)));
    }
}
