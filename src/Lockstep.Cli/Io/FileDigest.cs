using System.Security.Cryptography;

namespace Lockstep.Cli.Io;

public static class FileDigest
{
    /// <summary>The SHA-256 of a file of any size, streamed.</summary>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
