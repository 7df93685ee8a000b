namespace Lockstep.Analyzers.Data;

/// <summary>Whether a remote data URI names fixed bytes, and if not, what to add (LS2003).</summary>
internal static class RemotePins
{
    /// <summary>What the URI lacks to be pinned, or null when it is pinned.</summary>
    public static string? Missing(string uri, string scheme)
    {
        if (scheme == "s3")
        {
            return uri.IndexOf("versionId=", StringComparison.Ordinal) >= 0 ? null : "add the object's versionId (?versionId=…)";
        }

        var resolve = uri.IndexOf("/resolve/", StringComparison.Ordinal);
        if (resolve >= 0 || scheme == "hf")
        {
            return HasRevisionSha(uri, resolve) ? null : "use a 40-character commit SHA as the revision instead of a branch or tag";
        }

        if (scheme is "http" or "https")
        {
            return HasContentHash(uri) ? null : "add a content hash (#sha256=…) or download it once and pin the copy in data.lock.json";
        }

        return null;
    }

    private static bool HasRevisionSha(string uri, int resolve)
    {
        if (resolve >= 0)
        {
            var start = resolve + "/resolve/".Length;
            var end = uri.IndexOf('/', start);
            return IsHex(end < 0 ? uri.Substring(start) : uri.Substring(start, end - start), 40);
        }

        // hf://datasets/owner/name@<revision>/file
        var at = uri.IndexOf('@');
        if (at < 0)
        {
            return false;
        }

        var slash = uri.IndexOf('/', at);
        return IsHex(slash < 0 ? uri.Substring(at + 1) : uri.Substring(at + 1, slash - at - 1), 40);
    }

    private static bool HasContentHash(string uri)
    {
        if (uri.IndexOf("sha256", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        // A commit or content hash anywhere in the URI (raw.githubusercontent.com/owner/repo/<sha>/file.csv).
        var run = 0;
        foreach (var c in uri)
        {
            run = IsHexDigit(c) ? run + 1 : 0;
            if (run >= 40)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHex(string text, int length) => text.Length == length && text.All(IsHexDigit);

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
