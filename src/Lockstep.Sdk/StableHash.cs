using System.IO.Hashing;
using System.Text;

namespace Lockstep.Sdk;

/// <summary>
/// A string hash that is the same in every process, on every machine and on every .NET version: XxHash64 (seed 0)
/// of the string's UTF-8 bytes. Use it where <see cref="string.GetHashCode()"/> would be wrong because .NET
/// randomizes that per process: bucketing rows into splits, sharding, or anything written to disk.
/// </summary>
public static class StableHash
{
    /// <summary>XxHash64 of the UTF-8 bytes of <paramref name="value"/>.</summary>
    public static ulong Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>The bucket, from 0 to <paramref name="buckets"/> − 1, that <paramref name="value"/> falls in: <see cref="Of"/> modulo <paramref name="buckets"/>.</summary>
    public static int Bucket(string value, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        return (int)(Of(value) % (ulong)buckets);
    }

    /// <summary>XxHash64 of the UTF-8 bytes of <paramref name="value"/> with <paramref name="seed"/> as the hash's seed.</summary>
    internal static ulong Keyed(string value, long seed) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(value), seed);
}
