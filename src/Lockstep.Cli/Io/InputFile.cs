using System.Security.Cryptography;
using System.Text;
using Lockstep.Core;

namespace Lockstep.Cli.Io;

/// <summary>A file read whole, with its SHA-256 so reports name exactly what they judged.</summary>
public sealed record InputFile(string DisplayPath, string Text, string Sha256)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static InputFile Read(string path, CliContext context)
    {
        var fullPath = context.Resolve(path);
        if (Directory.Exists(fullPath))
        {
            throw new InputException(path, null, null, "is a directory, expected a file");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(path, null, null, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, null, $"cannot read: {e.Message}");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(path, null, null, "is not UTF-8 text");
        }

        return new InputFile(path, text.TrimStart('\uFEFF'), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
