using System.Security.Cryptography;

namespace Lockstep.Cli.Io;

public static class FileDigest
{
    /// <summary>The SHA-256 of a text as its UTF-8 file would have: the digest of a report not (yet) written to a file.</summary>
    public static string Sha256Text(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>The SHA-256 of a file of any size, streamed.</summary>
    public static string Sha256(string path) => Sha256(path, null);

    /// <summary>The SHA-256 of a file of any size, streamed, reporting the bytes hashed so far.</summary>
    public static string Sha256(string path, IProgress<long>? progress)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        if (progress is null)
        {
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
            progress.Report(total);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
