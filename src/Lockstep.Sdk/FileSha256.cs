using System.Security.Cryptography;

namespace Lockstep.Sdk;

/// <summary>The SHA-256 of a file of any size, streamed, as 64 lowercase hex digits.</summary>
internal static class FileSha256
{
    public static string Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
