using Lockstep.Analyzers.Options;

namespace Lockstep.Analyzers.Data;

internal enum DataReferenceKind
{
    /// <summary>Not a data path or URI.</summary>
    None,

    /// <summary>A local path of a data file, or inside a data root.</summary>
    LocalPath,

    /// <summary>A path inside someone's home folder.</summary>
    MachineSpecificPath,

    /// <summary>A URI of remote data (<c>s3://</c>, <c>gs://</c>, <c>hf://</c>, a Hugging Face <c>resolve/</c> URL, an http(s) data file).</summary>
    Remote,
}

/// <summary>What a string literal refers to, for LS2001–LS2004.</summary>
internal readonly struct DataReference
{
    private static readonly string[] DataSchemes = ["s3", "gs", "gcs", "hf", "az", "abfs", "abfss", "wasb", "wasbs", "adl", "dbfs"];

    private DataReference(DataReferenceKind kind, string text, string scheme)
    {
        Kind = kind;
        Text = text;
        Scheme = scheme;
    }

    public DataReferenceKind Kind { get; }

    public string Text { get; }

    /// <summary>The URI scheme in lower case, for <see cref="DataReferenceKind.Remote"/>.</summary>
    public string Scheme { get; }

    public static DataReference Classify(string text, LockstepOptions options)
    {
        if (text.Length < 3 || text.Length > 2048 || !LooksLikePathOrUri(text))
        {
            return default;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            var scheme = text.Substring(0, schemeEnd).ToLowerInvariant();
            return IsRemoteData(text, scheme, options) ? new DataReference(DataReferenceKind.Remote, text, scheme) : default;
        }

        if (DataPaths.IsMachineSpecific(text))
        {
            return new DataReference(DataReferenceKind.MachineSpecificPath, text, string.Empty);
        }

        var normal = DataPaths.Normalize(text);
        var isData = (options.DataFileExtensions.Contains(DataPaths.Extension(normal)) && !DataPaths.IsConfigurationOrModelMetadata(normal))
            || options.DataRoots.Contains(DataPaths.FirstSegment(normal), StringComparer.Ordinal);
        return isData ? new DataReference(DataReferenceKind.LocalPath, text, string.Empty) : default;
    }

    /// <summary>The first mutable-reference pattern the text contains, or null. Words match whole; others as written.</summary>
    public string? MutablePattern(LockstepOptions options)
    {
        foreach (var pattern in options.MutableReferencePatterns)
        {
            if (pattern.All(char.IsLetterOrDigit) ? ContainsWord(Text, pattern) : Text.IndexOf(pattern, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return pattern;
            }
        }

        return null;
    }

    // Whitespace, wildcards and format holes mean a message, a search pattern or a template, not a path.
    private static bool LooksLikePathOrUri(string text)
    {
        var separator = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && !IsHomeFolderSpace(text))
            {
                return false;
            }

            switch (c)
            {
                case '*' or '{' or '}' or '<' or '>' or '|' or '"':
                    return false;
                case '/' or '\\' or '.':
                    separator = true;
                    break;
            }
        }

        return separator;
    }

    private static bool IsHomeFolderSpace(string text) => text.IndexOf("Documents and Settings", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsRemoteData(string text, string scheme, LockstepOptions options)
    {
        if (DataSchemes.Contains(scheme))
        {
            return true;
        }

        if (scheme is not ("http" or "https"))
        {
            return false;
        }

        var end = text.IndexOfAny(['?', '#']);
        var path = end < 0 ? text : text.Substring(0, end);
        return path.IndexOf("/resolve/", StringComparison.Ordinal) >= 0
            || options.DataFileExtensions.Contains(DataPaths.Extension(path.Substring(text.IndexOf("://", StringComparison.Ordinal) + 3)));
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var start = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); start >= 0; start = text.IndexOf(word, start + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = start + word.Length;
            if ((start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
