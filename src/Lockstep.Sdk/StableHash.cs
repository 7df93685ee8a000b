namespace Lockstep.Sdk;

/// <summary>A string hash that is the same in every process, on every machine and every .NET version (XxHash64 of the UTF-8 bytes).</summary>
public static class StableHash
{
    public static ulong Of(string value) => throw new NotImplementedException();

    public static int Bucket(string value, int buckets) => throw new NotImplementedException();
}
