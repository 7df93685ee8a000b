using System.Text;

namespace Lockstep.Sdk.Tests;

public class StableHashTests
{
    /// <summary>The reference vectors of XXH64 with seed 0 (xxHash's own test suite).</summary>
    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    public void Is_xxhash64_with_seed_zero(string value, ulong expected)
    {
        Assert.Equal(expected, StableHash.Of(value));
    }

    [Fact]
    public void Hashes_the_utf8_bytes_not_utf16()
    {
        Assert.Equal(System.IO.Hashing.XxHash64.HashToUInt64([0xC3, 0xA9]), StableHash.Of("é"));
        Assert.NotEqual(System.IO.Hashing.XxHash64.HashToUInt64(Encoding.Unicode.GetBytes("é")), StableHash.Of("é"));
    }

    [Fact]
    public void Buckets_are_the_hash_modulo_the_count_and_spread_evenly()
    {
        var counts = new int[10];
        for (var i = 0; i < 10_000; i++)
        {
            var key = $"customer-{i}";
            var bucket = StableHash.Bucket(key, 10);
            Assert.Equal((int)(StableHash.Of(key) % 10), bucket);
            counts[bucket]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 900, 1100));
    }

    [Fact]
    public void Bucket_refuses_a_count_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StableHash.Bucket("a", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StableHash.Bucket("a", -3));
        Assert.Equal(0, StableHash.Bucket("a", 1));
    }

    [Fact]
    public void Refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => StableHash.Of(null!));
    }
}
